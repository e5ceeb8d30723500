// The follow-up call screen's answering state (pure): the agent reads the script and answers
// with the keyboard — a number key picks the n-th option (or a rating), Enter goes to the next
// visible question, Backspace to the previous. Conditional questions appear as answers change;
// answers to questions that are no longer asked are dropped before they are recorded.
import type { AnswerValue, Question, Questionnaire } from '../../../src-shared/domain/workflows/questionnaire';
import { visibleQuestions } from '../../../src-shared/domain/workflows/questionnaire';

export interface CallAnswers {
  answers: Record<string, AnswerValue>;
  /** Index into the visible questions. */
  index: number;
}

export const startAnswers: CallAnswers = { answers: {}, index: 0 };

export function currentQuestion(q: Questionnaire, s: CallAnswers): Question | null {
  const visible = visibleQuestions(q, s.answers);
  return visible[Math.min(s.index, visible.length - 1)] ?? null;
}

export function setAnswer(q: Questionnaire, s: CallAnswers, questionId: string, value: AnswerValue | undefined): CallAnswers {
  const answers = { ...s.answers };
  if (value === undefined || (Array.isArray(value) && value.length === 0) || value === '') delete answers[questionId];
  else answers[questionId] = value;
  const visible = visibleQuestions(q, answers);
  return { answers, index: Math.min(s.index, Math.max(0, visible.length - 1)) };
}

export function move(q: Questionnaire, s: CallAnswers, delta: number): CallAnswers {
  const count = visibleQuestions(q, s.answers).length;
  return { ...s, index: Math.max(0, Math.min(count - 1, s.index + delta)) };
}

export function goTo(q: Questionnaire, s: CallAnswers, questionId: string): CallAnswers {
  const index = visibleQuestions(q, s.answers).findIndex((x) => x.id === questionId);
  return index < 0 ? s : { ...s, index };
}

/** A number key on the current question: picks (single, then moves on), toggles (multiple) or rates. */
export function pressDigit(q: Questionnaire, s: CallAnswers, digit: number): CallAnswers {
  const question = currentQuestion(q, s);
  if (!question) return s;
  if (question.type === 'single') {
    const option = question.options?.[digit - 1];
    if (!option) return s;
    return move(q, setAnswer(q, s, question.id, option.value), 1);
  }
  if (question.type === 'multiple') {
    const option = question.options?.[digit - 1];
    if (!option) return s;
    const before = Array.isArray(s.answers[question.id]) ? (s.answers[question.id] as string[]) : [];
    const after = before.includes(option.value) ? before.filter((v) => v !== option.value) : [...before, option.value];
    return setAnswer(q, s, question.id, after);
  }
  if (question.type === 'rating' && question.scale) {
    const value = digit === 0 && question.scale.max >= 10 ? 10 : digit;
    if (value < question.scale.min || value > question.scale.max) return s;
    return move(q, setAnswer(q, s, question.id, value), 1);
  }
  return s;
}

/** Only the answers to questions still asked, without blanks: what followUps.record receives. */
export function answersToRecord(q: Questionnaire, s: CallAnswers): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const question of visibleQuestions(q, s.answers)) {
    const a = s.answers[question.id];
    if (a === undefined) continue;
    if (typeof a === 'string' && !a.trim()) continue;
    out[question.id] = typeof a === 'string' ? a.trim() : a;
  }
  return out;
}

export function answeredCount(q: Questionnaire, s: CallAnswers): { n: number; total: number } {
  const visible = visibleQuestions(q, s.answers);
  return { n: visible.filter((x) => s.answers[x.id] !== undefined).length, total: visible.length };
}
