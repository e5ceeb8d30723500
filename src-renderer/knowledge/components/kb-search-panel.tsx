// The KB search column: a box that searches on every keystroke, category and model filters,
// the open card's context (its car ranks first; the agent can switch that off) and the ranked
// results with highlighted snippets. ↑/↓ move, Enter opens.
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { kbCategories, type KbCategory } from '../../../src-shared/domain/knowledge/categories';
import { errorText } from '../../i18n';
import { useKb, useKbActions } from '../start';
import { contextFacts } from './format';
import { Snippet } from './snippet';

export function KbSearchPanel() {
  const { t, i18n } = useTranslation();
  const actions = useKbActions();
  const search = useKb((s) => s.search);
  const card = useKb((s) => s.card);
  const openId = useKb((s) => s.article.id);
  const [selected, setSelected] = useState(0);
  useEffect(() => setSelected(0), [search.hits]);
  const facts = contextFacts(t, i18n.language, card.context);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setSelected((i) => Math.max(0, Math.min(search.hits.length - 1, i + (event.key === 'ArrowDown' ? 1 : -1))));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = search.hits[selected];
      if (hit) void actions.openArticle(hit.id);
    }
  };
  const heading =
    search.mode === 'search' ? t('kb.search.results', { count: search.hits.length }) : search.mode === 'suggest' ? t('kb.search.suggested') : t('kb.search.idle');
  return (
    <section className="kb-search-pane" data-testid="kb-search-pane">
      <div className="search-box">
        <span className="search-icon" aria-hidden>⌕</span>
        <input
          type="text"
          role="searchbox"
          autoFocus
          data-testid="kb-search-input"
          placeholder={t('kb.search.placeholder')}
          value={search.query}
          onChange={(e) => actions.setQuery(e.target.value)}
          onKeyDown={onKeyDown}
        />
        {search.status === 'loading' ? <span className="search-spinner" /> : null}
      </div>
      <div className="kb-filters">
        <select data-testid="kb-filter-category" aria-label={t('kb.category.all')} value={search.filter.category ?? ''} onChange={(e) => actions.setFilter({ category: (e.target.value || null) as KbCategory | null })}>
          <option value="">{t('kb.category.all')}</option>
          {kbCategories.map((c) => <option key={c} value={c}>{t(`kb.category.${c}`)}</option>)}
        </select>
        <input data-testid="kb-filter-model" aria-label={t('kb.search.model')} placeholder={t('kb.search.modelPlaceholder')} value={search.filter.model} onChange={(e) => actions.setFilter({ model: e.target.value })} />
      </div>
      {card.customerId !== null && facts.length ? (
        <div className={`kb-context${search.useCardContext ? '' : ' is-off'}`} data-testid="kb-context">
          <span className="kb-context-text">{search.useCardContext ? t('kb.search.context', { name: card.name, facts: facts.join(' · ') }) : facts.join(' · ')}</span>
          <button type="button" className="btn-link small" data-testid="kb-context-toggle" onClick={() => actions.setUseCardContext(!search.useCardContext)}>
            {search.useCardContext ? t('kb.search.contextOff') : t('kb.search.contextOn')}
          </button>
        </div>
      ) : null}
      <div className="results-header">
        <span className="results-count" data-testid="kb-results-heading">{heading}</span>
        {search.tookMs !== null && search.mode === 'search' ? <span className="muted small">{t('kb.search.took', { ms: search.tookMs.toFixed(1) })}</span> : null}
      </div>
      {search.status === 'error' ? <div className="results-note is-error">{t('kb.search.failed', { reason: errorText(t, search.error) })}</div> : null}
      <ol className="kb-results" data-testid="kb-results" data-query={search.query} data-status={search.status}>
        {search.status !== 'loading' && search.hits.length === 0 && search.query.trim() ? <li className="results-empty">{t('kb.search.none')}</li> : null}
        {search.hits.map((hit, i) => (
          <li
            key={hit.id}
            className={`kb-result${hit.id === openId ? ' is-open' : ''}${i === selected ? ' is-selected' : ''}`}
            data-testid="kb-result"
            data-article-id={hit.id}
            data-fits={hit.fitsContext}
            onClick={() => { setSelected(i); void actions.openArticle(hit.id); }}
          >
            <div className="kb-result-title">
              <span className="kb-result-name">{hit.title}</span>
              {hit.status !== 'published' ? <span className={`kb-chip kb-status-${hit.status}`}>{t(`kb.status.${hit.status}`)}</span> : null}
            </div>
            <div className="kb-result-meta">
              <span className={`kb-chip kb-cat-${hit.category}`}>{t(`kb.category.${hit.category}`)}</span>
              {hit.fitsContext && card.customerId !== null ? <span className="kb-fits">✓ {t('kb.search.fits')}</span> : null}
              {hit.models.length ? <span className="muted small kb-result-models">{hit.models.join('、')}</span> : null}
            </div>
            {hit.snippet.length ? <div className="kb-result-snippet"><Snippet pieces={hit.snippet} /></div> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
