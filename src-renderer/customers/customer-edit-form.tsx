// A minimal edit form over the card (issue 6): customer fields, phones (edit, primary, remove,
// add one) and the chosen vehicle. Only what changed is sent (edit-patch.ts).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerCard } from '../../src-shared/contract/customers';
import type { ContractError } from '../../src-shared/contract/errors';
import { useActions } from '../app/desk-context';
import { errorText } from '../i18n';
import { draftOf, updateOf, type CustomerDraft, type VehicleDraft } from './edit-patch';
import './card-edit.css';

export function CustomerEditForm({ card, vehicleId, onDone }: { card: CustomerCard; vehicleId: number | null; onDone(): void }) {
  const { t } = useTranslation();
  const actions = useActions();
  const [draft, setDraft] = useState<CustomerDraft>(() => draftOf(card, vehicleId));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const text = (key: 'name' | 'birthday' | 'district' | 'address' | 'email') => ({
    value: draft[key],
    'data-testid': `edit-${key}`,
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value })),
  });
  const vehicleText = (key: Exclude<keyof VehicleDraft, 'id'>) => ({
    value: draft.vehicle?.[key] ?? '',
    'data-testid': `edit-vehicle-${key}`,
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, vehicle: d.vehicle && { ...d.vehicle, [key]: e.target.value } })),
  });
  const setPhone = (id: number, change: Partial<CustomerDraft['phones'][number]>) =>
    setDraft((d) => ({
      ...d,
      phones: d.phones.map((p) => (p.id === id ? { ...p, ...change } : change.isPrimary ? { ...p, isPrimary: false } : p)),
    }));

  async function save() {
    const update = updateOf(card, vehicleId, draft);
    if (!update) return onDone();
    setBusy(true);
    setError(null);
    const result = await actions.card.saveCustomer(update);
    setBusy(false);
    if (result) setError(result);
    else onDone();
  }

  return (
    <form className="panel card-edit" data-testid="customer-edit-form" onSubmit={(e) => { e.preventDefault(); void save(); }}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); onDone(); } }}>
      <h2>{t('cardEdit.title')}</h2>
      <div className="card-edit-grid">
        <label>{t('cardEdit.name')}<input required maxLength={64} {...text('name')} /></label>
        <label>{t('cardEdit.gender')}
          <select value={draft.gender} data-testid="edit-gender" onChange={(e) => setDraft((d) => ({ ...d, gender: e.target.value as CustomerDraft['gender'] }))}>
            <option value="">{t('cardEdit.genderUnknown')}</option>
            <option value="M">{t('card.gender.M')}</option>
            <option value="F">{t('card.gender.F')}</option>
          </select>
        </label>
        <label>{t('card.birthday')}<input type="date" {...text('birthday')} /></label>
        <label>{t('card.district')}<input maxLength={64} {...text('district')} /></label>
        <label className="wide">{t('card.address')}<input maxLength={200} {...text('address')} /></label>
        <label>{t('card.email')}<input type="email" maxLength={120} {...text('email')} /></label>
      </div>
      <fieldset className="card-edit-phones">
        <legend>{t('card.phones')}</legend>
        {draft.phones.map((p) => (
          <div key={p.id} className="card-edit-phone" data-testid="edit-phone" data-phone-id={p.id}>
            <input value={p.value} disabled={p.masked || p.remove} data-testid="edit-phone-value" title={p.masked ? t('card.maskedHint') : undefined}
              onChange={(e) => setPhone(p.id, { value: e.target.value })} />
            <label className="small"><input type="radio" name="primary-phone" checked={p.isPrimary} disabled={p.remove} onChange={() => setPhone(p.id, { isPrimary: true })} /> {t('card.primary')}</label>
            {!p.masked ? (
              <label className="small"><input type="checkbox" checked={p.remove} data-testid="edit-phone-remove" onChange={(e) => setPhone(p.id, { remove: e.target.checked })} /> {t('cardEdit.removePhone')}</label>
            ) : null}
          </div>
        ))}
        <input placeholder={t('cardEdit.addPhone')} value={draft.newPhone} data-testid="edit-phone-new" onChange={(e) => setDraft((d) => ({ ...d, newPhone: e.target.value }))} />
      </fieldset>
      {draft.vehicle ? (
        <fieldset className="card-edit-grid">
          <legend>{t('vehicles.title')}</legend>
          <label>{t('cardEdit.plate')}<input maxLength={16} {...vehicleText('plate')} /></label>
          <label>{t('vehicles.vin')}<input maxLength={17} {...vehicleText('vin')} /></label>
          <label>{t('cardEdit.brand')}<input maxLength={40} {...vehicleText('brand')} /></label>
          <label>{t('vehicles.model')}<input maxLength={60} {...vehicleText('model')} /></label>
          <label>{t('cardEdit.mileageKm')}<input inputMode="numeric" pattern="[0-9]*" {...vehicleText('mileageKm')} /></label>
          <label>{t('cardEdit.insuranceCompany')}<input maxLength={60} {...vehicleText('insuranceCompany')} /></label>
          <label>{t('vehicles.insuranceExpiry')}<input type="date" {...vehicleText('insuranceExpiry')} /></label>
          <label>{t('cardEdit.nextInspection')}<input type="date" {...vehicleText('nextInspection')} /></label>
        </fieldset>
      ) : null}
      {error ? <div className="notice is-error" data-testid="edit-error">{errorText(t, error)} {error.message}</div> : null}
      <div className="card-edit-actions">
        <button type="button" className="btn" onClick={onDone}>{t('cardEdit.cancel')}</button>
        <button type="submit" className="btn btn-primary" data-testid="edit-save" disabled={busy}>{busy ? t('cardEdit.saving') : t('cardEdit.save')}</button>
      </div>
    </form>
  );
}
