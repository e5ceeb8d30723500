// Which records a desk holds (issue 6): 'all' for call-centre, supervisor, sales and admin
// desks; 'advisor:<name>' for an advisor whose book is configured (users.advisor_name): the
// customers whose advisor is that name, and their phones, vehicles and visits. Conflict
// records go to whole-dealership desks (supervisors review them there).
import type { SyncEntity } from '../../src-shared/domain/sync/entities';

export type Scope = { kind: 'all' } | { kind: 'advisor'; advisor: string };

export function scopeOf(role: string, advisorName: string | null): Scope {
  return role === 'advisor' && advisorName ? { kind: 'advisor', advisor: advisorName } : { kind: 'all' };
}

export function scopeKey(scope: Scope): string {
  return scope.kind === 'all' ? 'all' : `advisor:${scope.advisor}`;
}

export function parseScopeKey(key: string): Scope {
  return key.startsWith('advisor:') ? { kind: 'advisor', advisor: key.slice('advisor:'.length) } : { kind: 'all' };
}

/**
 * SQL condition (on table alias t) restricting an entity to the scope; `param` is the
 * placeholder holding the advisor name. null: the entity is not synced to this scope.
 */
export function scopeCondition(entity: SyncEntity, scope: Scope, param: string): string | null {
  if (scope.kind === 'all') return 'true';
  const path = customerPath[entity];
  if (path === 'none') return null;
  if (path === 'everyone') return 'true';
  const inBook = (alias: string) => `${alias}.customer_uid IN (SELECT c.uid FROM customers c WHERE c.dealership_id = ${alias}.dealership_id AND c.advisor = ${param})`;
  if (path === 'self') return `t.advisor = ${param}`;
  if (path === 'customer') return inBook('t');
  return `t.work_item_uid IN (SELECT w.uid FROM work_items w WHERE w.dealership_id = t.dealership_id AND ${inBook('w')})`;
}

/**
 * How an advisor's scope reaches each entity: the customer itself, through the row's customer,
 * through its work item's customer; the KB is everyone's; conflicts only whole-dealership desks'.
 */
export const customerPath: Record<SyncEntity, 'self' | 'customer' | 'work_item' | 'everyone' | 'none'> = {
  customers: 'self',
  phones: 'customer',
  vehicles: 'customer',
  service_visits: 'customer',
  conflicts: 'none',
  kb_articles: 'everyone',
  kb_article_versions: 'everyone',
  work_items: 'customer',
  work_item_history: 'work_item',
  appointments: 'customer',
  call_records: 'customer',
  kb_attachments: 'everyone',
  // Sync schema 4. Records of a customer follow the customer; stock, questionnaires, templates,
  // surveys and opt-outs (every desk must honour them) are everyone's; rows hanging off a policy
  // or an order go everywhere and are kept where their parent is (a desk drops a row whose
  // required parent it does not hold; a move-in sends them again with their parent, pull.ts);
  // quality reviews are for whole-dealership desks.
  leads: 'customer',
  stock_cars: 'everyone',
  arrival_requests: 'customer',
  sales_orders: 'customer',
  deliveries: 'customer',
  sales_contracts: 'everyone',
  policies: 'customer',
  policy_items: 'everyone',
  renewals: 'everyone',
  membership_points: 'customer',
  win_backs: 'customer',
  quality_reviews: 'none',
  quality_comments: 'none',
  questionnaires: 'everyone',
  surveys: 'everyone',
  survey_answers: 'customer',
  message_templates: 'everyone',
  messages: 'customer',
  message_opt_outs: 'everyone',
};
