// Shared records in the desk's tables ↔ wire values (src-shared/domain/sync/entities.ts).
// One full-row write path for everything that changes a synced row on the desk (pulled rows,
// snapshot pages, local edits), so the derived search keys are always computed the same way.
// Hot path of initial sync (millions of rows): values stay positional tuples, statements are
// prepared once, and parents are resolved inside the INSERT … SELECT.
import type Database from 'better-sqlite3';
import { customerNameKeys, vehicleKeys } from '../../src-shared/domain/customer-keys';
import { entityFields, type SyncEntity, type WireValue } from '../../src-shared/domain/sync/entities';
import { reverseString } from '../../src-shared/domain/text';
import { asServerWrite, isRecordTable, recordTable } from './record-tables';

export type Tuple = WireValue[];

const tableOf: Record<SyncEntity, string> = {
  customers: 'customers',
  phones: 'phones',
  vehicles: 'vehicles',
  service_visits: 'service_visits',
  conflicts: 'sync_conflicts',
  kb_articles: 'kb_articles',
  kb_article_versions: 'kb_article_versions',
  work_items: 'work_items',
  work_item_history: 'work_item_history',
  appointments: 'appointments',
  call_records: 'call_log',
  kb_attachments: 'kb_attachments',
  // Sync schema 4: each in the desk table of its own name.
  leads: 'leads', stock_cars: 'stock_cars', arrival_requests: 'arrival_requests', sales_orders: 'sales_orders', deliveries: 'deliveries', sales_contracts: 'sales_contracts',
  policies: 'policies', policy_items: 'policy_items', renewals: 'renewals', membership_points: 'membership_points', win_backs: 'win_backs',
  quality_reviews: 'quality_reviews', quality_comments: 'quality_comments', questionnaires: 'questionnaires', surveys: 'surveys', survey_answers: 'survey_answers',
  message_templates: 'message_templates', messages: 'messages', message_opt_outs: 'message_opt_outs',
};
const coreEntities = ['customers', 'phones', 'vehicles', 'service_visits', 'conflicts'] as const;

export function deskTable(entity: SyncEntity): string {
  return tableOf[entity];
}

const b = (v: WireValue) => (v === null ? null : v ? 1 : 0);
const s = (v: WireValue) => (v === null || v === undefined ? null : v);

/** Parameters: every column except parent ids, then the parent uids of `from`, then force (1/0). */
function upsertSql(table: string, columns: string[], from?: { select: string; tables: string }): string {
  const set = columns.filter((c) => c !== 'uid').map((c) => `${c} = excluded.${c}`).join(', ');
  const body = from ? `SELECT ${from.select} FROM ${from.tables}` : `VALUES (${columns.map(() => '?').join(', ')})`;
  return `INSERT INTO ${table} (${columns.join(', ')}) ${body} ON CONFLICT(uid) DO UPDATE SET ${set} WHERE ? OR excluded.rev > ${table}.rev`;
}

export class DeskRows {
  private readonly advisorIds = new Map<string, number>();
  private readonly statements;

