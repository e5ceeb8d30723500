// A work item: facts, the SLA clock, next steps, status history, comments and attachments.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkItemDetail } from '../../../src-shared/contract/work-items-view';
import { useActions } from '../../app/desk-context';
import { showScreen } from '../navigation';
import { useWf, useWfActions } from '../start';
import { ActionBar } from './action-form';
import { codeLabel, readFileBase64, timeText } from './labels';
import { SlaBadge } from './sla-badge';
import { KindTag, StatusChip } from './status-chip';

/** Fields shown in the details block, per kind, in reading order. */
const shownFields: Record<string, readonly string[]> = {
  rescue: ['place', 'fault', 'callbackPhone', 'technician', 'towTruck', 'result'],
  accident: ['insurer', 'claimNumber', 'accidentAt', 'place', 'reportedBy', 'damage', 'repairOrder', 'repairProgress', 'costYuan'],
  complaint: ['ourFault', 'major', 'reply', 'ivrChoice'],
  inquiry: ['ivrChoice'],
  follow_up: ['code', 'dueDate', 'lastOutcome', 'phone'],
  callback: ['dueDate', 'lastOutcome', 'phone'],
};

export function WorkItemDetailPane() {
  const { t } = useTranslation();
  const detail = useWf((s) => s.detail);
  if (detail.id === null) return <section className="wf-detail-pane wf-detail-empty"><p className="muted">{t('wf.queue.pick')}</p></section>;
  if (!detail.item) return <section className="wf-detail-pane wf-detail-empty"><span className="search-spinner" /></section>;
  return <WorkItemDetailView item={detail.item} />;
}

function fieldText(t: ReturnType<typeof useTranslation>['t'], key: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? '✓' : '—';
  if (key === 'reportedBy') return t(`wf.reportedBy.${String(value)}`, { defaultValue: String(value) });
  if (key === 'lastOutcome') return codeLabel(t, 'outcome', String(value));
  if (key === 'ivrChoice') return codeLabel(t, 'topic', String(value));
  if (key === 'accidentAt') return timeText(String(value));
  return String(value);
}

export function WorkItemDetailView({ item }: { item: WorkItemDetail }) {
  const { t } = useTranslation();
  const desk = useActions();
  const facts = (shownFields[item.kind] ?? []).filter((k) => item.fields[k] !== undefined && item.fields[k] !== '');
  const openCustomer = () => {
    if (item.customerId === null) return;
    showScreen('customers');
    void desk.card.openCard(item.customerId);
  };
  return (
    <section className="wf-detail-pane" data-testid="work-item-detail" data-id={item.id} data-status={item.status} data-kind={item.kind}>
      <header className="wf-detail-head">
        <div className="wf-detail-title">
          <KindTag kind={item.kind} />
          <h1>{item.title}</h1>
          <span className="muted mono">#{item.id}</span>
        </div>
        <div className="wf-detail-badges">
          <StatusChip status={item.status} open={item.open} />
          {item.priority !== 'normal' ? <span className={`wf-priority wf-priority-${item.priority}`}>{codeLabel(t, 'priority', item.priority)}</span> : null}
          {item.importance.map((reason) => <span key={reason} className="wf-flag">{codeLabel(t, 'importance', reason)}</span>)}
          <SlaBadge sla={item.sla} />
        </div>
      </header>
      <dl className="wf-facts">
        <Fact label={t('wf.detail.customer')}>
          {item.customerId !== null ? <button type="button" className="btn-link" data-testid="detail-open-customer" onClick={openCustomer}>{item.customerName ?? `#${item.customerId}`}</button> : '—'}
        </Fact>
        <Fact label={t('wf.detail.plate')}>{item.plate ?? '—'}</Fact>
        <Fact label={t('wf.detail.owner')}><span data-testid="detail-owner">{item.owner ?? t('wf.queue.unowned')}</span></Fact>
        <Fact label={t('wf.detail.department')}>{codeLabel(t, 'department', item.department) || '—'}</Fact>
        {item.category ? <Fact label={t('wf.detail.category')}>{codeLabel(t, item.kind === 'complaint' ? 'complaintCategory' : 'topic', item.category)}</Fact> : null}
        <Fact label={t('wf.detail.createdBy')}>{item.createdBy}</Fact>
        <Fact label={t('wf.detail.createdAt')}>{timeText(item.createdAt)}</Fact>
        {item.deadlineAt ? <Fact label={t('wf.sla.deadline')}>{timeText(item.deadlineAt)}</Fact> : null}
        {item.repliedAt ? <Fact label={t('wf.detail.repliedAt')}>{timeText(item.repliedAt)}</Fact> : null}
        {item.closedAt ? <Fact label={t('wf.detail.closedAt')}>{timeText(item.closedAt)}</Fact> : null}
        {item.attempts > 0 ? <Fact label={t('wf.outcome.no_answer')}>{t('wf.detail.attempts', { count: item.attempts })}</Fact> : null}
      </dl>
      {item.description ? <p className="wf-description">{item.description}</p> : null}
      {facts.length ? (
        <dl className="wf-facts wf-kind-facts" data-testid="detail-fields">
          {facts.map((key) => <Fact key={key} label={t(`wf.field.${key}`)} wide={['damage', 'reply', 'result', 'repairProgress', 'fault'].includes(key)}>{fieldText(t, key, item.fields[key])}</Fact>)}
        </dl>
      ) : null}
      <section className="wf-block">
        <h2>{t('wf.detail.actions')}</h2>
        <ActionBar item={item} />
      </section>
      <History item={item} />
      <CommentBox id={item.id} />
      <Attachments item={item} />
    </section>
  );
}

