// The next steps of a work item: one button per action the shared state machine allows from the
// item's status for this role (computed by main into `allowedActions`, never listed here). An
// action that needs an assignee, a note or kind-specific facts opens a small form first.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkItemView } from '../../../src-shared/contract/work-items-view';
import { departments } from '../../../src-shared/domain/workflows/kinds';
import { machineFor, type ActionDef } from '../../../src-shared/domain/workflows/state-machines';
import { useDesk } from '../../app/desk-context';
import { useWfActions } from '../start';
import type { TransitionExtra } from '../state/workflows-actions';
import { codeLabel } from './labels';
import { ComplaintReply } from './complaint-reply';

/** Facts an action records on the item besides its note (rescue result, accident progress…). */
const actionFields: Record<string, readonly ('technician' | 'towTruck' | 'result' | 'repairProgress' | 'costYuan')[]> = {
  dispatch: ['technician', 'towTruck'],
  report_result: ['result'],
  progress: ['repairProgress', 'costYuan'],
};

/** Actions that take an optional note (催办: what was chased and with whom). */
const notedActions: ReadonlySet<string> = new Set(['chase', 'assign']);

function defOf(item: WorkItemView, action: string): ActionDef<string> | undefined {
  return (machineFor(item.kind).actions as Record<string, ActionDef<string>>)[action];
}

export function needsForm(item: WorkItemView, action: string): boolean {
  const def = defOf(item, action);
  return Boolean(def?.needsAssignee || def?.needsNote || actionFields[action] || notedActions.has(action) || (action === 'reply' && item.kind === 'complaint'));
}

export function ActionBar({ item, compact = false }: { item: WorkItemView; compact?: boolean }) {
  const { t } = useTranslation();
  const actions = useWfActions();
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (item.allowedActions.length === 0) return compact ? null : <p className="muted small">{t('wf.detail.noActions')}</p>;
  const run = async (action: string, extra: TransitionExtra = {}) => {
    setBusy(true);
    const done = await actions.detail.transition(item.id, action, { expectedVersion: item.version, ...extra });
    setBusy(false);
    if (done) setOpen(null);
  };
  return (
    <div className="wf-actions" data-testid="work-item-actions">
      <div className="wf-action-buttons">
        {item.allowedActions.map((action) => (
          <button
            key={action}
            type="button"
            className={`btn ${compact ? 'btn-small' : ''} ${open === action ? 'btn-primary' : ''}`}
            data-testid={`action-${action}`}
            disabled={busy}
            onClick={() => (needsForm(item, action) ? setOpen(open === action ? null : action) : void run(action))}
          >
            {codeLabel(t, 'action', action)}
          </button>
        ))}
      </div>
      {open === 'reply' && item.kind === 'complaint' ? (
        <ComplaintReply busy={busy} onCancel={() => setOpen(null)} onSubmit={(reply, ids) => run('reply', { note: reply, fields: { reply, ...(ids.length ? { standardAnswers: ids } : {}) } })} />
      ) : open ? (
        <ActionForm key={open} item={item} action={open} busy={busy} onCancel={() => setOpen(null)} onSubmit={(extra) => run(open, extra)} />
      ) : null}
    </div>
  );
}

function ActionForm({ item, action, busy, onCancel, onSubmit }: { item: WorkItemView; action: string; busy: boolean; onCancel: () => void; onSubmit: (extra: TransitionExtra) => void }) {
  const { t } = useTranslation();
  const me = useDesk((s) => s.session.session?.user.name ?? '');
  const def = defOf(item, action);
  const fields = actionFields[action] ?? [];
  const [assignee, setAssignee] = useState(item.owner ?? me);
  const [department, setDepartment] = useState(item.department ?? '');
  const [note, setNote] = useState('');
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f, item.fields[f] === undefined ? '' : String(item.fields[f])])));
  const submit = () => {
    const extra: TransitionExtra = {};
    if (def?.needsAssignee || action === 'assign') extra.assignee = assignee.trim();
    if (action === 'assign' && department) extra.department = department as (typeof departments)[number];
    if (note.trim()) extra.note = note.trim();
    const f: Record<string, unknown> = {};
    for (const key of fields) {
      const v = values[key]?.trim();
      if (!v) continue;
      f[key] = key === 'costYuan' ? Number(v) : v;
    }
    if (action === 'report_result' && !f.result && extra.note) f.result = extra.note;
    if (action === 'report_result' && !extra.note && typeof f.result === 'string') extra.note = f.result;
    if (Object.keys(f).length) extra.fields = f;
    onSubmit(extra);
  };
  const missing = (def?.needsAssignee && !assignee.trim()) || (def?.needsNote && !note.trim() && !(action === 'report_result' && values.result?.trim()));
  return (
    <form className="wf-action-form" data-testid={`action-form-${action}`} onSubmit={(e) => { e.preventDefault(); if (!missing) submit(); }}>
      {def?.needsAssignee ? (
        <label className="wf-field"><span>{t('wf.detail.assignee')}</span><input data-testid="action-assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)} /></label>
      ) : null}
      {action === 'assign' && item.kind === 'complaint' ? (
        <label className="wf-field"><span>{t('wf.detail.department')}</span>
          <select data-testid="action-department" value={department} onChange={(e) => setDepartment(e.target.value)}>
            <option value="" />
            {departments.map((d) => <option key={d} value={d}>{codeLabel(t, 'department', d)}</option>)}
          </select>
        </label>
      ) : null}
      {fields.map((key) => (
        <label key={key} className="wf-field"><span>{t(`wf.field.${key}`)}</span>
          {key === 'result' || key === 'repairProgress'
            ? <textarea rows={2} data-testid={`action-field-${key}`} value={values[key]} onChange={(e) => setValues({ ...values, [key]: e.target.value })} />
            : <input data-testid={`action-field-${key}`} inputMode={key === 'costYuan' ? 'decimal' : undefined} value={values[key]} onChange={(e) => setValues({ ...values, [key]: e.target.value })} />}
        </label>
      ))}
      {def?.needsNote || action !== 'report_result' ? (
        <label className="wf-field wf-field-wide"><span>{t('wf.detail.note')}</span>
          <textarea rows={2} data-testid="action-note" placeholder={def?.needsNote ? t('wf.detail.notePlaceholder') : ''} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
      ) : null}
      <div className="wf-form-buttons">
        <button type="button" className="btn btn-small" onClick={onCancel}>{t('wf.detail.cancel')}</button>
        <button type="submit" className="btn btn-small btn-primary" data-testid="action-confirm" disabled={busy || Boolean(missing)}>{codeLabel(t, 'action', action)}</button>
      </div>
    </form>
  );
}
