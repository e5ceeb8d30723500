// JsSIP refuses a hold or an unhold (returns false, does nothing) while another re-INVITE of
// the same call is still waiting for its answer. A conference started right after a consult
// would lose its unhold that way and leave the customer on hold; so would a second click on
// Hold. The state the agent asked for last is retried until JsSIP takes it or the call ends.
export interface HoldableSession {
  isEnded(): boolean;
  isOnHold(): { local: boolean };
  hold(): boolean;
  unhold(): boolean;
}

/** Retries every `retryMs` for at most `maxMs`: a re-INVITE answer takes milliseconds on a LAN. */
export const holdRetry = { retryMs: 100, maxMs: 10_000 };

/**
 * Puts `session` in the state `wanted()` returns (read again at each retry, so a later request
 * wins); `later` schedules a retry (setTimeout in the engine, a fake clock in tests).
 */
export function requestHold(session: HoldableSession, wanted: () => boolean, later: (retry: () => void, ms: number) => void, elapsedMs = 0): void {
  if (session.isEnded()) return;
  const on = wanted();
  if (session.isOnHold().local === on) return;
  const taken = on ? session.hold() : session.unhold();
  if (!taken && elapsedMs < holdRetry.maxMs) later(() => requestHold(session, wanted, later, elapsedMs + holdRetry.retryMs), holdRetry.retryMs);
}