function Fact({ label, children, wide = false }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return <div className={`fact${wide ? ' wf-fact-wide' : ''}`}><dt>{label}</dt><dd>{children}</dd></div>;
}

function History({ item }: { item: WorkItemDetail }) {
  const { t } = useTranslation();
  return (
    <section className="wf-block">
      <h2>{t('wf.detail.history')}</h2>
      <ol className="wf-history" data-testid="work-item-history">
        {item.history.map((h) => (
          <li key={h.id} className={`wf-history-item wf-history-${h.action}`} data-action={h.action}>
            <span className="wf-history-dot" aria-hidden />
            <div className="wf-history-line">
              <strong>{codeLabel(t, 'action', h.action)}</strong>
              {h.toStatus && h.toStatus !== h.fromStatus ? <span className="muted"> → {codeLabel(t, 'status', h.toStatus)}</span> : null}
              <span className="muted small wf-history-meta">{h.actor} · {timeText(h.at)}</span>
            </div>
            {h.note ? <div className="wf-history-note">{h.note}</div> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function CommentBox({ id }: { id: number }) {
  const { t } = useTranslation();
  const actions = useWfActions();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form className="wf-block wf-comment" onSubmit={async (e) => {
      e.preventDefault();
      if (!text.trim()) return;
      setBusy(true);
      if (await actions.detail.comment(id, text.trim())) setText('');
      setBusy(false);
    }}>
      <h2>{t('wf.detail.comment')}</h2>
      <textarea rows={2} data-testid="comment-text" placeholder={t('wf.detail.commentPlaceholder')} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="wf-form-buttons"><button type="submit" className="btn btn-small" data-testid="comment-submit" disabled={busy || !text.trim()}>{t('wf.detail.send')}</button></div>
    </form>
  );
}

function Attachments({ item }: { item: WorkItemDetail }) {
  const { t } = useTranslation();
  const actions = useWfActions();
  const input = useRef<HTMLInputElement>(null);
  const download = async (attachmentId: number) => {
    const file = await actions.detail.attachment(attachmentId);
    const link = document.createElement('a');
    link.href = `data:${file.mime};base64,${file.dataBase64}`;
    link.download = file.name;
    link.click();
  };
  return (
    <section className="wf-block">
      <h2>{t('wf.detail.attachments')}</h2>
      <ul className="wf-attachments" data-testid="attachments">
        {item.attachments.length === 0 ? <li className="muted small">{t('wf.detail.noAttachments')}</li> : null}
        {item.attachments.map((a) => (
          <li key={a.id}><button type="button" className="btn-link" onClick={() => void download(a.id)}>{a.name}</button> <span className="muted small">{Math.max(1, Math.round(a.size / 1024))} KB · {a.createdBy}</span></li>
        ))}
      </ul>
      <input ref={input} type="file" hidden data-testid="attachment-input" onChange={async (e) => {
        const file = e.target.files?.[0];
        if (!file) return;
        await actions.detail.attach(item.id, { name: file.name, mime: file.type || 'application/octet-stream', dataBase64: await readFileBase64(file) });
        e.target.value = '';
      }} />
      <button type="button" className="btn btn-small" onClick={() => input.current?.click()}>{t('wf.detail.addAttachment')}</button>
    </section>
  );
}
