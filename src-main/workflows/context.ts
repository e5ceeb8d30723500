// What workflow services need from the desk: a subset of DeskContext so the scheduler tick and
// tests can run them without a host.
import type { DeskContext } from '../host/context';

export type WorkflowContext = Pick<DeskContext, 'sqlite' | 'dataDir' | 'session' | 'now' | 'emit' | 'log'>;

export function stamp(ctx: Pick<DeskContext, 'now'>): string {
  return ctx.now().toISOString();
}
