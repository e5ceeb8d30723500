// Audit log (issue 6): exports, unmasked phone views, permission changes, failed sign-ins,
// lock-outs and revocations. Append-only: nothing in the server updates or deletes these rows.
import type { Sql } from './sql';

export interface AuditEntry {
  dealershipId: number;
  userId?: number | null;
  userName?: string | null;
  action: string;
  target?: string | null;
  detail?: Record<string, unknown>;
}

export async function audit(sql: Sql, entry: AuditEntry): Promise<void> {
  await sql.query('INSERT INTO audit_log (dealership_id, user_id, user_name, action, target, detail) VALUES ($1, $2, $3, $4, $5, $6)', [
    entry.dealershipId, entry.userId ?? null, entry.userName ?? null, entry.action, entry.target ?? null, entry.detail ? JSON.stringify(entry.detail) : null,
  ]);
}
