// 预约 booking against each service advisor's day (seed 003: 8–10 cars a day, never more than
// 12; the numbers come from the desk's settings through appointments.day). Past the target the
// booking needs an explicit confirmation; a full day or slot cannot be booked.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerHit } from '../../../src-shared/contract/customers';
import type { Output } from '../../../src-shared/contract/index';
import { useDesk } from '../../app/desk-context';
import { useWf, useWfActions } from '../start';
import { codeLabel } from './labels';

const kinds = ['maintenance', 'repair', 'first_maintenance', 'inspection', 'viewing'] as const;
type Capacity = Output<'appointments.day'>['capacity'][number];

export function CapacityBar({ c }: { c: Capacity }) {
  const { t } = useTranslation();
  const cells = Array.from({ length: c.max }, (_, i) => (i < c.booked ? (i < c.target ? 'is-booked' : 'is-over') : i < c.target ? '' : 'is-reserve'));
  return (
    <div className={`wf-capacity wf-capacity-${c.level}`} data-testid="advisor-capacity" data-advisor={c.advisor} data-booked={c.booked} data-free={c.freeToTarget}>
      <div className="wf-capacity-cells" aria-hidden>{cells.map((cls, i) => <span key={i} className={cls} />)}</div>
      <span className="small">{t('wf.appointments.capacityLine', { booked: c.booked, target: c.target, max: c.max })}</span>
      <span className={`wf-level wf-level-${c.level}`}>{t(`wf.appointments.level.${c.level}`)} · {t('wf.appointments.free', { count: Math.max(0, c.freeToMax) })}</span>
    </div>
  );
}

export function AppointmentBooking() {
  const { t } = useTranslation();
  const actions = useWfActions();
  const day = useWf((s) => s.day);
  const card = useDesk((s) => s.card.card);
  const [customer, setCustomer] = useState<{ id: number; name: string; vehicles: { id: number; plate: string | null }[] } | null>(card ? { id: card.id, name: card.name, vehicles: card.vehicles.map((v) => ({ id: v.id, plate: v.plate })) } : null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<CustomerHit[]>([]);
  const [advisor, setAdvisor] = useState('');
  const [slot, setSlot] = useState('');
  const [kind, setKind] = useState<(typeof kinds)[number]>('maintenance');
  const [vehicleId, setVehicleId] = useState<number | null>(card ? (card.vehicles.length === 1 ? card.vehicles[0].id : null) : null);
  const [work, setWork] = useState('');
  const [confirmOver, setConfirmOver] = useState(false);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => void actions.searchCustomers(query).then((h) => live && setHits(h)).catch(() => {}), 200);
    return () => { live = false; clearTimeout(timer); };
  }, [actions, query]);
  const data = day.data;
  const capacity = data?.capacity.find((c) => c.advisor === advisor) ?? null;
  const slotRow = capacity?.slots.find((s) => s.slot === slot) ?? null;
  const overTarget = capacity !== null && capacity.freeToTarget <= 0 && capacity.freeToMax > 0;
  const canBook = customer && advisor && slot && capacity && capacity.level !== 'full' && (!slotRow || slotRow.booked < slotRow.perSlot) && (!overTarget || confirmOver);
  const book = async () => {
    if (!customer || !canBook) return;
    const booked = await actions.day.book({ customerId: customer.id, vehicleId, advisor, date: day.date, slot, kind, workRequested: work, confirmOverTarget: confirmOver, source: 'phone' });
    if (booked) { setSlot(''); setConfirmOver(false); }
  };
  return (
    <section className="wf-booking" data-testid="appointment-booking">
      <div className="wf-toolbar">
        <h1>{t('wf.appointments.title')}</h1>
        <label className="wf-inline"><span>{t('wf.appointments.date')}</span>
          <input type="date" data-testid="booking-date" value={day.date} onChange={(e) => e.target.value && void actions.day.load(e.target.value)} />
        </label>
      </div>
      <div className="wf-booking-grid">
        <div className="wf-block">
          <h2>{t('wf.appointments.customer')}</h2>
          {customer ? (
            <div className="wf-chosen" data-testid="booking-customer">
              <strong>{customer.name}</strong>
              <select aria-label={t('wf.create.vehicle')} value={vehicleId ?? ''} onChange={(e) => setVehicleId(e.target.value ? Number(e.target.value) : null)}>
                <option value="">{t('wf.create.noVehicle')}</option>
                {customer.vehicles.map((v) => <option key={v.id} value={v.id}>{v.plate ?? `#${v.id}`}</option>)}
              </select>
              <button type="button" className="btn-link" onClick={() => setCustomer(null)}>×</button>
            </div>
          ) : (
            <>
              <input data-testid="booking-customer-search" placeholder={t('wf.appointments.searchCustomer')} value={query} onChange={(e) => setQuery(e.target.value)} />
              <ul className="wf-hits">
                {hits.map((h) => (
                  <li key={h.id}><button type="button" className="wf-hit" onClick={() => void actions.customerBrief(h.id).then((c) => { if (!c) return; setCustomer(c); setVehicleId(c.vehicles.length === 1 ? c.vehicles[0].id : null); })}>
                    <strong>{h.name}</strong> <span className="muted small">{h.plates.join(' ')} {h.phones[0] ?? ''}</span>
                  </button></li>
                ))}
              </ul>
              {!query ? <p className="muted small">{t('wf.appointments.pickCustomer')}</p> : null}
            </>
          )}
          <label className="wf-field"><span>{t('wf.appointments.kind')}</span>
            <select data-testid="booking-kind" value={kind} onChange={(e) => setKind(e.target.value as (typeof kinds)[number])}>
              {kinds.map((k) => <option key={k} value={k}>{t(`wf.appointments.kinds.${k}`)}</option>)}
            </select>
          </label>
          <label className="wf-field"><span>{t('wf.appointments.work')}</span><input data-testid="booking-work" value={work} onChange={(e) => setWork(e.target.value)} /></label>
        </div>
        <div className="wf-block">
          <h2>{t('wf.appointments.capacity')}</h2>
          {data && data.advisors.length === 0 ? <p className="muted">{t('wf.appointments.noAdvisors')}</p> : null}
          <ul className="wf-advisors">
            {data?.capacity.map((c) => (
              <li key={c.advisor}>
                <button type="button" className={`wf-advisor${advisor === c.advisor ? ' is-selected' : ''}`} data-testid="booking-advisor" data-advisor={c.advisor} onClick={() => { setAdvisor(c.advisor); setSlot(''); setConfirmOver(false); }}>
                  <strong>{c.advisor}</strong>
                  <CapacityBar c={c} />
                </button>
              </li>
            ))}
          </ul>
        </div>
        <div className="wf-block">
          <h2>{t('wf.appointments.slot')}{advisor ? ` · ${advisor}` : ''}</h2>
          <div className="wf-slots" data-testid="booking-slots">
            {capacity?.slots.map((s) => {
              const full = s.booked >= s.perSlot || capacity.level === 'full';
              return (
                <button key={s.slot} type="button" className={`wf-slot${slot === s.slot ? ' is-selected' : ''}`} disabled={full} data-testid="booking-slot" data-slot={s.slot} onClick={() => setSlot(s.slot)} title={full ? t('wf.appointments.slotFull') : undefined}>
                  <span className="mono">{s.slot}</span>
                  <span className="small muted">{s.booked}/{s.perSlot}</span>
                </button>
              );
            })}
          </div>
          {overTarget ? (
            <label className="wf-check notice is-warning"><input type="checkbox" data-testid="booking-confirm-over" checked={confirmOver} onChange={(e) => setConfirmOver(e.target.checked)} />{t('wf.appointments.overTarget')}</label>
          ) : null}
          <div className="wf-form-buttons">
            <button type="button" className="btn btn-primary" data-testid="booking-submit" disabled={!canBook} onClick={() => void book()}>{t('wf.appointments.book')}</button>
          </div>
          {day.booked ? <p className="notice is-ok" data-testid="booking-done">{t('wf.appointments.booked', { date: day.booked.date, slot: day.booked.slot, advisor: day.booked.advisor })}</p> : null}
        </div>
      </div>
      <DayList />
    </section>
  );
}

