// What the knowledge base shows over any screen: the send-by-email dialog, an article opened
// from the card panel (the call screen stays underneath), and the F2 standard-answer picker for
// whichever reply/note textarea has the focus.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KbArticle } from '../../../src-shared/contract/knowledge';
import { asContractError } from '../../state/action-deps';
import { useKb, useKbActions } from '../start';
import { showKnowledgeScreen } from './knowledge-screen';
import { ArticleView } from './article-view';
import { SendEmailDialog } from './send-email-dialog';
import { insertAtCursor, StandardAnswerPicker, standardAnswerKey } from './standard-answer-picker';

export function KnowledgeOverlays() {
  const sending = useKb((s) => s.sending);
  const preview = useKb((s) => s.preview);
  return (
    <>
      {preview !== null ? <ArticlePreview id={preview} /> : null}
      {sending ? <SendEmailDialog key={sending.articleId} {...sending} /> : null}
      <StandardAnswerShortcut />
    </>
  );
}

function ArticlePreview({ id }: { id: number }) {
  const { t } = useTranslation();
  const actions = useKbActions();
  const [article, setArticle] = useState<KbArticle | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void actions.getArticle(id).then((a) => live && setArticle(a), (e) => live && setError(asContractError(e).message));
    return () => {
      live = false;
    };
  }, [actions, id]);
  return (
    <div className="modal-backdrop" onMouseDown={() => actions.closePreview()} onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); actions.closePreview(); } }}>
      <div className="modal kb-preview" role="dialog" tabIndex={-1} ref={(el) => el?.focus()} data-testid="kb-preview" onMouseDown={(e) => e.stopPropagation()}>
        <header className="modal-header">
          <span className="muted small">{t('kb.title')}</span>
          <span className="kb-grow" />
          <button type="button" className="btn btn-small btn-ghost" onClick={() => { actions.closePreview(); void actions.openArticle(id); showKnowledgeScreen(); }}>{t('kb.panel.more')}</button>
          <button type="button" className="btn btn-small btn-ghost" aria-label={t('kb.panel.close')} data-testid="kb-preview-close" onClick={() => actions.closePreview()}>✕</button>
        </header>
        <div className="modal-body">
          {error ? <div className="notice is-error">{error}</div> : article ? <ArticleView article={article} compact /> : <span className="search-spinner" />}
        </div>
      </div>
    </div>
  );
}

function StandardAnswerShortcut() {
  const [target, setTarget] = useState<{ el: HTMLTextAreaElement; rect: DOMRect } | null>(null);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== standardAnswerKey || event.ctrlKey || event.altKey || event.metaKey) return;
      const el = document.activeElement;
      if (!(el instanceof HTMLTextAreaElement) || el.readOnly || el.disabled || el.closest('.kb-editor-body')) return;
      event.preventDefault();
      setTarget({ el, rect: el.getBoundingClientRect() });
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
  if (!target) return null;
  return (
    <StandardAnswerPicker
      anchor={target.rect}
      onClose={() => { setTarget(null); target.el.focus(); }}
      onPick={(text) => {
        setTarget(null);
        if (target.el.isConnected) insertAtCursor(target.el, text);
      }}
    />
  );
}
