// After the call: disposition code, notes, inquiry category (pre-selected from the IVR choice)
// and an optional callback. The record itself was saved when the call ended; saving here
// updates it and schedules the callback.
import { useTranslation } from 'react-i18next';
import { inquiryCategories, type InquiryCategory } from '../../../src-shared/domain/softphone/ivr-category';
import type { WrapUp } from '../state/softphone-slice';
import { usePhone, useSoftphone } from './use-softphone';

export const dispositionCodes = ['resolved', 'follow_up', 'appointment', 'complaint', 'no_action'] as const;

export function WrapUpForm({ wrapUp }: { wrapUp: WrapUp }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const call = useSoftphone((s) => s.endedCalls[wrapUp.callId]);
  const edit = (patch: Partial<Omit<WrapUp, 'callId'>>) => phone.editWrapUp(wrapUp.callId, patch);
  return (
    <form className="sp-wrap-up" data-testid="sp-wrap-up" data-call-id={wrapUp.callId} onSubmit={(e) => { e.preventDefault(); void phone.submitWrapUp(wrapUp.callId); }}>
      <strong>{t('softphone.wrapUp.title')}</strong> <span>{call?.remoteNumber}</span>
      <label>{t('softphone.wrapUp.disposition')}
        <select data-testid="sp-disposition" value={wrapUp.disposition} onChange={(e) => edit({ disposition: e.target.value })}>
          <option value="">—</option>
          {dispositionCodes.map((d) => <option key={d} value={d}>{t(`softphone.wrapUp.dispositions.${d}`)}</option>)}
        </select>
      </label>
      <label>{t('softphone.wrapUp.category')}
        <select data-testid="sp-category" value={wrapUp.category ?? ''} onChange={(e) => edit({ category: (e.target.value || null) as InquiryCategory | null })}>
          <option value="">—</option>
          {inquiryCategories.map((c) => <option key={c} value={c}>{t(`softphone.categories.${c}`)}</option>)}
        </select>
      </label>
      <label>{t('softphone.wrapUp.notes')}
        <input data-testid="sp-notes" value={wrapUp.notes} maxLength={4000} onChange={(e) => edit({ notes: e.target.value })} />
      </label>
      <label>{t('softphone.wrapUp.callback')}
        <input data-testid="sp-callback-at" type="datetime-local" value={wrapUp.callbackAt} onChange={(e) => edit({ callbackAt: e.target.value })} />
      </label>
      <button type="submit" className="btn btn-small btn-primary" data-testid="sp-wrap-up-save">{t('softphone.wrapUp.save')}</button>
    </form>
  );
}
