// The audit log (seed 000 权限管理: customer data must not walk out with a departing employee):
// who revealed which masked number and why, who exported what (or was refused), and the alert
// raised when someone opens an unusual number of customer cards in an hour. Append-only.
import { DeskError } from '../../src-shared/contract/errors';
import { formatPhone } from '../../src-shared/domain/phone';
import type { DeskContext } from '../host/context';

type Ctx = Pick<DeskContext, 'sqlite' | 'session' | 'now' | 'emit'>;

export function audit(ctx: Ctx, action: string, entry: { customerId?: number | null; reason?: string | null; data?: unknown } = {}): number {
  return ctx.sqlite
    .prepare('INSERT INTO audit_log (at, actor, role, action, customer_id, reason, data) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id')
    .pluck()
    .get(ctx.now().toISOString(), ctx.session.userName, ctx.session.role, action, entry.customerId ?? null, entry.reason ?? null, entry.data === undefined ? null : JSON.stringify(entry.data)) as number;
}

export interface AuditRow { id: number; at: string; actor: string; role: string; action: string; customerId: number | null; reason: string | null; data: string | null }

export function listAudit(ctx: Pick<Ctx, 'sqlite'>, f: { action?: string; limit: number }): AuditRow[] {
  return ctx.sqlite
    .prepare(`SELECT id, at, actor, role, action, customer_id AS customerId, reason, data FROM audit_log ${f.action ? 'WHERE action = ?' : ''} ORDER BY id DESC LIMIT ?`)
    .all(...(f.action ? [f.action] : []), f.limit) as AuditRow[];
}

/** A masked number shown in full on demand; the reason is required and logged. */
export function revealPhone(ctx: Ctx, input: { customerId: number; phoneId: number; reason: string }): { display: string } {
  const normalized = ctx.sqlite.prepare('SELECT normalized FROM phones WHERE id = ? AND customer_id = ?').pluck().get(input.phoneId, input.customerId) as string | undefined;
  if (!normalized) throw new DeskError('not-found', `phone ${input.phoneId} of customer ${input.customerId} not found`);
  audit(ctx, 'reveal_phone', { customerId: input.customerId, reason: input.reason, data: { phoneId: input.phoneId } });
  return { display: formatPhone(normalized) };
}

export const defaultCardViewAlertPerHour = 60;

function alertThreshold(ctx: Ctx): number {
  const raw = ctx.sqlite.prepare(`SELECT value FROM settings WHERE key = 'supervisor.cardViewAlertPerHour'`).pluck().get() as string | undefined;
  const n = raw ? Number(JSON.parse(raw)) : defaultCardViewAlertPerHour;
  return Number.isFinite(n) && n > 0 ? n : defaultCardViewAlertPerHour;
}

/** Counts a card open; the first open past the hourly threshold raises one alert for that hour. */
export function noteCardView(ctx: Ctx, customerId: number): void {
  const hour = ctx.now().toISOString().slice(0, 13);
  const row = ctx.sqlite
    .prepare(`INSERT INTO card_views (actor, hour, count) VALUES (?, ?, 1) ON CONFLICT(actor, hour) DO UPDATE SET count = count + 1 RETURNING count, alerted`)
    .get(ctx.session.userName, hour) as { count: number; alerted: number };
  if (row.alerted || row.count <= alertThreshold(ctx)) return;
  ctx.sqlite.prepare('UPDATE card_views SET alerted = 1 WHERE actor = ? AND hour = ?').run(ctx.session.userName, hour);
  audit(ctx, 'card_view_alert', { customerId, data: { hour, count: row.count } });
  ctx.emit('supervisor.alerted', { kind: 'card_views', actor: ctx.session.userName, hour, count: row.count });
}
