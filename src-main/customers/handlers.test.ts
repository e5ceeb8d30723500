import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDesk } from '../host/desk';
import { insertCustomers } from './customer-writer';

describe('customers.lookupPhone for the screen-pop', () => {
  const desk = createDesk({ dataDir: mkdtempSync(join(tmpdir(), 'dd-lookup-')), host: 'cli', role: 'agent', log: { info() {}, error() {} } });
  const [alone, first, second] = insertCustomers(
    desk.context.sqlite,
    [
      { name: '单一', phones: [{ raw: '13811112222' }], vehicles: [{ plate: '粤A12345' }] },
      { name: '共用甲', phones: [{ raw: '02087654321' }], vehicles: [] },
      { name: '共用乙', phones: [{ raw: '020-8765-4321' }], vehicles: [] },
    ],
    new Date('2026-11-26T08:00:00Z'),
  );
  const views = () => desk.context.sqlite.prepare('SELECT ifnull(sum(count), 0) FROM card_views').pluck().get() as number;
  afterAll(() => desk.close());

  it('brings the card of a single match in the same reply, masked for an agent, and counts the view', async () => {
    const before = views();
    const reply = await desk.dispatch('customers.lookupPhone', { phone: '+86 138 1111 2222', withCard: true });
    expect(reply).toMatchObject({ ok: true, value: { normalized: '13811112222', customerIds: [alone], card: { id: alone, name: '单一' } } });
    const card = (reply as { value: { card: { phones: { display: string }[] } } }).value.card;
    expect(JSON.stringify(card)).not.toContain('13811112222');
    expect(views()).toBe(before + 1);
  });

  it('brings no card when several customers share the number, or none has it, or none was asked for', async () => {
    const before = views();
    const shared = await desk.dispatch('customers.lookupPhone', { phone: '020 87654321', withCard: true });
    expect(shared).toMatchObject({ ok: true, value: { customerIds: [first, second] } });
    expect((shared as { value: object }).value).not.toHaveProperty('card');
    const unknown = await desk.dispatch('customers.lookupPhone', { phone: '13900000000', withCard: true });
    expect((unknown as { value: object }).value).toEqual({ normalized: '13900000000', customerIds: [] });
    const plain = await desk.dispatch('customers.lookupPhone', { phone: '13811112222' });
    expect((plain as { value: object }).value).toEqual({ normalized: '13811112222', customerIds: [alone] });
    expect(views()).toBe(before);
  });
});
