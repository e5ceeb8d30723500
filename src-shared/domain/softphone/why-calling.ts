// "Why is this customer probably calling?" for the screen-pop card (issue 4): which vehicle to
// open and the reasons to show, most likely first. Priorities, highest first:
//   1. a service or repair in progress (the car is in the workshop: "is it ready?")
//   2. an open complaint (seed 004: answer within 3 days), with its deadline
//   3. an appointment within `appointmentDays`
//   4. what is due (computeDue, seeds 001/002): overdue first, then soon
// The IVR choice, when present, lifts the reasons that match it to the top.
import type { ServiceVisit, Vehicle } from '../../contract/customers';
import { computeDue, defaultDueRules, type DueRules } from '../due';
import { daysBetween } from '../dates';
import type { InquiryCategory } from './ivr-category';

export interface WorkInProgress {
  vehicleId: number | null;
  kind: 'maintenance' | 'repair' | 'accident';
  since: string;
}
export interface Appointment {
  vehicleId: number | null;
  date: string;
}
export interface OpenComplaint {
  vehicleId: number | null;
  deadline: string;
  summary?: string;
}

export interface WhyCallingInput {
  birthday: string | null;
  vehicles: Vehicle[];
  visits: ServiceVisit[];
  workInProgress?: WorkInProgress[];
  appointments?: Appointment[];
  complaints?: OpenComplaint[];
}

export type CallReason =
  | { kind: 'work_in_progress'; vehicleId: number | null; work: WorkInProgress['kind']; since: string }
  | { kind: 'complaint'; vehicleId: number | null; deadline: string; daysLeft: number; summary?: string }
  | { kind: 'appointment'; vehicleId: number | null; date: string; daysLeft: number }
  | { kind: 'due'; vehicleId: number | null; due: ReturnType<typeof computeDue>[number] };

export interface WhyCalling {
  vehicleId: number | null;
  reasons: CallReason[];
}

export const appointmentDays = 7;

const ivrMatches: Record<InquiryCategory, (r: CallReason) => boolean> = {
  maintenance: (r) => (r.kind === 'work_in_progress' && r.work === 'maintenance') || (r.kind === 'due' && (r.due.kind === 'maintenance' || r.due.kind === 'first_maintenance')) || r.kind === 'appointment',
  repair: (r) => r.kind === 'work_in_progress' && r.work !== 'maintenance',
  complaint: (r) => r.kind === 'complaint',
  new_car: () => false,
  promotion: (r) => r.kind === 'due' && r.due.kind === 'insurance',
};

function rank(r: CallReason): number {
  switch (r.kind) {
    case 'work_in_progress':
      return 0;
    case 'complaint':
      return 1;
    case 'appointment':
      return 2;
    case 'due':
      return r.due.urgency === 'overdue' ? 3 : r.due.urgency === 'soon' ? 4 : 5;
  }
}

export function whyCalling(input: WhyCallingInput, today: string, ivr: InquiryCategory | null = null, rules: DueRules = defaultDueRules): WhyCalling {
  const reasons: CallReason[] = [];
  for (const w of input.workInProgress ?? []) reasons.push({ kind: 'work_in_progress', vehicleId: w.vehicleId, work: w.kind, since: w.since });
  for (const c of input.complaints ?? []) {
    reasons.push({ kind: 'complaint', vehicleId: c.vehicleId, deadline: c.deadline, daysLeft: daysBetween(today, c.deadline), summary: c.summary });
  }
  for (const a of input.appointments ?? []) {
    const daysLeft = daysBetween(today, a.date);
    if (daysLeft >= 0 && daysLeft <= appointmentDays) reasons.push({ kind: 'appointment', vehicleId: a.vehicleId, date: a.date, daysLeft });
  }
  for (const due of computeDue({ birthday: input.birthday, vehicles: input.vehicles, visits: input.visits }, today, rules)) {
    reasons.push({ kind: 'due', vehicleId: due.vehicleId, due });
  }
  const boosted = (r: CallReason) => (ivr && ivrMatches[ivr](r) ? 0 : 1);
  const order = reasons.map((r, i) => ({ r, i }));
  order.sort((a, b) => boosted(a.r) - boosted(b.r) || rank(a.r) - rank(b.r) || a.i - b.i);
  const sorted = order.map((o) => o.r);
  const known = new Set(input.vehicles.map((v) => v.id));
  const top = sorted.find((r) => r.vehicleId !== null && known.has(r.vehicleId));
  return { vehicleId: top?.vehicleId ?? latestVisitedVehicle(input) ?? input.vehicles[0]?.id ?? null, reasons: sorted };
}

function latestVisitedVehicle(input: WhyCallingInput): number | null {
  let best: ServiceVisit | null = null;
  for (const v of input.visits) if (input.vehicles.some((x) => x.id === v.vehicleId) && (!best || v.visitDate > best.visitDate)) best = v;
  return best?.vehicleId ?? null;
}
