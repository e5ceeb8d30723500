// Reminder dates of a demo vehicle, all as day offsets from today.
//  - Warranty: 2 years from purchase (seed 002: 2 years / 60,000 km).
//  - Insurance: policies run a year from the purchase anniversary (交强险 starts on delivery).
//  - Annual inspection (年审) of a private small car, as regulated since 2022: an inspection
//    sticker every 2 years up to year 10, yearly inspection from year 10, every 6 months
//    after year 15, due on the registration (purchase) anniversary.
import type { DemoCalendar } from './calendar';

export function warrantyEnd(calendar: DemoCalendar, purchaseDay: number): number {
  return calendar.monthsLater(purchaseDay, 24);
}

/** The first purchase anniversary on or after `from` (at least one year after purchase). */
export function anniversaryOnOrAfter(calendar: DemoCalendar, purchaseDay: number, from: number): number {
  let years = Math.max(1, Math.floor((from - purchaseDay) / 366));
  let day = calendar.monthsLater(purchaseDay, 12 * years);
  while (day < from) day = calendar.monthsLater(purchaseDay, 12 * ++years);
  return day;
}

export function nextInspection(calendar: DemoCalendar, purchaseDay: number, from: number): number {
  let months = 24;
  for (;;) {
    const day = calendar.monthsLater(purchaseDay, months);
    if (day >= from) return day;
    months += months < 120 ? 24 : months < 180 ? 12 : 6;
  }
}
