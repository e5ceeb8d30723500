import { randomUUID } from 'node:crypto';
import { DeskError } from '../../src-shared/contract/errors';
import type { Session } from '../../src-shared/contract/session';
import type { HandlersFor } from '../contract/dispatcher';
import type { DeskContext } from '../host/context';
import { runDemoSeed } from '../host/demo-seed-task';
import { demoUserNames, saveSession } from './session-store';

export function sessionView(ctx: DeskContext): Session {
  return {
    user: { name: ctx.session.userName, role: ctx.session.role },
    locale: ctx.session.locale,
    host: ctx.host === 'electron' ? 'electron' : 'browser',
    demoMode: true,
    dataDir: ctx.dataDir,
  };
}

type SessionMethods = 'session.get' | 'session.switchRole' | 'session.setLocale' | 'demo.seed';

export const sessionHandlers: HandlersFor<SessionMethods, DeskContext> = {
  'session.get'(_input, ctx) {
    return sessionView(ctx);
  },
  'session.switchRole'({ role }, ctx) {
    ctx.session.role = role;
    ctx.session.userName = demoUserNames[role];
    saveSession(ctx.sqlite, ctx.session);
    const view = sessionView(ctx);
    ctx.emit('session.changed', view);
    return view;
  },
  'session.setLocale'({ locale }, ctx) {
    ctx.session.locale = locale;
    saveSession(ctx.sqlite, ctx.session);
    return sessionView(ctx);
  },
  'demo.seed'({ customers, seed }, ctx) {
    const existing = ctx.sqlite.prepare('SELECT count(*) FROM customers').pluck().get() as number;
    if (existing > 0) throw new DeskError('conflict', 'the customer cache is not empty; demo data is only seeded into an empty desk');
    const taskId = randomUUID();
    setImmediate(() => runDemoSeed(ctx, { taskId, customers, seed }));
    return { taskId };
  },
};
