// Sending settings: quiet hours (messages go out only inside the calling windows of seed 002),
// the per-customer marketing frequency cap, and the Alibaba Cloud SMS provider. The AccessKey
// secret field is write-only: it starts empty, shows only whether a secret is stored, and is
// sent once when typed (the secret store keeps it; it never comes back to the renderer).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { WorkflowSettings } from '../../../src-shared/contract/workflow-settings';
import { clockPattern as clock, parseBreaks, type Messages } from '../state/messages';

export function MessageSettings({ m }: { m: Messages }) {
  const { t } = useTranslation();
  const s = useStore(m.store);
  const settings = s.settings;
  const [form, setForm] = useState<null | { start: string; end: string; breaks: string; max: string; days: string; sms: WorkflowSettings['sms']; secret: string }>(null);
  useEffect(() => {
    if (!settings) return;
    const w = settings.callingWindows;
    setForm({ start: w.start, end: w.end, breaks: w.breaks.map((b) => `${b.from}-${b.to}`).join(', '), max: String(settings.frequencyCap.max), days: String(settings.frequencyCap.days), sms: { ...settings.sms }, secret: '' });
  }, [settings]);
  if (!settings || !form) return <p className="wf-empty">…</p>;
  const breaks = parseBreaks(form.breaks);
  const problems = [
    ...(!clock.test(form.start) || !clock.test(form.end) || form.start >= form.end ? [t('wf.msg.badHours')] : []),
    ...(breaks === null ? [t('wf.msg.badBreaks')] : []),
    ...(!/^\d+$/.test(form.max) || !/^\d+$/.test(form.days) || Number(form.days) < 1 || Number(form.max) > 100 || Number(form.days) > 365 ? [t('wf.msg.badCap')] : []),
  ];
  const save = () => {
    if (problems.length || !breaks) return;
    const { hasSecret: _h, accessKeySecret: _a, ...sms } = form.sms;
    void m.saveSettings({
      callingWindows: { ...settings.callingWindows, start: form.start, end: form.end, breaks },
      frequencyCap: { max: Number(form.max), days: Number(form.days) },
      sms: { ...sms, ...(form.secret ? { accessKeySecret: form.secret } : {}) },
    });
  };
  const sms = (patch: Partial<WorkflowSettings['sms']>) => setForm({ ...form, sms: { ...form.sms, ...patch } });
  return (
    <div className="wf-msg-settings" data-testid="message-settings">
      <div className="wf-block">
        <h2>{t('wf.msg.quietHours')}</h2>
        <p className="muted">{t('wf.msg.quietHint')}</p>
        <div className="wf-form-row">
          <label className="wf-field"><span>{t('wf.msg.sendFrom')}</span><input data-testid="quiet-start" value={form.start} onChange={(e) => setForm({ ...form, start: e.target.value })} /></label>
          <label className="wf-field"><span>{t('wf.msg.sendTo')}</span><input data-testid="quiet-end" value={form.end} onChange={(e) => setForm({ ...form, end: e.target.value })} /></label>
          <label className="wf-field wf-field-wide"><span>{t('wf.msg.breaks')}</span><input data-testid="quiet-breaks" value={form.breaks} placeholder="12:00-13:00" onChange={(e) => setForm({ ...form, breaks: e.target.value })} /></label>
        </div>
        <h2>{t('wf.msg.frequencyCap')}</h2>
        <div className="wf-form-row">
          <label className="wf-field"><span>{t('wf.msg.capMax')}</span><input data-testid="cap-max" value={form.max} onChange={(e) => setForm({ ...form, max: e.target.value })} /></label>
          <label className="wf-field"><span>{t('wf.msg.capDays')}</span><input data-testid="cap-days" value={form.days} onChange={(e) => setForm({ ...form, days: e.target.value })} /></label>
        </div>
      </div>
      <div className="wf-block">
        <h2>{t('wf.msg.provider')}</h2>
        <div className="wf-form-row">
          <label className="wf-field"><span>{t('wf.msg.providerKind')}</span>
            <select data-testid="sms-provider" value={form.sms.provider} onChange={(e) => sms({ provider: e.target.value as 'none' | 'aliyun' })}>
              <option value="none">{t('wf.msg.providerNone')}</option>
              <option value="aliyun">{t('wf.msg.providerAliyun')}</option>
            </select>
          </label>
          <label className="wf-field"><span>AccessKey ID</span><input data-testid="sms-key-id" value={form.sms.accessKeyId} onChange={(e) => sms({ accessKeyId: e.target.value })} /></label>
          <label className="wf-field wf-field-wide"><span>AccessKey Secret</span>
            <input type="password" autoComplete="new-password" data-testid="sms-secret" value={form.secret} placeholder={settings.sms.hasSecret ? t('wf.msg.secretStored') : t('wf.msg.secretNone')} onChange={(e) => setForm({ ...form, secret: e.target.value })} />
          </label>
        </div>
        <div className="wf-form-row">
          <label className="wf-field"><span>{t('wf.msg.signName')}</span><input data-testid="sms-sign" value={form.sms.signName} onChange={(e) => sms({ signName: e.target.value })} /></label>
          <label className="wf-field"><span>{t('wf.msg.region')}</span><input data-testid="sms-region" value={form.sms.regionId} onChange={(e) => sms({ regionId: e.target.value })} /></label>
          <label className="wf-field wf-field-wide"><span>{t('wf.msg.endpoint')}</span><input data-testid="sms-endpoint" value={form.sms.endpoint} onChange={(e) => sms({ endpoint: e.target.value })} /></label>
        </div>
        <p className="muted" data-testid="sms-secret-state" data-has-secret={String(!!settings.sms.hasSecret)}>{settings.sms.hasSecret ? t('wf.msg.secretStored') : t('wf.msg.secretNone')}</p>
      </div>
      {problems.length ? <ul className="wf-problems" data-testid="settings-problems">{problems.map((p) => <li key={p}>{p}</li>)}</ul> : null}
      <div className="wf-form-actions">
        <button type="button" className="btn btn-primary" data-testid="settings-save" disabled={s.busy || problems.length > 0} onClick={save}>{t('wf.msg.save')}</button>
        {s.saved === 'settings' ? <span className="wf-ok" data-testid="settings-saved">{t('wf.msg.saved')}</span> : null}
      </div>
    </div>
  );
}
