import { describe, expect, it } from 'vitest';
import { DeskError } from '../../src-shared/contract/errors';
import { createDispatcher, type Handlers } from './dispatcher';
import type { Role } from '../../src-shared/domain/roles';

function dispatcherWith(partial: Partial<Handlers<object>>, role: Role = 'agent') {
  const errors: unknown[] = [];
  const dispatch = createDispatcher<object>({
    handlers: partial as Handlers<object>,
    context: {},
    role: () => role,
    log: { error: (_m, meta) => errors.push(meta) },
    validateOutput: true,
  });
  return { dispatch, errors };
}

describe('contract dispatcher', () => {
  it('answers an unknown method with a typed error, never a crash', async () => {
    const { dispatch } = dispatcherWith({});
    expect(await dispatch('fs.readFile', {})).toEqual({ ok: false, error: { code: 'unknown-method', message: expect.stringContaining('fs.readFile') } });
    expect(await dispatch(42, {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await dispatch('toString', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('validates input against the schema and says where it is wrong', async () => {
    let called = false;
    const { dispatch } = dispatcherWith({
      'customers.card': () => {
        called = true;
        throw new Error('not reached');
      },
    });
    const result = await dispatch('customers.card', { customerId: 'DROP TABLE customers' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'customerId' }] } });
    expect(called).toBe(false);
    expect(await dispatch('customers.search', { query: 'x'.repeat(10_000) })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('applies schema defaults before the handler sees the input', async () => {
    const { dispatch } = dispatcherWith({ 'customers.search': (input) => ({ hits: [], tookMs: input.limit }) });
    expect(await dispatch('customers.search', { query: 'x' })).toEqual({ ok: true, value: { hits: [], tookMs: 50 } });
  });

  it('refuses a method the role may not call', async () => {
    const { dispatch } = dispatcherWith({ 'transfer.backup': () => ({ path: '/x', bytes: 1 }) }, 'agent');
    expect(await dispatch('transfer.backup', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const admin = dispatcherWith({ 'transfer.backup': () => ({ path: '/x', bytes: 1 }) }, 'admin');
    expect(await admin.dispatch('transfer.backup', {})).toEqual({ ok: true, value: { path: '/x', bytes: 1 } });
  });

  it('passes expected failures through as their code and hides unexpected ones behind a log id', async () => {
    const { dispatch, errors } = dispatcherWith({
      'customers.card': ({ customerId }) => {
        if (customerId === 1) throw new DeskError('not-found', 'customer 1 not found');
        throw new TypeError('secret internals');
      },
    });
    expect(await dispatch('customers.card', { customerId: 1 })).toEqual({ ok: false, error: { code: 'not-found', message: 'customer 1 not found' } });
    const internal = await dispatch('customers.card', { customerId: 2 });
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal', message: 'internal error', logId: expect.any(String) } });
    expect(JSON.stringify(internal)).not.toContain('secret');
    expect(errors).toHaveLength(1);
  });

  it('rejects a handler result that breaks the output schema', async () => {
    const { dispatch } = dispatcherWith({ 'customers.count': () => ({ customers: 'many' }) as never });
    expect(await dispatch('customers.count', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