export function DayList({ title, compact = false }: { title?: string; compact?: boolean }) {
  const { t } = useTranslation();
  const actions = useWfActions();
  const data = useWf((s) => s.day.data);
  const list = data?.appointments ?? [];
  return (
    <section className="wf-block">
      <h2>{title ?? t('wf.frontDesk.day')} <span className="wf-count">{list.length}</span></h2>
      {list.length === 0 ? <p className="muted small">{t('wf.appointments.none')}</p> : (
        <div className="wf-table-scroll">
        <table className="grid wf-day-table" data-testid="day-appointments">
          <thead><tr><th>{t('wf.appointments.slot')}</th><th>{t('wf.appointments.customer')}</th><th>{t('wf.detail.plate')}</th><th>{t('wf.appointments.kind')}</th><th>{t('wf.appointments.advisor')}</th>{compact ? null : <th>{t('wf.appointments.work')}</th>}<th>{t('wf.filter.status')}</th>{compact ? null : <th />}</tr></thead>
          <tbody>
            {list.map((a) => (
              <tr key={a.id} data-testid="day-appointment" data-status={a.status}>
                <td className="mono">{a.slot}</td>
                <td>{a.customerName}</td>
                <td>{a.plate ?? ''}</td>
                <td>{t(`wf.appointments.kinds.${a.kind}`)}</td>
                <td>{a.advisor}</td>
                {compact ? null : <td>{a.workRequested}</td>}
                <td><span className={`wf-appt wf-appt-${a.status}`}>{t(`wf.appointments.status.${a.status}`)}</span>{compact ? null : <span className="muted small"> {codeLabel(t, 'appointments.source', a.source)}</span>}</td>
                {compact ? null : <td className="wf-row-actions">
                  {a.status === 'booked' ? (
                    <>
                      <button type="button" className="btn-link" onClick={() => void actions.day.setStatus(a.id, 'no_show')}>{t('wf.appointments.noShow')}</button>
                      <button type="button" className="btn-link" onClick={() => void actions.day.setStatus(a.id, 'cancelled')}>{t('wf.appointments.cancelAppt')}</button>
                    </>
                  ) : a.status !== 'checked_in' ? <button type="button" className="btn-link" onClick={() => void actions.day.setStatus(a.id, 'booked')}>{t('wf.appointments.restore')}</button> : null}
                </td>}
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
}
