// The one write path for appointments (see work-item-repository.ts on the sync hook).
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { DeskError } from '../../src-shared/contract/errors';
import type { AppointmentView } from '../../src-shared/contract/appointments';

export const appointmentSelect = `SELECT a.id, a.customer_id AS customerId, c.name AS customerName, a.vehicle_id AS vehicleId, v.plate, a.advisor, a.date, a.slot, a.kind,
  a.work_requested AS workRequested, a.status, a.source, a.checked_in_at AS checkedInAt
  FROM appointments a JOIN customers c ON c.id = a.customer_id LEFT JOIN vehicles v ON v.id = a.vehicle_id`;

export interface NewAppointment {
  customerId: number;
  vehicleId: number | null;
  advisor: string;
  date: string;
  slot: string;
  kind: AppointmentView['kind'];
  workRequested: string;
  source: string;
  workItemId: number | null;
  createdBy: string;
  at: string;
}

export function insertAppointment(sqlite: Database.Database, a: NewAppointment): number {
  return Number(
    sqlite
      .prepare(
        `INSERT INTO appointments (uid, customer_id, vehicle_id, advisor, date, slot, kind, work_requested, status, source, work_item_id, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?, ?, ?, ?)`,
      )
      .run(randomUUID(), a.customerId, a.vehicleId, a.advisor, a.date, a.slot, a.kind, a.workRequested, a.source, a.workItemId, a.createdBy, a.at).lastInsertRowid,
  );
}

export function appointmentById(sqlite: Database.Database, id: number): AppointmentView {
  const row = sqlite.prepare(`${appointmentSelect} WHERE a.id = ?`).get(id) as AppointmentView | undefined;
  if (!row) throw new DeskError('not-found', `appointment ${id} not found`);
  return row;
}

export function setAppointmentStatus(sqlite: Database.Database, id: number, status: AppointmentView['status'], at: string): void {
  sqlite.prepare(`UPDATE appointments SET status = ?, checked_in_at = CASE WHEN ? = 'checked_in' THEN ? ELSE checked_in_at END WHERE id = ?`).run(status, status, at, id);
}

/** Bookings that count against capacity (booked or already checked in). */
export function bookedCounts(sqlite: Database.Database, date: string, advisor: string): { day: number; bySlot: Map<string, number> } {
  const rows = sqlite.prepare(`SELECT slot, count(*) AS n FROM appointments WHERE date = ? AND advisor = ? AND status IN ('booked','checked_in') GROUP BY slot`).all(date, advisor) as { slot: string; n: number }[];
  return { day: rows.reduce((s, r) => s + r.n, 0), bySlot: new Map(rows.map((r) => [r.slot, r.n])) };
}
