// Rules that create follow-up calls (回访). Seed 001: 3DC and 7DC after delivery or service —
// the 3-day call asks about satisfaction, the 7-day call (after delivery) plants the first
// free maintenance; seed 004: follow up after repairs and after a complaint is resolved.
// Dealerships edit the list; each rule names its trigger, offset and questionnaire.
import { addDays } from '../dates';

export const followUpTriggers = ['delivery', 'maintenance', 'repair', 'accident_repair', 'complaint_closed'] as const;
export type FollowUpTrigger = (typeof followUpTriggers)[number];

export interface FollowUpRule {
  code: string;
  trigger: FollowUpTrigger;
  offsetDays: number;
  questionnaireId: string | null;
  title: string;
  enabled: boolean;
}

export const defaultFollowUpRules: readonly FollowUpRule[] = Object.freeze(([
  { code: '3DC', trigger: 'delivery', offsetDays: 3, questionnaireId: 'sales_follow_up', title: '新车交付3日回访', enabled: true },
  { code: '7DC', trigger: 'delivery', offsetDays: 7, questionnaireId: null, title: '新车交付7日回访(首保邀约)', enabled: true },
  { code: '3DC', trigger: 'maintenance', offsetDays: 3, questionnaireId: 'repair_follow_up', title: '保养后3日回访', enabled: true },
  { code: '3DC', trigger: 'repair', offsetDays: 3, questionnaireId: 'repair_follow_up', title: '维修后3日回访', enabled: true },
  { code: '7DC', trigger: 'repair', offsetDays: 7, questionnaireId: null, title: '维修后7日回访', enabled: false },
  { code: '3DC', trigger: 'accident_repair', offsetDays: 3, questionnaireId: 'repair_follow_up', title: '事故车维修后3日回访', enabled: true },
  { code: 'CC', trigger: 'complaint_closed', offsetDays: 2, questionnaireId: null, title: '投诉结案后回访', enabled: true },
] satisfies FollowUpRule[]).map((r) => Object.freeze(r)));

export interface PlannedFollowUp {
  code: string;
  title: string;
  dueDate: string;
  questionnaireId: string | null;
  /** Idempotency key: one follow-up per (event, rule) however often the event is seen. */
  key: string;
}

/** Follow-ups an event creates. `eventKey` names the event (e.g. 'visit:123', 'complaint:9'). */
export function plannedFollowUps(trigger: FollowUpTrigger, eventDate: string, eventKey: string, rules: readonly FollowUpRule[] = defaultFollowUpRules): PlannedFollowUp[] {
  return rules
    .filter((r) => r.enabled && r.trigger === trigger)
    .map((r) => ({ code: r.code, title: r.title, dueDate: addDays(eventDate, r.offsetDays), questionnaireId: r.questionnaireId, key: `${eventKey}:${r.trigger}:${r.code}:${r.offsetDays}` }));
}

/** Service visit kinds (customers contract) → follow-up trigger. */
export function triggerForVisit(kind: 'first_maintenance' | 'maintenance' | 'repair' | 'accident' | 'warranty'): FollowUpTrigger {
  return kind === 'accident' ? 'accident_repair' : kind === 'repair' || kind === 'warranty' ? 'repair' : 'maintenance';
}

export const followUpOutcomes = ['completed', 'no_answer', 'busy', 'call_back_later', 'wrong_number', 'refused', 'unreachable'] as const;
export type FollowUpOutcome = (typeof followUpOutcomes)[number];

export interface RetryPolicy {
  maxAttempts: number;
  /** Minutes to wait after no answer / busy before the next try (then the next calling window). */
  retryAfterMinutes: number;
}

export const defaultRetryPolicy: RetryPolicy = Object.freeze({ maxAttempts: 3, retryAfterMinutes: 120 });

/** Whether an outcome ends the task, and if not, how long to wait before retrying. */
export function outcomeEffect(outcome: FollowUpOutcome, attempts: number, policy: RetryPolicy = defaultRetryPolicy): { done: boolean; retryAfterMinutes: number | null } {
  switch (outcome) {
    case 'completed':
    case 'wrong_number':
    case 'refused':
      return { done: true, retryAfterMinutes: null };
    case 'call_back_later':
      return { done: false, retryAfterMinutes: policy.retryAfterMinutes };
    case 'no_answer':
    case 'busy':
    case 'unreachable':
      return attempts >= policy.maxAttempts ? { done: true, retryAfterMinutes: null } : { done: false, retryAfterMinutes: policy.retryAfterMinutes };
  }
}
