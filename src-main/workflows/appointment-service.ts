// Appointments against advisor day capacity (seed 003) and the walk-in check-in of the front
// desk: the plate pops the same card and "why they are here" facts as an inbound call
// (src-shared/domain/softphone/why-calling.ts), fed with open complaints, appointments and
// work in progress from this capability.
import { DeskError } from '../../src-shared/contract/errors';
import type { AppointmentView } from '../../src-shared/contract/appointments';
import { addDays, todayIn } from '../../src-shared/domain/dates';
import { normalizePlate } from '../../src-shared/domain/plate';
import { whyCalling } from '../../src-shared/domain/softphone/why-calling';
import { capacityView, checkBooking } from '../../src-shared/domain/workflows/capacity';
import { isWorkingDay } from '../../src-shared/domain/workflows/work-calendar';
import { can } from '../../src-shared/domain/roles';
import { customerCard } from '../customers/card-service';
import type { WorkflowContext } from './context';
import { appointmentById, appointmentSelect, bookedCounts, insertAppointment, setAppointmentStatus } from './appointment-repository';
import { capacityRulesOf, loadWorkflowSettings } from './settings';
import { appendHistory, linkWorkItem } from './work-item-repository';

export interface BookInput {
  customerId: number;
  vehicleId?: number | null;
  advisor: string;
  date: string;
  slot: string;
  kind: AppointmentView['kind'];
  workRequested?: string;
  confirmOverTarget?: boolean;
  source?: string;
  workItemId?: number;
}

const refusal: Record<string, string> = {
  day_full: 'the advisor already has the maximum number of cars that day',
  slot_full: 'this time slot is full for the advisor',
  needs_confirmation: 'the advisor is past the target number of cars that day; confirm to book anyway',
  unknown_slot: 'not a configured time slot',
};

export function bookAppointment(ctx: WorkflowContext, input: BookInput): AppointmentView {
  const rules = capacityRulesOf(loadWorkflowSettings(ctx.sqlite));
  const at = ctx.now().toISOString();
  const write = () => {
    if (!ctx.sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(input.customerId)) throw new DeskError('not-found', `customer ${input.customerId} not found`);
    if (input.vehicleId) {
      const owner = ctx.sqlite.prepare('SELECT customer_id FROM vehicles WHERE id = ?').pluck().get(input.vehicleId);
      if (owner !== input.customerId) throw new DeskError('invalid-input', 'the vehicle is not the customer’s');
    }
    const counts = bookedCounts(ctx.sqlite, input.date, input.advisor);
    const check = checkBooking(counts.day, counts.bySlot.get(input.slot) ?? 0, input.slot, input.confirmOverTarget ?? false, rules);
    if (!check.ok) throw new DeskError(check.reason === 'unknown_slot' ? 'invalid-input' : 'conflict', refusal[check.reason], [{ path: 'slot', message: check.reason }]);
    const id = insertAppointment(ctx.sqlite, {
      customerId: input.customerId, vehicleId: input.vehicleId ?? null, advisor: input.advisor, date: input.date, slot: input.slot, kind: input.kind,
      workRequested: input.workRequested ?? '', source: input.source ?? 'phone', workItemId: input.workItemId ?? null, createdBy: ctx.session.userName, at,
    });
    if (input.workItemId) {
      linkWorkItem(ctx.sqlite, input.workItemId, 'appointment', String(id));
      appendHistory(ctx.sqlite, input.workItemId, { at, actor: ctx.session.userName, action: 'book_appointment', note: `${input.date} ${input.slot} ${input.advisor}`, data: { appointmentId: id } });
    }
    return id;
  };
  const id = ctx.sqlite.inTransaction ? write() : ctx.sqlite.transaction(write)();
  return appointmentById(ctx.sqlite, id);
}

/** The first slot with room, from `fromDate` on working days (within two weeks), or null. */
export function firstFreeSlot(ctx: WorkflowContext, advisor: string, fromDate: string): { date: string; slot: string } | null {
  const s = loadWorkflowSettings(ctx.sqlite);
  const rules = capacityRulesOf(s);
  for (let i = 0; i < 14; i++) {
    const date = addDays(fromDate, i);
    if (!isWorkingDay(date, s.callingWindows.calendar)) continue;
    const counts = bookedCounts(ctx.sqlite, date, advisor);
    for (const slot of rules.slots) if (checkBooking(counts.day, counts.bySlot.get(slot) ?? 0, slot, false, rules).ok) return { date, slot };
  }
  return null;
}

export function appointmentDay(ctx: WorkflowContext, date: string, advisor?: string) {
  const rules = capacityRulesOf(loadWorkflowSettings(ctx.sqlite));
  const appointments = (advisor
    ? ctx.sqlite.prepare(`${appointmentSelect} WHERE a.date = ? AND a.advisor = ? ORDER BY a.slot, a.id`).all(date, advisor)
    : ctx.sqlite.prepare(`${appointmentSelect} WHERE a.date = ? ORDER BY a.advisor, a.slot, a.id`).all(date)) as AppointmentView[];
  const advisors = (ctx.sqlite.prepare('SELECT name FROM advisors UNION SELECT DISTINCT advisor FROM appointments WHERE date = ? ORDER BY 1').pluck().all(date) as string[]).filter((a) => !advisor || a === advisor);
  const capacity = advisors.map((name) => {
    const counts = bookedCounts(ctx.sqlite, date, name);
    return { advisor: name, ...capacityView(counts.day, rules), slots: rules.slots.map((slot) => ({ slot, booked: counts.bySlot.get(slot) ?? 0, perSlot: rules.perSlot })) };
  });
  return { appointments, capacity, advisors };
}

