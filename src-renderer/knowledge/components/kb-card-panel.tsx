// The knowledge panel on the customer card: as soon as the card is open (a call popped it or
// the agent opened it) it suggests articles for the inquiry category and the caller's car
// (model, mileage, age); a search typed here ranks that car's articles first. Articles open over
// the card and go to the customer by email without leaving the call screen.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KbHit } from '../../../src-shared/contract/knowledge';
import { knowledgeStarted, useKb, useKbActions } from '../start';
import { contextFacts } from './format';
import { Snippet } from './snippet';

/** Nothing when the KB is not wired (a card rendered outside the full app). */
export function KbCardPanel() {
  return knowledgeStarted() ? <CardPanel /> : null;
}

function CardPanel() {
  const { t, i18n } = useTranslation();
  const actions = useKbActions();
  const card = useKb((s) => s.card);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<KbHit[] | null>(null);
  const seq = useRef(0);
  useEffect(() => {
    setQuery('');
    setHits(null);
  }, [card.customerId]);
  const search = async (text: string) => {
    setQuery(text);
    const mine = ++seq.current;
    if (!text.trim()) {
      setHits(null);
      return;
    }
    const found = await actions.panelSearch(text, card.context);
    if (mine === seq.current) setHits(found);
  };
  const facts = contextFacts(t, i18n.language, card.context);
  const list = hits ?? card.suggestions;
  return (
    <section className="panel kb-card-panel" data-slot="knowledge" data-testid="kb-card-panel">
      <h2>{t('kb.panel.title')}</h2>
      {facts.length ? <div className="kb-card-facts" data-testid="kb-card-context">{facts.map((f) => <span key={f} className="kb-tag">{f}</span>)}</div> : null}
      <input className="kb-card-search" data-testid="kb-card-search" placeholder={t('kb.panel.search')} value={query} onChange={(e) => void search(e.target.value)} />
      <ul className="kb-card-list" data-testid="kb-card-suggestions">
        {list.length === 0 ? <li className="muted small">{hits ? t('kb.search.none') : t('kb.panel.none')}</li> : null}
        {list.slice(0, 8).map((hit) => (
          <li key={hit.id} className="kb-card-item" data-testid="kb-card-item" data-article-id={hit.id} data-fits={hit.fitsContext}>
            <button type="button" className="kb-card-open" title={t('kb.panel.open')} onClick={() => actions.openPreview(hit.id)}>
              <span className="kb-card-title">{hit.title}</span>
              <span className="kb-card-meta">
                <span className={`kb-chip kb-cat-${hit.category}`}>{t(`kb.category.${hit.category}`)}</span>
                {hit.models.length ? <span className="muted small">{hit.models.slice(0, 3).join('、')}</span> : null}
              </span>
              {hits && hit.snippet.length ? <span className="kb-card-snippet"><Snippet pieces={hit.snippet} /></span> : null}
            </button>
            <button type="button" className="btn btn-small btn-ghost kb-card-mail" data-testid="kb-card-email" title={t('kb.panel.email')} onClick={() => actions.openSend({ id: hit.id, title: hit.title })}>
              ✉
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
