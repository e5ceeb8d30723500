// presence.* contract methods: one reporter and one board watcher per open desk.
import type { HandlersFor } from '../contract/dispatcher';
import type { DeskContext } from '../host/context';
import { PresenceReporter } from './presence-reporter';
import { onPresenceSession, presenceSession } from './presence-session';
import { PresenceWatcher } from './presence-watcher';

interface DeskPresence {
  reporter: PresenceReporter;
  watcher: PresenceWatcher;
}

const desks = new WeakMap<DeskContext, DeskPresence>();

export function deskPresence(ctx: DeskContext): DeskPresence {
  let desk = desks.get(ctx);
  if (!desk) {
    const reporter = new PresenceReporter(ctx);
    const watcher = new PresenceWatcher(ctx, reporter);
    desk = { reporter, watcher };
    desks.set(ctx, desk);
    onPresenceSession(ctx, () => {
      void reporter.send();
      watcher.changed();
    });
  }
  return desk;
}

export const presenceHandlers: HandlersFor<'presence.report' | 'presence.list', DeskContext> = {
  'presence.report'(input, ctx) {
    const desk = deskPresence(ctx);
    desk.reporter.update(input);
    if (!presenceSession(ctx)) desk.watcher.changed();
    return { ok: true as const };
  },
  'presence.list'(_input, ctx) {
    return deskPresence(ctx).watcher.list();
  },
};
