import { performance } from 'node:perf_hooks';
import { DeskError } from '../../src-shared/contract/errors';
import { todayIn } from '../../src-shared/domain/dates';
import { normalizePhone } from '../../src-shared/domain/phone';
import { can } from '../../src-shared/domain/roles';
import type { HandlersFor } from '../contract/dispatcher';
import type { DeskContext } from '../host/context';
import { customerCard } from './card-service';
import { insertCustomers } from './customer-writer';
import { customersByPhone, searchCustomers } from './search-service';
import { updateCustomer } from './update-service';
import { noteCardView } from '../supervisor/audit';

export const dealershipTimeZone = 'Asia/Shanghai';

type CustomerMethods = 'customers.search' | 'customers.card' | 'customers.lookupPhone' | 'customers.create' | 'customers.update' | 'customers.count';

export const customerHandlers: HandlersFor<CustomerMethods, DeskContext> = {
  'customers.search'({ query, limit }, ctx) {
    const started = performance.now();
    const hits = searchCustomers(ctx.sqlite, query, { limit, revealPhones: can(ctx.session.role, 'seeFullPhones') });
    return { hits, tookMs: performance.now() - started };
  },
  'customers.card'({ customerId }, ctx) {
    return viewCard(ctx, customerId);
  },
  'customers.lookupPhone'({ phone, withCard }, ctx) {
    const normalized = normalizePhone(phone)?.normalized ?? null;
    const customerIds = normalized ? customersByPhone(ctx.sqlite, normalized) : [];
    return withCard && customerIds.length === 1 ? { normalized, customerIds, card: viewCard(ctx, customerIds[0]) } : { normalized, customerIds };
  },
  'customers.create'(input, ctx) {
    if (!normalizePhone(input.phone)) throw new DeskError('invalid-input', 'not a phone number', [{ path: 'phone', message: 'not a phone number' }]);
    const [id] = insertCustomers(
      ctx.sqlite,
      [{ name: input.name, gender: input.gender, district: input.district, phones: [{ raw: input.phone }], vehicles: input.plate ? [{ plate: input.plate }] : [] }],
      ctx.now(),
    );
    const number = ctx.sqlite.prepare('SELECT number FROM customers WHERE id = ?').pluck().get(id) as string;
    ctx.emit('customers.changed', { ids: [id] });
    return { id, number };
  },
  'customers.update'(input, ctx) {
    const changed = updateCustomer(ctx.sqlite, input, { role: ctx.session.role }, ctx.now());
    if (changed > 0) ctx.emit('customers.changed', { ids: [input.customerId] });
    return { id: input.customerId, changed };
  },
  'customers.count'(_input, ctx) {
    const customers = ctx.sqlite.prepare('SELECT count(*) FROM customers').pluck().get() as number;
    const vehicles = ctx.sqlite.prepare('SELECT count(*) FROM vehicles').pluck().get() as number;
    return { customers, vehicles };
  },
};

/** A card as this role may see it; every view counts toward the unusual-views alert. */
function viewCard(ctx: DeskContext, customerId: number) {
  noteCardView(ctx, customerId);
  return customerCard(ctx.sqlite, customerId, {
    today: todayIn(dealershipTimeZone, ctx.now()),
    revealPhones: can(ctx.session.role, 'seeFullPhones'),
  });
}