  constructor(private readonly sqlite: Database.Database) {
    const customerCols = ['uid', 'rev', 'number', 'name', 'name_reversed', 'pinyin', 'pinyin_initials', 'gender', 'birthday', 'district', 'address', 'email', 'category', 'membership_tier', 'advisor_id', 'custom_fields'];
    const phoneCols = ['uid', 'rev', 'customer_id', 'kind', 'raw', 'normalized', 'reversed', 'is_primary'];
    const vehicleCols = ['uid', 'rev', 'customer_id', 'plate', 'plate_local', 'plate_reversed', 'vin', 'vin_reversed', 'brand', 'model', 'model_year', 'colour', 'purchase_date', 'mileage_km', 'mileage_date', 'warranty_end', 'insurance_company', 'insurance_expiry', 'next_inspection', 'next_service_date', 'next_service_km'];
    const visitCols = ['uid', 'rev', 'customer_id', 'vehicle_id', 'visit_date', 'kind', 'mileage_km', 'advisor', 'amount_yuan', 'by_appointment'];
    const conflictCols = ['uid', 'rev', 'kind', 'entity', 'record_uid', 'field', 'lost_value', 'won_value', 'lost_rev', 'won_rev', 'lost_desk', 'lost_user', 'detected_at', 'resolved', 'resolved_by', 'reason'];
    // Children: the parent id comes from the parent's uid; no parent on this desk, no row.
    const child = (cols: string[], parents: string) => ({
      select: cols.map((c) => (c === 'customer_id' ? 'c.id' : c === 'vehicle_id' ? 'v.id' : '?')).join(', '),
      tables: parents,
    });
    this.statements = {
      customers: sqlite.prepare(upsertSql('customers', customerCols)),
      phones: sqlite.prepare(upsertSql('phones', phoneCols, child(phoneCols, 'customers c WHERE c.uid = ?'))),
      vehicles: sqlite.prepare(upsertSql('vehicles', vehicleCols, child(vehicleCols, 'customers c WHERE c.uid = ?'))),
      service_visits: sqlite.prepare(upsertSql('service_visits', visitCols, child(visitCols, 'customers c JOIN vehicles v ON v.uid = ? WHERE c.uid = ?'))),
      conflicts: sqlite.prepare(upsertSql('sync_conflicts', conflictCols)),
      advisorByName: sqlite.prepare('SELECT id FROM advisors WHERE name = ? ORDER BY id LIMIT 1').pluck(),
      insertAdvisor: sqlite.prepare('INSERT OR IGNORE INTO advisors (code, name) VALUES (?, ?)'),
      numberHolder: sqlite.prepare('SELECT uid FROM customers WHERE number = ? AND uid <> ?').pluck(),
      renumber: sqlite.prepare('UPDATE customers SET number = ? WHERE uid = ?'),
      read: {
        customers: sqlite.prepare(`SELECT c.rev, c.number, c.name, c.gender, c.birthday, c.district, c.address, c.email, c.category, c.membership_tier, a.name AS advisor, c.custom_fields, c.pinyin, c.pinyin_initials
          FROM customers c LEFT JOIN advisors a ON a.id = c.advisor_id WHERE c.uid = ?`).raw(),
        phones: sqlite.prepare(`SELECT p.rev, c.uid, p.kind, p.raw, p.normalized, p.is_primary FROM phones p JOIN customers c ON c.id = p.customer_id WHERE p.uid = ?`).raw(),
        vehicles: sqlite.prepare(`SELECT v.rev, c.uid, v.plate, v.vin, v.brand, v.model, v.model_year, v.colour, v.purchase_date, v.mileage_km, v.mileage_date, v.warranty_end,
          v.insurance_company, v.insurance_expiry, v.next_inspection, v.next_service_date, v.next_service_km FROM vehicles v JOIN customers c ON c.id = v.customer_id WHERE v.uid = ?`).raw(),
        service_visits: sqlite.prepare(`SELECT s.rev, c.uid, v.uid, s.visit_date, s.kind, s.mileage_km, s.advisor, s.amount_yuan, s.by_appointment
          FROM service_visits s JOIN customers c ON c.id = s.customer_id JOIN vehicles v ON v.id = s.vehicle_id WHERE s.uid = ?`).raw(),
        conflicts: sqlite.prepare(`SELECT rev, kind, entity, record_uid, field, lost_value, won_value, lost_rev, won_rev, lost_desk, lost_user, detected_at, resolved, resolved_by, reason
          FROM sync_conflicts WHERE uid = ?`).raw(),
      } as Record<SyncEntity, Database.Statement>,
      remove: Object.fromEntries(coreEntities.map((e) => [e, sqlite.prepare(`DELETE FROM ${tableOf[e]} WHERE uid = ?`)])) as Record<SyncEntity, Database.Statement>,
    };
  }

