import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadView } from '../../../src-shared/contract/sales';
import { leadSources, leadStages, leadStageTable, type LeadSource, type LeadStage } from '../../../src-shared/domain/sales/leads';
import { useSales, useSalesActions, useSalesDesk } from '../start';
import { OrderForm } from './order-form';
import { useSalesOffice } from './use-sales-office';

export function LeadsTab() {
  const { t } = useTranslation();
  const actions = useSalesActions();
  const leads = useSales((s) => s.leads);
  const card = useSalesDesk((s) => s.card.card);
  const [ordering, setOrdering] = useState<LeadView | null>(null);
  const office = useSalesOffice();
  const [losing, setLosing] = useState<number | null>(null);
  const [lostReason, setLostReason] = useState('');
  return (
    <>
      <div className="sl-filters">
        <select data-testid="leads-stage" value={leads.stage} onChange={(e) => actions.setLeadFilter({ stage: e.target.value as LeadStage | '' })}>
          <option value="">{t('sales.leads.allStages')}</option>
          {leadStages.map((s) => <option key={s} value={s}>{t(`sales.leadStage.${s}`)}</option>)}
        </select>
        <label className="sl-check"><input type="checkbox" checked={leads.mine} onChange={(e) => actions.setLeadFilter({ mine: e.target.checked })} />{t('sales.leads.mine')}</label>
      </div>
      {card ? <NewLead customerId={card.id} customerName={card.name} /> : <p className="muted small">{t('sales.noCustomer')}</p>}
      {ordering ? <OrderForm lead={ordering} onDone={() => setOrdering(null)} /> : null}
      <table className="sl-table" data-testid="leads-table">
        <thead><tr><th>{t('sales.leads.customer')}</th><th>{t('sales.leads.models')}</th><th>{t('sales.leads.source')}</th><th className="num">{t('sales.leads.budget')}</th><th>{t('sales.leads.stage')}</th><th>{t('sales.leads.consultant')}</th><th>{t('sales.leads.nextStep')}</th><th>{t('sales.leads.created')}</th><th /></tr></thead>
        <tbody>
          {leads.rows?.map((l) => (
            <tr key={l.id} data-testid="lead-row" data-stage={l.stage} data-customer={l.customerName}>
              <td>{l.customerName}</td>
              <td>{l.models.join('、')}</td>
              <td>{t(`sales.leadSource.${l.source}`)}</td>
              <td className="num">{l.budgetYuan?.toLocaleString() ?? ''}</td>
              <td>
                {losing === l.id ? (
                  <form className="sl-inline" onSubmit={(e) => { e.preventDefault(); void actions.updateLead({ id: l.id, stage: 'lost', lostReason: lostReason.trim() }).then((ok) => ok && setLosing(null)); }}>
                    <input data-testid="lead-lost-reason" autoFocus placeholder={t('sales.leads.lostPrompt')} value={lostReason} onChange={(e) => setLostReason(e.target.value)} />
                    <button type="submit" className="btn btn-small btn-primary" disabled={!lostReason.trim()}>{t('sales.save')}</button>
                    <button type="button" className="btn btn-small" onClick={() => setLosing(null)}>{t('sales.cancel')}</button>
                  </form>
                ) : (
                  <select data-testid="lead-stage" value={l.stage} onChange={(e) => {
                    const stage = e.target.value as LeadStage;
                    if (stage === 'lost') { setLosing(l.id); setLostReason(''); } else void actions.updateLead({ id: l.id, stage });
                  }}>
                    {[l.stage, ...leadStageTable[l.stage]].filter((s, i, a) => a.indexOf(s) === i).map((s) => <option key={s} value={s}>{t(`sales.leadStage.${s}`)}</option>)}
                  </select>
                )}
                {l.lostReason ? <span className="muted small"> {l.lostReason}</span> : null}
              </td>
              <td>{l.consultant ?? ''}</td>
              <td>{[l.nextStep, l.nextStepDate].filter(Boolean).join(' · ')}</td>
              <td>{l.createdAt.slice(0, 10)}</td>
              <td>{office && l.orderId === null && l.stage !== 'lost' ? <button type="button" className="btn-link" data-testid="lead-to-order" onClick={() => setOrdering(l)}>{t('sales.leads.toOrder')}</button> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {leads.rows?.length === 0 ? <p className="muted">{t('sales.empty')}</p> : null}
    </>
  );
}

function NewLead({ customerId, customerName }: { customerId: number; customerName: string }) {
  const { t } = useTranslation();
  const actions = useSalesActions();
  const [source, setSource] = useState<LeadSource>('phone');
  const [models, setModels] = useState('');
  const [budget, setBudget] = useState('');
  const [consultant, setConsultant] = useState('');
  const [nextStep, setNextStep] = useState('');
  const [nextStepDate, setNextStepDate] = useState('');
  return (
    <form className="sl-form" data-testid="lead-form" onSubmit={async (e) => {
      e.preventDefault();
      const ok = await actions.createLead({ customerId, source, models: models.split(/[,，、]/).map((m) => m.trim()).filter(Boolean), budgetYuan: budget ? Number(budget) : null, consultant: consultant.trim() || null, nextStep: nextStep.trim() || null, nextStepDate: nextStepDate || null });
      if (ok) { setModels(''); setBudget(''); setNextStep(''); setNextStepDate(''); }
    }}>
      <strong>{t('sales.leads.new')} · {t('sales.forCustomer', { name: customerName })}</strong>
      <div className="sl-form-row">
        <select aria-label={t('sales.leads.source')} value={source} onChange={(e) => setSource(e.target.value as LeadSource)}>{leadSources.map((s) => <option key={s} value={s}>{t(`sales.leadSource.${s}`)}</option>)}</select>
        <input data-testid="lead-models" placeholder={t('sales.leads.models')} title={t('sales.leads.modelsHint')} value={models} onChange={(e) => setModels(e.target.value)} />
        <input type="number" min={0} placeholder={t('sales.leads.budget')} value={budget} onChange={(e) => setBudget(e.target.value)} />
        <input placeholder={t('sales.leads.consultant')} value={consultant} onChange={(e) => setConsultant(e.target.value)} />
        <input placeholder={t('sales.leads.nextStep')} value={nextStep} onChange={(e) => setNextStep(e.target.value)} />
        <input type="date" aria-label={t('sales.leads.nextStepDate')} value={nextStepDate} onChange={(e) => setNextStepDate(e.target.value)} />
        <button type="submit" className="btn btn-small btn-primary" data-testid="lead-submit">{t('sales.save')}</button>
      </div>
    </form>
  );
}
