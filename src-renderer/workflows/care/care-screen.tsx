// 客户关怀: the care reminders due today (maintenance, first service, warranty, insurance 60/30/7,
// inspection, birthday, holiday) with filters; per row an SMS from a template or a follow-up
// call. A message the policy held (quiet hours, opt-out, frequency cap) says why and until when.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ContractError } from '../../../src-shared/contract/errors';
import type { MessageView, ReminderView } from '../../../src-shared/contract/messages';
import type { MessageTemplate } from '../../../src-shared/domain/workflows/templates';
import { localClockText } from '../state/calling-reason';
import { advisorsOf, createCare, dueWindows, filterReminders, reminderKey, reminderKinds, type Care, type DueWindow, type RowOutcome } from '../state/care';
import { perClient } from '../state/per-client';
import { useWf, useWfClient } from '../start';
import './care.css';

const careFor = perClient(createCare);

export function CareScreen() {
  const { t } = useTranslation();
  const care = careFor(useWfClient());
  const s = useStore(care.store);
  useEffect(() => {
    if (care.store.getState().status === 'idle') void care.load();
  }, [care]);
  const rows = useMemo(() => filterReminders(s.reminders, s.filter), [s.reminders, s.filter]);
  const advisors = useMemo(() => advisorsOf(s.reminders), [s.reminders]);
  return (
    <section className="wf-care" data-testid="care-screen">
      <div className="wf-toolbar">
        <h1>{t('wf.care.title')}</h1>
        <span className="wf-count" data-testid="care-count">{rows.length}</span>
        <label className="wf-inline">{t('wf.care.kind')}
          <select data-testid="care-kind" value={s.filter.kind} onChange={(e) => care.setFilter({ kind: e.target.value })}>
            <option value="">{t('wf.care.allKinds')}</option>
            {reminderKinds.map((k) => <option key={k} value={k}>{t(`wf.care.kinds.${k}`)}</option>)}
          </select>
        </label>
        <label className="wf-inline">{t('wf.care.window')}
          <select data-testid="care-window" value={s.filter.window} onChange={(e) => care.setFilter({ window: e.target.value as DueWindow })}>
            {dueWindows.map((w) => <option key={w} value={w}>{t(`wf.care.windows.${w}`)}</option>)}
          </select>
        </label>
        <label className="wf-inline">{t('wf.care.advisor')}
          <select data-testid="care-advisor" value={s.filter.advisor} onChange={(e) => care.setFilter({ advisor: e.target.value })}>
            <option value="">{t('wf.care.allAdvisors')}</option>
            {advisors.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
        <span className="wf-grow" />
        <button type="button" className="btn btn-small" data-testid="care-refresh" onClick={() => void care.load()}>{t('wf.care.refresh')}</button>
      </div>
      {s.status === 'loading' && !s.reminders.length ? <p className="wf-empty">{t('wf.care.loading')}</p> : null}
      {s.status === 'ready' && !rows.length ? <p className="wf-empty" data-testid="care-empty">{t('wf.care.empty')}</p> : null}
      {rows.length ? (
        <table className="grid wf-care-table" data-testid="care-list">
          <thead><tr><th>{t('wf.care.customer')}</th><th>{t('wf.care.kind')}</th><th>{t('wf.care.plate')}</th><th>{t('wf.care.due')}</th><th>{t('wf.care.advisor')}</th><th>{t('wf.care.template')}</th><th /></tr></thead>
          <tbody>{rows.map((r) => <ReminderRow key={reminderKey(r)} care={care} r={r} outcome={s.outcomes[reminderKey(r)] ?? null} busy={!!s.busy[reminderKey(r)]} templates={s.templates} />)}</tbody>
        </table>
      ) : null}
      {s.nextCustomerId !== null ? <button type="button" className="btn btn-small wf-more" data-testid="care-more" onClick={() => void care.load(true)}>{t('wf.care.more')}</button> : null}
    </section>
  );
}

function ReminderRow({ care, r, outcome, busy, templates }: { care: Care; r: ReminderView; outcome: RowOutcome | null; busy: boolean; templates: MessageTemplate[] }) {
  const { t } = useTranslation();
  const [templateId, setTemplateId] = useState(r.templateId ?? '');
  const left = r.daysLeft < 0 ? t('wf.care.overdueDays', { n: -r.daysLeft }) : r.daysLeft === 0 ? t('wf.care.today') : t('wf.care.days', { n: r.daysLeft });
  return (
    <tr data-testid="care-row" data-kind={r.kind} data-customer={r.customerId} data-stage={r.stage ?? ''}>
      <td><strong>{r.customerName}</strong></td>
      <td>
        <span className={`wf-care-kind is-${r.urgency}`}>{t(`wf.care.kinds.${r.kind}`, { defaultValue: r.kind })}</span>
        {r.stage ? <span className="muted"> · {r.kind === 'insurance' ? t(`wf.care.stage.${r.stage}`, { defaultValue: r.stage }) : r.stage}</span> : null}
      </td>
      <td className="mono">{r.plate ?? ''}</td>
      <td><span className="mono">{r.dueDate}</span> <span className={r.daysLeft < 0 ? 'wf-care-overdue' : 'muted'}>{left}</span></td>
      <td>{r.advisor ?? ''}</td>
      <td>
        <select data-testid="care-template" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
          <option value="">{t('wf.care.noTemplate')}</option>
          {templates.map((x) => <option key={x.id} value={x.id}>{x.title}</option>)}
        </select>
      </td>
      <td><div className="wf-care-actions">
        <button type="button" className="btn btn-small btn-primary" data-testid="care-send" disabled={busy || !templateId} onClick={() => void care.send(r, templateId)}>{t('wf.care.send')}</button>
        <button type="button" className="btn btn-small" data-testid="care-enqueue" disabled={busy} onClick={() => void care.enqueue(r)}>{t('wf.care.enqueue')}</button>
        {outcome?.message ? <MessageNote message={outcome.message} /> : null}
        {outcome?.queued ? <div className="wf-care-note is-ok" data-testid="care-queued">{t(outcome.queued.created ? 'wf.care.queued' : 'wf.care.alreadyQueued', { id: outcome.queued.id ?? '-' })}</div> : null}
        {outcome?.error ? <ErrorNote error={outcome.error} /> : null}
      </div></td>
    </tr>
  );
}

function ErrorNote({ error }: { error: ContractError }) {
  const { t } = useTranslation();
  const missing = error.issues?.filter((i) => i.message === 'missing').map((i) => i.path.replace(/^values\./, '')) ?? [];
  return <div className="wf-care-note is-error" data-testid="care-error">{missing.length ? t('wf.care.missing', { list: missing.join('、') }) : error.message}</div>;
}

function MessageNote({ message: m }: { message: MessageView }) {
  const { t } = useTranslation();
  const settings = useWf((s) => s.followUps.settings);
  const timeZone = settings?.callingWindows.timeZone ?? 'Asia/Shanghai';
  const cap = settings?.frequencyCap ?? { max: 2, days: 7 };
  const time = m.notBefore ? localClockText(new Date(m.notBefore), timeZone, new Date()) : '';
  const text = m.status === 'sent' ? t('wf.care.sent') : m.reason ? t(`wf.care.held.${m.reason}`, { time, max: cap.max, days: cap.days, defaultValue: m.reason }) : t('wf.care.queuedNow');
  return <div className={`wf-care-note ${m.status === 'sent' ? 'is-ok' : 'is-held'}`} data-testid="care-outcome" data-state={m.status} data-reason={m.reason ?? ''} title={m.body}>{text}</div>;
}
