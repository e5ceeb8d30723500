// 前台接待: a walk-in is checked in by plate (typed or scanned), which pops the same customer card
// as a call (the customers screen's CardPane, beside the day's appointments) with the same
// "why they are here" facts; an appointment of today is marked arrived.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CardPane } from '../../customers/customer-card';
import { useWf, useWfActions } from '../start';
import { DayList } from './appointment-booking';

export function FrontDesk() {
  const { t } = useTranslation();
  const actions = useWfActions();
  const checkIn = useWf((s) => s.checkIn);
  const [plate, setPlate] = useState('');
  const result = checkIn.result;
  return (
    <div className="wf-split wf-front-desk">
      <section className="wf-list-pane wf-front-left">
        <form className="wf-checkin" onSubmit={(e) => { e.preventDefault(); if (plate.trim().length >= 2) void actions.checkIn.run(plate.trim()); }}>
          <h1>{t('wf.frontDesk.checkIn')}</h1>
          <div className="wf-checkin-row">
            <input data-testid="checkin-plate" autoFocus placeholder={t('wf.frontDesk.platePlaceholder')} value={plate} onChange={(e) => setPlate(e.target.value)} />
            <button type="submit" className="btn btn-primary" data-testid="checkin-submit" disabled={plate.trim().length < 2 || checkIn.status === 'loading'}>{t('wf.frontDesk.go')}</button>
          </div>
        </form>
        {result && checkIn.status === 'ready' ? (
          <div className="wf-block" data-testid="checkin-result">
            {result.matches.length === 0 ? <p className="notice is-warning">{t('wf.frontDesk.notFound', { plate: checkIn.plate })}</p> : null}
            {result.matches.length > 1 && result.customerId === null ? (
              <>
                <p>{t('wf.frontDesk.several')}</p>
                <ul className="wf-hits">
                  {result.matches.map((m) => (
                    <li key={m.vehicleId}><button type="button" className="wf-hit" onClick={() => m.plate && void actions.checkIn.run(m.plate)}><strong>{m.name}</strong> <span className="plate plate-small plate-blue">{m.plate}</span></button></li>
                  ))}
                </ul>
              </>
            ) : null}
            {result.customerId !== null ? (
              <>
                <h2>{t('wf.frontDesk.why')}</h2>
                <p className={result.appointment ? 'notice is-ok' : 'notice'} data-testid="checkin-appointment">
                  {result.appointment ? t('wf.frontDesk.appointment', { slot: result.appointment.slot, kind: t(`wf.appointments.kinds.${result.appointment.kind}`), advisor: result.appointment.advisor }) : t('wf.frontDesk.noAppointment')}
                </p>
                <ul className="due-list" data-testid="checkin-reasons">
                  {result.reasons.map((r, i) => (
                    <li key={`${r.kind}-${i}`} className="due-chip due-upcoming"><span className="due-kind">{r.label}</span><span className="due-date">{r.date ?? ''}</span></li>
                  ))}
                </ul>
                {result.openWorkItems > 0 ? <p className="notice is-warning small">{t('wf.frontDesk.openItems', { count: result.openWorkItems })}</p> : null}
              </>
            ) : null}
          </div>
        ) : null}
        <DayList compact />
      </section>
      {result?.customerId ? <CardPane /> : <section className="wf-detail-pane wf-detail-empty"><p className="muted">{t('wf.frontDesk.platePlaceholder')}</p></section>}
    </div>
  );
}
