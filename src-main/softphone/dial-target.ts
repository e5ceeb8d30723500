// Click-to-dial for phones the agent may only see masked (seed 000 权限管理: customer data must
// not walk out with a departing employee). The renderer needs the real number for the INVITE —
// JsSIP runs there — but never shows it: `display` is masked for roles without seeFullPhones.
// Each lookup is logged by ids only (who dialled which customer phone), never with the number.
import type Database from 'better-sqlite3';
import { DeskError } from '../../src-shared/contract/errors';
import type { DialTargetResult } from '../../src-shared/contract/softphone';
import { formatPhone, maskPhone } from '../../src-shared/domain/phone';

export function dialTarget(
  sqlite: Database.Database,
  input: { customerId: number; phoneId?: number },
  options: { revealPhones: boolean },
): DialTargetResult {
  // Same order as the card and the search hits: primary first, then oldest.
  const row = sqlite
    .prepare(
      `SELECT id, normalized FROM phones WHERE customer_id = ? AND (? IS NULL OR id = ?)
       ORDER BY is_primary DESC, id LIMIT 1`,
    )
    .get(input.customerId, input.phoneId ?? null, input.phoneId ?? null) as { id: number; normalized: string } | undefined;
  if (!row) throw new DeskError('not-found', 'no such phone for this customer');
  return {
    customerId: input.customerId,
    phoneId: row.id,
    number: row.normalized,
    display: options.revealPhones ? formatPhone(row.normalized) : maskPhone(row.normalized),
  };
}
