// SIP account and audio devices. The password field is write-only: the saved password is never
// sent back, the form only shows that one is stored.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SoftphoneSettingsView } from '../../../src-shared/contract/softphone';
import { usePhone, useSoftphone } from './use-softphone';

export function SoftphoneSettingsPanel() {
  const settings = useSoftphone((s) => s.settings);
  return settings ? <SettingsForm settings={settings} /> : null;
}

function SettingsForm({ settings }: { settings: SoftphoneSettingsView }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const devices = useSoftphone((s) => s.devices);
  const chosen = useSoftphone((s) => s.chosen);
  const headset = useSoftphone((s) => s.headset);
  const [form, setForm] = useState({
    sipUri: settings.sipUri, wsServers: settings.wsServers.join('\n'), authUser: settings.authUser, realm: settings.realm, displayName: settings.displayName,
    dialPrefix: settings.dialPrefix, iceServers: settings.iceServers.map((s) => s.urls).join('\n'), dtmfMode: settings.dtmfMode, autoAnswer: settings.autoAnswer,
    busyPolicy: settings.busyPolicy, acwSeconds: settings.acwSeconds, ivrHeader: settings.ivrHeader, queueHeader: settings.queueHeader, password: '',
    monitorSupervisors: settings.monitorSupervisors.join('\n'), monitorIndicator: settings.monitorIndicator,
  });
  const [error, setError] = useState<string | null>(null);
  const field = (name: keyof typeof form, type = 'text') => (
    <label key={name}>{t(`softphone.settings.${name}`)}
      <input data-testid={`sp-set-${name}`} type={type} value={String(form[name])} autoComplete={name === 'password' ? 'new-password' : 'off'}
        placeholder={name === 'password' && settings.hasPassword ? t('softphone.settings.passwordSaved') : ''}
        onChange={(e) => setForm({ ...form, [name]: type === 'number' ? Number(e.target.value) : e.target.value })} />
    </label>
  );
  const lines = (s: string) => s.split(/\s+/).map((x) => x.trim()).filter(Boolean);
  const save = async () => {
    setError(null);
    try {
      await phone.saveSettings({
        sipUri: form.sipUri, wsServers: lines(form.wsServers), authUser: form.authUser, realm: form.realm, displayName: form.displayName, dialPrefix: form.dialPrefix,
        iceServers: lines(form.iceServers).map((urls) => ({ urls })), dtmfMode: form.dtmfMode, autoAnswer: form.autoAnswer, busyPolicy: form.busyPolicy,
        acwSeconds: form.acwSeconds, ivrHeader: form.ivrHeader, queueHeader: form.queueHeader,
        monitorSupervisors: lines(form.monitorSupervisors), monitorIndicator: form.monitorIndicator, ...(form.password ? { password: form.password } : {}),
      });
      setForm({ ...form, password: '' });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const deviceSelect = (kind: 'microphone' | 'speaker' | 'ringer') => (
    <label key={kind}>{t(`softphone.settings.${kind}`)}
      <select data-testid={`sp-device-${kind}`} value={chosen[kind]?.label ?? ''}
        onChange={(e) => void phone.rememberDevices({ ...settings.devices, [kind]: e.target.value || null })}>
        {devices.filter((d) => d.kind === (kind === 'microphone' ? 'audioinput' : 'audiooutput')).map((d) => <option key={d.kind + d.deviceId} value={d.label}>{d.label || d.deviceId}</option>)}
      </select>
    </label>
  );
  return (
    <form className="sp-settings" data-testid="sp-settings" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h2>{t('softphone.settings.title')}</h2>
      {field('sipUri')}
      <label>{t('softphone.settings.wsServers')}<textarea data-testid="sp-set-wsServers" value={form.wsServers} onChange={(e) => setForm({ ...form, wsServers: e.target.value })} /></label>
      {field('authUser')}
      {field('password', 'password')}
      {field('realm')}
      {field('displayName')}
      {field('dialPrefix')}
      <label>{t('softphone.settings.iceServers')}<textarea data-testid="sp-set-iceServers" value={form.iceServers} onChange={(e) => setForm({ ...form, iceServers: e.target.value })} /></label>
      <label>{t('softphone.settings.dtmfMode')}
        <select data-testid="sp-set-dtmfMode" value={form.dtmfMode} onChange={(e) => setForm({ ...form, dtmfMode: e.target.value as 'rfc4733' | 'info' })}>
          <option value="rfc4733">RFC 4733</option><option value="info">SIP INFO</option>
        </select>
      </label>
      <label><input type="checkbox" data-testid="sp-set-autoAnswer" checked={form.autoAnswer} onChange={(e) => setForm({ ...form, autoAnswer: e.target.checked })} />{t('softphone.settings.autoAnswer')}</label>
      <label>{t('softphone.settings.busyPolicy')}
        <select data-testid="sp-set-busyPolicy" value={form.busyPolicy} onChange={(e) => setForm({ ...form, busyPolicy: e.target.value as 'reject' | 'queue' })}>
          <option value="reject">{t('softphone.settings.reject')}</option><option value="queue">{t('softphone.settings.queue')}</option>
        </select>
      </label>
      {field('acwSeconds', 'number')}
      {field('ivrHeader')}
      {field('queueHeader')}
      <label>{t('softphone.settings.monitorSupervisors')}<textarea data-testid="sp-set-monitorSupervisors" value={form.monitorSupervisors} onChange={(e) => setForm({ ...form, monitorSupervisors: e.target.value })} /></label>
      <label><input type="checkbox" data-testid="sp-set-monitorIndicator" checked={form.monitorIndicator} onChange={(e) => setForm({ ...form, monitorIndicator: e.target.checked })} />{t('softphone.settings.monitorIndicator')}</label>
      {error ? <p className="is-error" data-testid="sp-settings-error">{error}</p> : null}
      <button type="submit" className="btn btn-small btn-primary" data-testid="sp-settings-save">{t('softphone.settings.save')}</button>
      <h3>{t('softphone.settings.devices')}</h3>
      {deviceSelect('microphone')}
      {deviceSelect('speaker')}
      {deviceSelect('ringer')}
      <h3>{t('softphone.settings.headset')}</h3>
      {headset.connected ? <span>{t('softphone.settings.headsetConnected', { name: headset.name })}</span> : (
        <button type="button" className="btn btn-small" data-testid="sp-connect-headset" onClick={() => void phone.connectHeadset()}>{t('softphone.settings.connectHeadset')}</button>
      )}
    </form>
  );
}