  /**
   * Writes a full row (own fields, then derived fields if the server sent them). `force`
   * writes whatever the stored rev (local edits, rebase); otherwise only a newer rev replaces
   * the stored row. Returns false when a parent the row needs is not on this desk.
   */
  write(entity: SyncEntity, uid: string, rev: number, v: Tuple, force = false): boolean {
    const st = this.statements;
    const f = force ? 1 : 0;
    switch (entity) {
      case 'customers': {
        const name = String(v[1] ?? '');
        let pinyin = v[11] as string | null | undefined;
        let initials = v[12] as string | null | undefined;
        if (typeof pinyin !== 'string' || typeof initials !== 'string') {
          const keys = customerNameKeys(name);
          pinyin = keys.pinyin;
          initials = keys.pinyinInitials;
        }
        const params = [uid, rev, v[0], name, reverseString(name), pinyin, initials, s(v[2]), s(v[3]), s(v[4]), s(v[5]), s(v[6]), s(v[7]), s(v[8]), this.advisorId(v[9]), v[10] ?? '{}', f];
        try {
          return st.customers.run(params).changes > 0;
        } catch (error) {
          if (!isUniqueNumberError(error)) throw error;
          // Numbers are unique on the server, which renumbers a later duplicate and sends the
          // result. Until then the row that is not the server's holds a provisional number:
          // a local write (force) yields to the row already here; a row from the server
          // displaces whatever local row holds its number (that row's own number is on its way).
          if (force) {
            params[2] = `${v[0]}~${uid.slice(0, 12)}`;
            return st.customers.run(params).changes > 0;
          }
          const holder = st.numberHolder.get(v[0], uid) as string | undefined;
          if (!holder) throw error;
          st.renumber.run(`${v[0]}~${holder.slice(0, 12)}`, holder);
          return st.customers.run(params).changes > 0;
        }
      }
      case 'phones': {
        const normalized = String(v[3] ?? '');
        return st.phones.run(uid, rev, v[1], v[2], normalized, reverseString(normalized), b(v[4]) ?? 0, v[0], f).changes > 0;
      }
      case 'vehicles': {
        const keys = vehicleKeys(v[1] as string | null, v[2] as string | null);
        return st.vehicles.run(
          uid, rev, s(v[1]), keys.plateLocal, keys.plateReversed, s(v[2]), s(v[2]) === null ? null : keys.vinReversed,
          s(v[3]), s(v[4]), s(v[5]), s(v[6]), s(v[7]), s(v[8]), s(v[9]), s(v[10]), s(v[11]), s(v[12]), s(v[13]), s(v[14]), s(v[15]), v[0], f,
        ).changes > 0;
      }
      case 'service_visits':
        return st.service_visits.run(uid, rev, v[2], v[3], s(v[4]), s(v[5]), s(v[6]), b(v[7]) ?? 0, v[1], v[0], f).changes > 0;
      case 'conflicts':
        return st.conflicts.run(uid, rev, v[0], v[1], v[2], s(v[3]), s(v[4]), s(v[5]), s(v[6]), s(v[7]), s(v[8]), s(v[9]), s(v[10]), b(v[11]) ?? 0, s(v[12]), s(v[13]), f).changes > 0;
      default:
        return recordTable(this.sqlite, entity).write(uid, rev, v, force);
    }
  }

  /** Own fields of the row in wire order (derived fields dropped), with its rev; null if absent. */
  read(entity: SyncEntity, uid: string): { rev: number; values: Tuple } | null {
    if (isRecordTable(entity)) return recordTable(this.sqlite, entity).read(uid);
    const row = this.statements.read[entity].get(uid) as WireValue[] | undefined;
    if (!row) return null;
    const fields = entityFields[entity];
    const values = row.slice(1, 1 + fields.length).map((value, i) => fromDesk(fields[i], value));
    return { rev: Number(row[0]), values };
  }

  /** Derived fields as stored, for write-back after a local edit (customers: pinyin). */
  readDerived(entity: SyncEntity, uid: string): Tuple {
    if (entity !== 'customers') return [];
    const row = this.statements.read.customers.get(uid) as WireValue[] | undefined;
    return row ? [row[12], row[13]] : [];
  }

  remove(entity: SyncEntity, uid: string): boolean {
    if (isRecordTable(entity)) return recordTable(this.sqlite, entity).remove(uid);
    // Deleting a customer sets the references of its work items, calls… to null: not a local edit.
    return asServerWrite(this.sqlite, () => this.statements.remove[entity].run(uid).changes > 0);
  }

  /** The desk's advisor id for a name (created on first sight); null for no name. */
  advisorId(name: WireValue): number | null {
    if (typeof name !== 'string' || name === '') return null;
    const cached = this.advisorIds.get(name);
    if (cached !== undefined) return cached;
    let id = this.statements.advisorByName.get(name) as number | undefined;
    if (id === undefined) {
      this.statements.insertAdvisor.run(`name:${name}`.slice(0, 80), name);
      id = this.statements.advisorByName.get(name) as number;
    }
    this.advisorIds.set(name, id);
    return id;
  }
}

const boolFields = new Set(['isPrimary', 'byAppointment', 'resolved']);
function fromDesk(field: string, value: WireValue): WireValue {
  if (boolFields.has(field)) return value === null ? null : Boolean(value);
  return value;
}

function isUniqueNumberError(error: unknown): boolean {
  return error instanceof Error && (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && error.message.includes('customers.number');
}

const cache = new WeakMap<Database.Database, DeskRows>();
export function deskRows(sqlite: Database.Database): DeskRows {
  let rows = cache.get(sqlite);
  if (!rows) cache.set(sqlite, (rows = new DeskRows(sqlite)));
  return rows;
}
