// How each capability record maps onto its desk table (record-tables.ts does the writing and
// change capture). A wire field is the column of the same name in snake case (a parent
// reference `order` is order_id, the parent's local id) unless `columns` says otherwise.
// Local-only columns the desk derives from synced rows are kept in step by `afterWrite`, which
// runs after a server write with change capture on: it touches no wire column, so nothing is
// queued back. Cycles between tables (an order's lead and the lead's order, a stock car and its
// order, a policy and the policy it renews) travel one way only and the other side is derived
// here, so parents always come before children (entities.ts).
import type Database from 'better-sqlite3';
import { normalizeModelText } from '../../src-shared/domain/sales/arrival';
import type { SyncEntity, WireValue } from '../../src-shared/domain/sync/entities';
import { reindexArticle } from '../knowledge/article-repository';

export interface TableSpec {
  table: string;
  /** Desk column of a wire field when it is not the field in snake case. */
  columns?: Record<string, string>;
  /** Desk columns written from the row's own values after the wire columns (e.g. work_items.open). */
  computed?: Record<string, (field: (name: string) => WireValue) => WireValue>;
  /** SET clauses added when the server's row replaces the stored one (optimistic version checks). */
  onReplace?: string;
  /** Unique columns: a server row displaces a local row holding the same value (renamed with a ~suffix). */
  unique?: string[];
  /** A unique column that is unique only per parent (UNIQUE(parent, column)): column → parent field. */
  uniqueWithin?: Record<string, string>;
  /** Runs after a server write of the row (`rowid` of the row). */
  afterWrite?: (sqlite: Database.Database, rowid: number) => void;
  /**
   * SQL (on alias t) of the natural key the row's uid derives from (record-uids.ts naturalKeys):
   * rows stored before the table synced get their uid from it when the desk opens.
   */
  naturalKey?: string;
}

const run = (sql: string) => {
  const statements = new WeakMap<Database.Database, Database.Statement>();
  return (sqlite: Database.Database, rowid: number) => {
    let st = statements.get(sqlite);
    if (!st) statements.set(sqlite, (st = sqlite.prepare(sql)));
    st.run({ rowid });
  };
};
const runAll = (...steps: ((sqlite: Database.Database, rowid: number) => void)[]) => (sqlite: Database.Database, rowid: number) => {
  for (const step of steps) step(sqlite, rowid);
};
/** A recording is on the desk that made it: the local link, where the recording is here. */
const linkRecording = (table: string) => run(`UPDATE ${table} SET recording_id = (SELECT id FROM recordings WHERE uid = ${table}.recording_uid) WHERE rowid = @rowid`);

export const recordTableSpecs: Partial<Record<SyncEntity, TableSpec>> = {
  kb_articles: { table: 'kb_articles', unique: ['slug'], afterWrite: reindexArticle },
  kb_article_versions: { table: 'kb_article_versions' },
  kb_attachments: { table: 'kb_attachments', unique: ['name'], uniqueWithin: { name: 'article' } },
  work_items: {
    table: 'work_items',
    computed: { open: (f) => (f('status') === 'closed' ? 0 : 1) },
    onReplace: 'version = work_items.version + 1',
    unique: ['source_key'],
  },
  work_item_history: { table: 'work_item_history' },
  appointments: { table: 'appointments' },
  call_records: { table: 'call_log' },
  leads: { table: 'leads' },
  stock_cars: {
    table: 'stock_cars',
    // As stock-service.ts searchKey: the lookup during a call is a prefix scan of this column.
    computed: { search_key: (f) => normalizeModelText(`${String(f('model') ?? '')}|${String(f('trim') ?? '')}|${String(f('colour') ?? '')}|${String(f('vin') ?? '')}`) },
    unique: ['vin'],
  },
  arrival_requests: { table: 'arrival_requests' },
  sales_orders: {
    table: 'sales_orders',
    unique: ['number'],
    // leads.order_id and stock_cars.order_id are the desk's back-links of an order's lead and car.
    afterWrite: runAll(
      run(`UPDATE leads SET order_id = @rowid WHERE id = (SELECT lead_id FROM sales_orders WHERE id = @rowid)`),
      run(`UPDATE stock_cars SET order_id = NULL WHERE order_id = @rowid AND id IS NOT (SELECT stock_id FROM sales_orders WHERE id = @rowid)`),
      run(`UPDATE stock_cars SET order_id = @rowid WHERE id = (SELECT stock_id FROM sales_orders WHERE id = @rowid)`),
    ),
  },
  deliveries: { table: 'deliveries' },
  sales_contracts: { table: 'sales_contracts', unique: ['number'] },
  policies: { table: 'policies' },
  policy_items: { table: 'policy_items' },
  renewals: {
    table: 'renewals',
    naturalKey: `'renewal:' || (SELECT uid FROM policies WHERE id = t.policy_id)`,
    // policies.renews_policy_id is the renewal's renewed_policy seen from the new policy.
    afterWrite: run(`UPDATE policies SET renews_policy_id = (SELECT policy_id FROM renewals WHERE id = @rowid) WHERE id = (SELECT renewed_policy_id FROM renewals WHERE id = @rowid)`),
  },
  membership_points: { table: 'membership_points', columns: { createdBy: 'by' }, naturalKey: `'membership:' || t.source_key` },
  win_backs: { table: 'win_backs', naturalKey: `'win-back:' || (SELECT uid FROM customers WHERE id = t.customer_id)` },
  quality_reviews: { table: 'quality_reviews', columns: { recording: 'recording_uid' }, afterWrite: linkRecording('quality_reviews') },
  quality_comments: { table: 'quality_comments', columns: { recording: 'recording_uid', body: 'text' }, afterWrite: linkRecording('quality_comments') },
  questionnaires: { table: 'questionnaires', columns: { questionnaireId: 'id' }, naturalKey: `'questionnaire:' || t.id` },
  surveys: { table: 'surveys' },
  survey_answers: { table: 'survey_answers' },
  message_templates: { table: 'message_templates', columns: { templateId: 'id' }, naturalKey: `'message-template:' || t.id` },
  messages: {
    table: 'messages',
    columns: { replyTo: 'reply_to_uid' },
    // messages.reply_to is this desk's id of the message answered, whichever of the two came first.
    afterWrite: runAll(
      run(`UPDATE messages SET reply_to = (SELECT m.id FROM messages m WHERE m.uid = messages.reply_to_uid) WHERE rowid = @rowid`),
      run(`UPDATE messages SET reply_to = @rowid WHERE reply_to IS NULL AND reply_to_uid = (SELECT uid FROM messages WHERE rowid = @rowid)`),
    ),
  },
  message_opt_outs: { table: 'message_opt_outs', naturalKey: `'opt-out:' || t.address` },
};
