import type { ContractError } from '../../src-shared/contract/errors';
import type { Session } from '../../src-shared/contract/session';
import type { Role } from '../../src-shared/domain/roles';
import { asContractError, patch, type ActionDeps } from './action-deps';

export type Locale = Session['locale'];

export interface SessionSliceState {
  session: Session | null;
  status: 'loading' | 'ready' | 'error';
  error: ContractError | null;
  counts: { customers: number; vehicles: number } | null;
  /** The locale shown right now; follows the session but switches at once when the agent asks. */
  locale: Locale;
  switchingRole: boolean;
}

export const initialSessionState: SessionSliceState = {
  session: null,
  status: 'loading',
  error: null,
  counts: null,
  locale: 'zh-CN',
  switchingRole: false,
};

export function sessionLoaded(state: SessionSliceState, session: Session): SessionSliceState {
  return { ...state, session, status: 'ready', error: null, locale: session.locale, switchingRole: false };
}

export function sessionFailed(state: SessionSliceState, error: ContractError): SessionSliceState {
  return { ...state, status: state.session ? 'ready' : 'error', error, switchingRole: false };
}

export function countsLoaded(state: SessionSliceState, counts: { customers: number; vehicles: number }): SessionSliceState {
  return { ...state, counts };
}

export function localeChosen(state: SessionSliceState, locale: Locale): SessionSliceState {
  return { ...state, locale, session: state.session ? { ...state.session, locale } : null };
}

export function roleSwitchStarted(state: SessionSliceState): SessionSliceState {
  return { ...state, switchingRole: true, error: null };
}

export function currentRole(state: SessionSliceState): Role | null {
  return state.session?.user.role ?? null;
}

export function createSessionActions({ client, store }: ActionDeps) {
  const update = (fn: (slice: SessionSliceState) => SessionSliceState) => patch(store, 'session', fn);
  return {
    async loadSession() {
      try {
        const session = await client.call('session.get', {});
        update((s) => sessionLoaded(s, session));
      } catch (error) {
        update((s) => sessionFailed(s, asContractError(error)));
      }
    },
    async refreshCounts() {
      try {
        const counts = await client.call('customers.count', {});
        update((s) => countsLoaded(s, counts));
      } catch {
        // The status bar keeps the last known count; the connection banner explains why.
      }
    },
    async switchRole(role: Role) {
      update(roleSwitchStarted);
      try {
        const session = await client.call('session.switchRole', { role });
        update((s) => sessionLoaded(s, session));
      } catch (error) {
        update((s) => sessionFailed(s, asContractError(error)));
      }
    },
    async setLocale(locale: Locale) {
      update((s) => localeChosen(s, locale));
      try {
        await client.call('session.setLocale', { locale });
      } catch {
        // The choice still applies to this window; it just isn't remembered.
      }
    },
    async seedDemo(customers: number) {
      try {
        await client.call('demo.seed', { customers, seed: 42 });
      } catch (error) {
        update((s) => sessionFailed(s, asContractError(error)));
      }
    },
    sessionPushed(session: Session) {
      update((s) => sessionLoaded(s, session));
    },
  };
}
export type SessionActions = ReturnType<typeof createSessionActions>;
