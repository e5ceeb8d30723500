// Service advisor day capacity (seed 003): an advisor receives 8–10 cars a day at best and
// never more than 12 — beyond that reception quality drops. Bookings up to `target` are free,
// up to `max` need a confirmation (the screen warns), past `max` are refused.
export interface AdvisorCapacityRules {
  target: number;
  max: number;
  /** Appointment time slots of the day ('08:30'), each holding at most `perSlot` cars per advisor. */
  slots: readonly string[];
  perSlot: number;
}

export const defaultCapacityRules: AdvisorCapacityRules = Object.freeze({
  target: 10,
  max: 12,
  slots: Object.freeze(['08:30', '09:30', '10:30', '11:30', '13:30', '14:30', '15:30', '16:30']),
  perSlot: 2,
});

export type CapacityLevel = 'free' | 'busy' | 'full';

export interface CapacityView {
  booked: number;
  target: number;
  max: number;
  freeToTarget: number;
  freeToMax: number;
  level: CapacityLevel;
}

export function capacityView(booked: number, rules: AdvisorCapacityRules = defaultCapacityRules): CapacityView {
  return {
    booked,
    target: rules.target,
    max: rules.max,
    freeToTarget: Math.max(0, rules.target - booked),
    freeToMax: Math.max(0, rules.max - booked),
    level: booked >= rules.max ? 'full' : booked >= rules.target ? 'busy' : 'free',
  };
}

export type BookingCheck = { ok: true } | { ok: false; reason: 'day_full' | 'needs_confirmation' | 'slot_full' | 'unknown_slot' };

export function checkBooking(dayBooked: number, slotBooked: number, slot: string, confirmed: boolean, rules: AdvisorCapacityRules = defaultCapacityRules): BookingCheck {
  if (!rules.slots.includes(slot)) return { ok: false, reason: 'unknown_slot' };
  if (dayBooked >= rules.max) return { ok: false, reason: 'day_full' };
  if (slotBooked >= rules.perSlot) return { ok: false, reason: 'slot_full' };
  if (dayBooked >= rules.target && !confirmed) return { ok: false, reason: 'needs_confirmation' };
  return { ok: true };
}
