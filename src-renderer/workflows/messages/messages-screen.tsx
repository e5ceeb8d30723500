// 短信: templates, outbox (status and why held), replies (rating 1–5, RSVP "Y", 退订), per-customer
// opt-out, and the sending settings (quiet hours, frequency cap, SMS provider).
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { MessageView } from '../../../src-shared/contract/messages';
import { localClockText } from '../state/calling-reason';
import { createMessages, messageSections, type Messages } from '../state/messages';
import { perClient } from '../state/per-client';
import { useWfClient } from '../start';
import '../care/care.css';
import { MessageSettings } from './message-settings';
import { OptOutPanel } from './opt-out-panel';
import { TemplateEditor } from './template-editor';

const messagesFor = perClient(createMessages);
const statuses: MessageView['status'][] = ['queued', 'sent', 'failed', 'suppressed'];

export function MessagesScreen() {
  const { t } = useTranslation();
  const m = messagesFor(useWfClient());
  const s = useStore(m.store);
  useEffect(() => {
    if (!m.store.getState().templates.length) void m.load();
  }, [m]);
  return (
    <section className="wf-care wf-messages" data-testid="messages-screen">
      <div className="wf-toolbar">
        <div className="wf-scope">
          {messageSections.map((x) => (
            <button key={x} type="button" className={`wf-seg${s.section === x ? ' is-active' : ''}`} data-testid={`msg-section-${x}`} onClick={() => m.show(x)}>{t(`wf.msg.sections.${x}`)}</button>
          ))}
        </div>
        <span className="wf-grow" />
        {s.error ? <span className="wf-care-note is-error" data-testid="msg-error" style={{ flexBasis: 'auto' }}>{s.error.issues?.map((i) => i.message).join('；') || s.error.message}</span> : null}
      </div>
      {s.section === 'templates' ? <TemplateEditor m={m} /> : s.section === 'outbox' ? <Outbox m={m} /> : s.section === 'replies' ? <Replies m={m} /> : s.section === 'optOut' ? <OptOutPanel m={m} /> : <MessageSettings m={m} />}
    </section>
  );
}

function StatusCell({ message: x }: { message: MessageView }) {
  const { t } = useTranslation();
  const time = x.notBefore ? localClockText(new Date(x.notBefore), 'Asia/Shanghai', new Date()) : '';
  return (
    <td data-testid="msg-status" data-status={x.status} data-reason={x.reason ?? ''}>
      <span className={`wf-tag is-${x.status}`}>{t(`wf.msg.status.${x.status}`)}</span>
      {x.reason && x.status !== 'sent' ? <div className="wf-care-note is-held">{t(`wf.care.held.${x.reason}`, { time, max: '-', days: '-', defaultValue: x.reason })}</div> : null}
    </td>
  );
}

function Outbox({ m }: { m: Messages }) {
  const { t } = useTranslation();
  const s = useStore(m.store);
  return (
    <>
      <div className="wf-toolbar">
        <label className="wf-inline">{t('wf.msg.statusLabel')}
          <select data-testid="outbox-status" value={s.outboxStatus} onChange={(e) => void m.loadOutbox(e.target.value as MessageView['status'] | '')}>
            <option value="">{t('wf.msg.allStatuses')}</option>
            {statuses.map((x) => <option key={x} value={x}>{t(`wf.msg.status.${x}`)}</option>)}
          </select>
        </label>
        <button type="button" className="btn btn-small" data-testid="outbox-refresh" onClick={() => void m.loadOutbox()}>{t('wf.care.refresh')}</button>
      </div>
      {!s.outbox.length ? <p className="wf-empty" data-testid="outbox-empty">{t('wf.msg.noMessages')}</p> : (
        <table className="grid" data-testid="outbox">
          <thead><tr><th>{t('wf.msg.created')}</th><th>{t('wf.msg.to')}</th><th>{t('wf.msg.templateLabel')}</th><th>{t('wf.msg.body')}</th><th>{t('wf.msg.statusLabel')}</th></tr></thead>
          <tbody>
            {s.outbox.map((x) => (
              <tr key={x.id} data-testid="outbox-row" data-id={x.id}>
                <td className="mono">{localClockText(new Date(x.createdAt), 'Asia/Shanghai', new Date(0))}</td>
                <td className="mono">{x.address}</td>
                <td>{s.templates.find((y) => y.id === x.templateId)?.title ?? x.templateId ?? ''}</td>
                <td className="wf-msg-body">{x.body}</td>
                <StatusCell message={x} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function Replies({ m }: { m: Messages }) {
  const { t } = useTranslation();
  const s = useStore(m.store);
  const [from, setFrom] = useState('');
  const [text, setText] = useState('');
  return (
    <>
      <form className="wf-toolbar" onSubmit={(e) => { e.preventDefault(); if (from.trim() && text.trim()) void m.receive(from, text).then((r) => r && setText('')); }}>
        <strong>{t('wf.msg.enterReply')}</strong>
        <input className="wf-input" data-testid="reply-from" placeholder={t('wf.msg.from')} value={from} onChange={(e) => setFrom(e.target.value)} />
        <input className="wf-input wf-input-wide" data-testid="reply-text" placeholder={t('wf.msg.replyText')} value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="btn btn-small btn-primary" data-testid="reply-submit">{t('wf.msg.record')}</button>
      </form>
      {!s.replies.length ? <p className="wf-empty">{t('wf.msg.noReplies')}</p> : (
        <table className="grid" data-testid="replies">
          <thead><tr><th>{t('wf.msg.received')}</th><th>{t('wf.msg.from')}</th><th>{t('wf.msg.replyText')}</th><th>{t('wf.msg.meaning')}</th></tr></thead>
          <tbody>
            {s.replies.map((x) => (
              <tr key={x.id} data-testid="reply-row" data-kind={String(x.parsed?.kind ?? '')}>
                <td className="mono">{localClockText(new Date(x.createdAt), 'Asia/Shanghai', new Date(0))}</td>
                <td className="mono">{x.address}</td>
                <td>{x.body}</td>
                <td>{replyMeaning(t, x.parsed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function replyMeaning(t: TFunction, parsed: Record<string, unknown> | null): string {
  const kind = String(parsed?.kind ?? 'other');
  if (kind === 'rating') return t('wf.msg.reply.rating', { score: String(parsed?.score ?? '') });
  if (kind === 'rsvp') return t(parsed?.attending ? 'wf.msg.reply.rsvpYes' : 'wf.msg.reply.rsvpNo');
  return t(`wf.msg.reply.${kind}`, { defaultValue: kind });
}
