import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrivalMatches, matchesCar, type Waiting } from './arrival';

const models = ['A', 'B', 'a ', 'Ｂ'];
const waitingArb = fc.array(
  fc.record({
    kind: fc.constantFrom<'order' | 'request'>('order', 'request'), id: fc.integer({ min: 1, max: 50 }), customerId: fc.integer({ min: 1, max: 9 }), consultant: fc.constant(null),
    model: fc.constantFrom(...models), trim: fc.constantFrom(null, 'x', 'y'), colour: fc.constantFrom(null, 'w'), createdAt: fc.constantFrom('2024-01-01', '2024-02-01', '2024-03-01'),
  }),
  { maxLength: 12 },
).map((ws) => ws.filter((w, i) => ws.findIndex((o) => o.kind === w.kind && o.id === w.id) === i) as Waiting[]);

describe('arrivalMatches properties', () => {
  it('tells every matching request exactly once, at most one order, in oldest-first order after the order', () => {
    fc.assert(
      fc.property(waitingArb, fc.constantFrom('A', 'B'), fc.constantFrom(null, 'x'), fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }), (waiting, model, trim, orderId) => {
        const car = { model, trim, colour: 'w', orderId };
        const out = arrivalMatches(car, waiting);
        const requests = out.filter((w) => w.kind === 'request');
        expect(requests.length).toBe(waiting.filter((w) => w.kind === 'request' && matchesCar(car, w)).length);
        expect(out.filter((w) => w.kind === 'order').length).toBeLessThanOrEqual(1);
        if (out[0]?.kind === 'order') expect(out.slice(1).every((w) => w.kind === 'request')).toBe(true);
        for (let i = 1; i < requests.length; i++) expect(requests[i - 1].createdAt <= requests[i].createdAt).toBe(true);
        if (orderId !== null) expect(out.filter((w) => w.kind === 'order').every((w) => w.id === orderId)).toBe(true);
      }),
    );
  });
});
