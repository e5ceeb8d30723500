// 新建工单 from the customer card (or the queue): a short form per kind. An inquiry whose topic is
// 投诉 is taken as a complaint (seed 000: the IVR/agent classifies the inquiry), so it runs on the
// complaint workflow and its 3-day clock from the start.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../src-shared/contract/index';
import { complaintCategories, inquiryTopics, priorities, type InquiryTopic, type WorkItemKind } from '../../../src-shared/domain/workflows/kinds';
import { showScreen } from '../navigation';
import { useWf, useWfActions, useWfStore } from '../start';
import { codeLabel } from './labels';

const creatableKinds = ['inquiry', 'complaint', 'suggestion', 'rescue', 'accident', 'callback'] as const satisfies readonly WorkItemKind[];
const reportedBy = ['customer', 'insurer', 'driver', 'police', 'other'] as const;

type Form = Record<string, string | boolean>;

export function CreateWorkItemDialog() {
  const preset = useWf((s) => s.create.preset);
  if (!preset) return null;
  return <CreateForm key={`${preset.customerId}-${preset.kind}`} />;
}

function CreateForm() {
  const { t } = useTranslation();
  const actions = useWfActions();
  const store = useWfStore();
  const preset = useWf((s) => s.create.preset)!;
  const busy = useWf((s) => s.create.busy);
  const [kind, setKind] = useState<WorkItemKind>(preset.kind);
  const [topic, setTopic] = useState<InquiryTopic>('maintenance');
  const [form, setForm] = useState<Form>({ title: '', description: '', priority: 'normal', category: 'service_quality', vehicleId: preset.vehicles.length === 1 ? String(preset.vehicles[0].id) : '', reportedBy: 'customer' });
  const set = (key: string) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
    setForm({ ...form, [key]: e.target instanceof HTMLInputElement && e.target.type === 'checkbox' ? e.target.checked : e.target.value });
  const str = (key: string) => String(form[key] ?? '').trim();
  const effectiveKind: WorkItemKind = kind === 'inquiry' && topic === 'complaint' ? 'complaint' : kind;

  const build = (): Input<'workItems.create'> => {
    const fields: Record<string, unknown> = {};
    const put = (key: string, value: unknown) => {
      if (value !== '' && value !== undefined && value !== false) fields[key] = value;
    };
    if (effectiveKind === 'complaint' || effectiveKind === 'suggestion') {
      put('ourFault', form.ourFault === true);
      put('major', form.major === true);
      if (kind === 'inquiry') put('inquiryTopic', 'complaint');
    } else if (effectiveKind === 'rescue') {
      put('place', str('place'));
      put('fault', str('fault'));
      put('callbackPhone', str('callbackPhone'));
    } else if (effectiveKind === 'accident') {
      put('insurer', str('insurer'));
      put('claimNumber', str('claimNumber'));
      if (str('accidentAt')) put('accidentAt', new Date(str('accidentAt')).toISOString());
      put('place', str('place'));
      put('damage', str('damage'));
      put('reportedBy', str('reportedBy'));
      put('repairOrder', str('repairOrder'));
    } else if (effectiveKind === 'callback') {
      put('dueDate', str('dueDate'));
    }
    const title = str('title') || defaultTitle();
    return {
      kind: effectiveKind,
      title,
      description: str('description'),
      priority: str('priority') as (typeof priorities)[number],
      customerId: preset.customerId,
      vehicleId: str('vehicleId') ? Number(str('vehicleId')) : null,
      category: effectiveKind === 'complaint' || effectiveKind === 'suggestion' ? str('category') : kind === 'inquiry' ? topic : null,
      fields,
    };
  };
  const defaultTitle = () => {
    const who = preset.customerName ?? '';
    const what = effectiveKind === 'complaint' || effectiveKind === 'suggestion' ? codeLabel(t, 'complaintCategory', str('category')) : kind === 'inquiry' ? codeLabel(t, 'topic', topic) : '';
    return [who, codeLabel(t, 'kind', effectiveKind), what].filter(Boolean).join(' · ');
  };
  const missing = effectiveKind === 'rescue' && (!str('place') || !str('fault') || str('callbackPhone').length < 3);
  const submit = async () => {
    const item = await actions.create.submit(build());
    if (!item) return;
    showScreen('workOrders');
    // A rescue created from the dispatch board stays on the board; everything else opens in the queue.
    if (item.kind === 'rescue' && store.getState().tab === 'rescue') return;
    actions.setTab('queue');
    actions.queue.setFilter({ scope: item.owner ? 'mine' : 'team', kind: '', status: '', overdueOnly: false, open: true });
    void actions.detail.open(item.id);
  };
  const input = (key: string, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) => <input data-testid={`create-${key}`} value={String(form[key] ?? '')} onChange={set(key)} {...extra} />;

  return (
    <div className="modal-backdrop" role="presentation" onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), actions.create.close())}>
      <form className="modal is-narrow wf-create" role="dialog" aria-modal="true" aria-label={t('wf.create.title')} data-testid="create-work-item" onSubmit={(e) => { e.preventDefault(); if (!missing) void submit(); }}>
        <div className="modal-header">
          <h1>{t('wf.create.title')}</h1>
          {preset.customerName ? <span className="muted">{t('wf.create.forCustomer', { name: preset.customerName })}</span> : null}
        </div>
        <div className="modal-body">
          <div className="wf-kind-picker" role="radiogroup" aria-label={t('wf.create.kind')}>
            {creatableKinds.map((k) => (
              <button key={k} type="button" role="radio" aria-checked={kind === k} className={`wf-seg${kind === k ? ' is-active' : ''}`} data-testid={`create-kind-${k}`} onClick={() => setKind(k)}>{codeLabel(t, 'kind', k)}</button>
            ))}
          </div>
          <div className="wf-form-grid">
            {kind === 'inquiry' ? (
              <label className="wf-field"><span>{t('wf.create.topic')}</span>
                <select data-testid="create-topic" value={topic} onChange={(e) => setTopic(e.target.value as InquiryTopic)}>
                  {inquiryTopics.map((c) => <option key={c} value={c}>{codeLabel(t, 'topic', c)}</option>)}
                </select>
              </label>
            ) : null}
            {effectiveKind === 'complaint' || effectiveKind === 'suggestion' ? (
              <label className="wf-field"><span>{t('wf.create.category')}</span>
                <select data-testid="create-category" value={str('category')} onChange={set('category')}>
                  {complaintCategories.map((c) => <option key={c} value={c}>{codeLabel(t, 'complaintCategory', c)}</option>)}
                </select>
              </label>
            ) : null}
            {preset.vehicles.length ? (
              <label className="wf-field"><span>{t('wf.create.vehicle')}</span>
                <select data-testid="create-vehicle" value={str('vehicleId')} onChange={set('vehicleId')}>
                  <option value="">{t('wf.create.noVehicle')}</option>
                  {preset.vehicles.map((v) => <option key={v.id} value={v.id}>{[v.plate, v.model].filter(Boolean).join(' ') || `#${v.id}`}</option>)}
                </select>
              </label>
            ) : null}
            <label className="wf-field"><span>{t('wf.create.priority')}</span>
              <select data-testid="create-priority" value={str('priority')} onChange={set('priority')}>
                {priorities.map((p) => <option key={p} value={p}>{codeLabel(t, 'priority', p)}</option>)}
              </select>
            </label>
            <label className="wf-field wf-field-wide"><span>{t('wf.create.subject')}</span>{input('title', { placeholder: defaultTitle() })}</label>
            {effectiveKind === 'rescue' ? (
              <>
                <label className="wf-field wf-field-wide"><span>{t('wf.field.place')} *</span>{input('place')}</label>
                <label className="wf-field wf-field-wide"><span>{t('wf.field.fault')} *</span>{input('fault')}</label>
                <label className="wf-field"><span>{t('wf.field.callbackPhone')} *</span>{input('callbackPhone', { inputMode: 'tel' })}</label>
              </>
            ) : null}
            {effectiveKind === 'accident' ? (
              <>
                <label className="wf-field"><span>{t('wf.field.insurer')}</span>{input('insurer')}</label>
                <label className="wf-field"><span>{t('wf.field.claimNumber')}</span>{input('claimNumber')}</label>
                <label className="wf-field"><span>{t('wf.field.accidentAt')}</span>{input('accidentAt', { type: 'datetime-local' })}</label>
                <label className="wf-field"><span>{t('wf.field.reportedBy')}</span>
                  <select data-testid="create-reportedBy" value={str('reportedBy')} onChange={set('reportedBy')}>
                    {reportedBy.map((r) => <option key={r} value={r}>{t(`wf.reportedBy.${r}`)}</option>)}
                  </select>
                </label>
                <label className="wf-field wf-field-wide"><span>{t('wf.field.place')}</span>{input('place')}</label>
                <label className="wf-field wf-field-wide"><span>{t('wf.field.damage')}</span>
                  <textarea rows={2} data-testid="create-damage" value={str('damage')} onChange={set('damage')} />
                </label>
                <label className="wf-field"><span>{t('wf.field.repairOrder')}</span>{input('repairOrder')}</label>
              </>
            ) : null}
            {effectiveKind === 'callback' ? <label className="wf-field"><span>{t('wf.create.callbackAt')}</span>{input('dueDate', { type: 'date' })}</label> : null}
            {effectiveKind === 'complaint' ? (
              <div className="wf-field wf-field-wide wf-checks">
                <label className="wf-check"><input type="checkbox" data-testid="create-ourFault" checked={form.ourFault === true} onChange={set('ourFault')} />{t('wf.create.ourFault')}</label>
                <label className="wf-check"><input type="checkbox" data-testid="create-major" checked={form.major === true} onChange={set('major')} />{t('wf.create.major')}</label>
                <span className="muted small">{t('wf.create.topicComplaint')}</span>
              </div>
            ) : null}
            <label className="wf-field wf-field-wide"><span>{t('wf.create.description')}</span>
              <textarea rows={3} data-testid="create-description" value={str('description')} onChange={set('description')} />
            </label>
          </div>
          <div className="modal-footer">
            <button type="button" className="btn" onClick={() => actions.create.close()}>{t('wf.create.cancel')}</button>
            <button type="submit" className="btn btn-primary" data-testid="create-submit" disabled={busy || missing}>{t('wf.create.submit')}</button>
          </div>
        </div>
      </form>
    </div>
  );
}