export function changeAppointmentStatus(ctx: WorkflowContext, id: number, status: 'cancelled' | 'no_show' | 'booked'): AppointmentView {
  appointmentById(ctx.sqlite, id);
  setAppointmentStatus(ctx.sqlite, id, status, ctx.now().toISOString());
  return appointmentById(ctx.sqlite, id);
}

const reasonLabels: Record<string, string> = {
  work_in_progress: '车辆在修', complaint: '未结投诉', appointment: '预约', first_maintenance: '首保', maintenance: '到期保养', insurance: '保险到期',
  inspection: '年审', warranty: '质保到期', birthday: '生日',
};

interface OpenWorkItemRow {
  kind: string;
  vehicleId: number | null;
  deadline: string | null;
  title: string;
  createdAt: string;
  fields: string;
}

function upcomingAppointments(ctx: WorkflowContext, customerId: number, today: string): AppointmentView[] {
  return ctx.sqlite.prepare(`${appointmentSelect} WHERE a.customer_id = ? AND a.date >= ? AND a.status = 'booked' ORDER BY a.date, a.slot`).all(customerId, today) as AppointmentView[];
}

function openWorkItemsOf(ctx: WorkflowContext, customerId: number): OpenWorkItemRow[] {
  return ctx.sqlite.prepare(`SELECT kind, vehicle_id AS vehicleId, deadline_at AS deadline, title, created_at AS createdAt, fields FROM work_items WHERE customer_id = ? AND open = 1`).all(customerId) as OpenWorkItemRow[];
}

function callContextOf(ctx: WorkflowContext, appts: AppointmentView[], openItems: OpenWorkItemRow[]) {
  const zone = loadWorkflowSettings(ctx.sqlite).dealership.timeZone;
  return {
    appointments: appts.map((a) => ({ vehicleId: a.vehicleId, date: a.date })),
    complaints: openItems.filter((w) => w.kind === 'complaint' && w.deadline).map((w) => ({ vehicleId: w.vehicleId, deadline: todayIn(zone, new Date(w.deadline!)), summary: w.title })),
    workInProgress: openItems.filter((w) => w.kind === 'accident' || w.kind === 'rescue').map((w) => ({ vehicleId: w.vehicleId, kind: w.kind === 'accident' ? ('accident' as const) : ('repair' as const), since: w.createdAt.slice(0, 10) })),
  };
}

/** The why-calling facts of a customer beyond the card: for the softphone's screen-pop. */
export function customerCallContext(ctx: WorkflowContext, customerId: number) {
  const today = todayIn(loadWorkflowSettings(ctx.sqlite).dealership.timeZone, ctx.now());
  return callContextOf(ctx, upcomingAppointments(ctx, customerId, today), openWorkItemsOf(ctx, customerId));
}

/** Walk-in check-in by plate (full plate, without province, or its tail). */
export function checkIn(ctx: WorkflowContext, plate: string) {
  const settings = loadWorkflowSettings(ctx.sqlite);
  const today = todayIn(settings.dealership.timeZone, ctx.now());
  const p = normalizePlate(plate);
  const select = `SELECT v.customer_id AS customerId, v.id AS vehicleId, v.plate, c.name FROM vehicles v JOIN customers c ON c.id = v.customer_id WHERE v.plate_local = ?`;
  // With a province the full plate decides; without one, the local part may match several provinces.
  const matches = (p ? (p.province ? ctx.sqlite.prepare(`${select} AND v.plate = ? LIMIT 20`).all(p.local, p.plate) : ctx.sqlite.prepare(`${select} LIMIT 20`).all(p.local)) : []) as {
    customerId: number; vehicleId: number; plate: string | null; name: string;
  }[];
  const empty = { matches, customerId: null, vehicleId: null, card: null, reasons: [], appointment: null, openWorkItems: 0 };
  if (matches.length !== 1) return empty;
  const { customerId, vehicleId } = matches[0];
  const card = customerCard(ctx.sqlite, customerId, { today, revealPhones: can(ctx.session.role, 'seeFullPhones') });
  const appts = upcomingAppointments(ctx, customerId, today);
  const openItems = openWorkItemsOf(ctx, customerId);
  const why = whyCalling({ birthday: card.birthday, vehicles: card.vehicles, visits: card.visits, ...callContextOf(ctx, appts, openItems) }, today, null);
  const reasons = why.reasons.map((r) => {
    if (r.kind === 'due') return { kind: r.due.kind, vehicleId: r.vehicleId, label: reasonLabels[r.due.kind] ?? r.due.kind, date: r.due.dueDate };
    if (r.kind === 'complaint') return { kind: 'complaint', vehicleId: r.vehicleId, label: `${reasonLabels.complaint}${r.summary ? `:${r.summary}` : ''}`, date: r.deadline };
    if (r.kind === 'appointment') return { kind: 'appointment', vehicleId: r.vehicleId, label: reasonLabels.appointment, date: r.date };
    return { kind: 'work_in_progress', vehicleId: r.vehicleId, label: reasonLabels.work_in_progress, date: r.since };
  });
  const todays = appts.find((a) => a.date === today && (a.vehicleId === null || a.vehicleId === vehicleId)) ?? null;
  let appointment: AppointmentView | null = null;
  if (todays) {
    setAppointmentStatus(ctx.sqlite, todays.id, 'checked_in', ctx.now().toISOString());
    appointment = appointmentById(ctx.sqlite, todays.id);
  }
  return { matches, customerId, vehicleId, card, reasons, appointment, openWorkItems: openItems.length };
}
