// Send an article to the customer by email: the address from the open card (or typed), a short
// personal note, then the outcome in plain words — sent, or waiting in the outbox because the
// mail server cannot be reached (it goes out by itself later and is never lost).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../../src-shared/contract/messages';
import { errorText } from '../../i18n';
import { useKb, useKbActions } from '../start';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function SendEmailDialog({ articleId, title, attachments }: { articleId: number; title: string; attachments: number }) {
  const { t } = useTranslation();
  const actions = useKbActions();
  const card = useKb((s) => s.card);
  const [to, setTo] = useState(card.email ?? '');
  const [note, setNote] = useState(card.customerId !== null ? t('kb.send.greeting', { name: card.name, title }) : '');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<MessageView | null>(null);

  const submit = async () => {
    if (!emailPattern.test(to.trim())) {
      setProblem(t('kb.send.invalidEmail'));
      return;
    }
    setProblem(null);
    setBusy(true);
    const { message, error } = await actions.sendEmail({ articleId, to: to.trim(), note: note.trim() });
    setBusy(false);
    if (error) setProblem(t('kb.send.failed', { reason: errorText(t, error) || error.message }));
    else setResult(message);
  };

  const outcome = result
    ? result.status === 'sent'
      ? { kind: 'is-ok', text: t('kb.send.sent', { to: result.address }) }
      : result.status === 'queued'
        ? { kind: 'is-warning', text: result.reason === 'unavailable' ? t('kb.send.queued') : t('kb.send.queuedNoSmtp') }
        : { kind: 'is-error', text: t('kb.send.failed', { reason: result.reason ?? result.status }) }
    : null;

  return (
    <div className="modal-backdrop" onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); actions.closeSend(); } }}>
      <form className="modal kb-send" role="dialog" aria-label={t('kb.send.title')} data-testid="kb-send-dialog" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <header className="modal-header">
          <h1>{t('kb.send.title')}</h1>
          <button type="button" className="btn btn-small btn-ghost" aria-label={t('kb.send.cancel')} onClick={() => actions.closeSend()}>✕</button>
        </header>
        <div className="modal-body">
          <div className="kb-send-article">
            <span className="kb-file-icon" aria-hidden>✉</span>
            <div>
              <div className="kb-send-subject">{t('kb.send.subject', { subject: title })}</div>
              {attachments > 0 ? <div className="muted small">{t('kb.send.attachments', { count: attachments })}</div> : null}
            </div>
          </div>
          <label className="kb-field">{t('kb.send.to')}
            <input data-testid="kb-send-to" type="email" autoFocus={!to} value={to} placeholder={t('kb.send.toPlaceholder')} disabled={busy || result !== null} onChange={(e) => setTo(e.target.value)} />
            {card.customerId !== null && !card.email ? <span className="muted small">{t('kb.send.noEmail')}</span> : null}
          </label>
          <label className="kb-field">{t('kb.send.note')}
            <textarea data-testid="kb-send-note" rows={4} value={note} maxLength={2000} autoFocus={Boolean(to)} placeholder={t('kb.send.notePlaceholder')} disabled={busy || result !== null} onChange={(e) => setNote(e.target.value)} />
          </label>
          {problem ? <div className="notice is-error" data-testid="kb-send-problem">{problem}</div> : null}
          {outcome ? (
            <div className={`notice ${outcome.kind}`} data-testid="kb-send-result" data-status={result!.status}>
              {outcome.text}
              {result!.customerId !== null ? <div className="small">{t('kb.send.logged')}</div> : null}
            </div>
          ) : null}
          <footer className="modal-footer">
            {result ? (
              <button type="button" className="btn btn-primary" data-testid="kb-send-done" onClick={() => actions.closeSend()}>{t('kb.panel.close')}</button>
            ) : (
              <>
                <button type="button" className="btn" onClick={() => actions.closeSend()}>{t('kb.send.cancel')}</button>
                <button type="submit" className="btn btn-primary" data-testid="kb-send-submit" disabled={busy}>{busy ? t('kb.send.sending') : t('kb.send.submit')}</button>
              </>
            )}
          </footer>
        </div>
      </form>
    </div>
  );
}
