// Whether a message may go out now: opt-outs (退订) stop marketing, or everything when the
// customer opted out of all messages; marketing is capped per customer (default 2 in 7 days);
// all messages wait for the quiet hours to end (the calling windows of seed 002 by default).
// A refused message is not dropped: `retryAt` says when to try again (null = never).
import { defaultCallingWindowRules, nextCallableTime, type CallingWindowRules } from './calling-windows';

export interface MessagePolicy {
  quietHours: CallingWindowRules;
  frequencyCap: { max: number; days: number };
}

export const defaultMessagePolicy: MessagePolicy = Object.freeze({
  quietHours: defaultCallingWindowRules,
  frequencyCap: Object.freeze({ max: 2, days: 7 }),
});

export interface RecipientState {
  /** 'none' | 'marketing' (退订营销) | 'all'. */
  optOut: 'none' | 'marketing' | 'all';
  /** Send times of earlier marketing messages to this customer. */
  recentMarketing: readonly Date[];
}

export type SendDecision =
  | { ok: true }
  | { ok: false; reason: 'opted_out'; retryAt: null }
  | { ok: false; reason: 'frequency_cap' | 'quiet_hours'; retryAt: Date | null };

export function sendDecision(purpose: 'service' | 'marketing', now: Date, recipient: RecipientState, policy: MessagePolicy = defaultMessagePolicy): SendDecision {
  if (recipient.optOut === 'all' || (purpose === 'marketing' && recipient.optOut === 'marketing')) return { ok: false, reason: 'opted_out', retryAt: null };
  if (purpose === 'marketing') {
    const windowMs = policy.frequencyCap.days * 86_400_000;
    const inWindow = recipient.recentMarketing.filter((d) => now.getTime() - d.getTime() < windowMs).sort((a, b) => a.getTime() - b.getTime());
    if (inWindow.length >= policy.frequencyCap.max) {
      const freeAt = new Date(inWindow[inWindow.length - policy.frequencyCap.max].getTime() + windowMs);
      return { ok: false, reason: 'frequency_cap', retryAt: nextCallableTime(freeAt, policy.quietHours) };
    }
  }
  const next = nextCallableTime(now, policy.quietHours);
  if (next === null || next.getTime() !== now.getTime()) return { ok: false, reason: 'quiet_hours', retryAt: next };
  return { ok: true };
}
