// Questionnaires (问卷) for follow-up calls and surveys: single choice, multiple choice, rating
// scale and free text, with conditional questions (shown when an earlier answer matches) and
// answer actions: an option may open a complaint ("not satisfied") or book an appointment
// ("wants service"). The agent reads `script` aloud; answers are keyed by question id.
export type QuestionType = 'single' | 'multiple' | 'rating' | 'text';
export type AnswerAction = 'open_complaint' | 'book_appointment';

export interface QuestionOption {
  value: string;
  label: string;
  action?: AnswerAction;
}

export interface Question {
  id: string;
  type: QuestionType;
  text: string;
  /** Numbered questions of the script; conditional follow-ups are unnumbered. */
  numbered: boolean;
  required: boolean;
  options?: readonly QuestionOption[];
  scale?: { min: number; max: number; actionAtOrBelow?: { value: number; action: AnswerAction } };
  showIf?: { questionId: string; anyOf: readonly string[] };
}

export interface Questionnaire {
  id: string;
  title: string;
  purpose: 'repair_follow_up' | 'sales_follow_up' | 'survey';
  /** Opening line; ××/{{...}} stand for the agent's and customer's details. */
  script: string;
  questions: readonly Question[];
  closing: { satisfied: string; notSatisfied: string };
}

export type AnswerValue = string | string[] | number;
export type Answers = Readonly<Record<string, AnswerValue | undefined>>;

function answerValues(a: AnswerValue | undefined): string[] {
  if (a === undefined) return [];
  return Array.isArray(a) ? a : [String(a)];
}

export function isVisible(q: Question, answers: Answers): boolean {
  if (!q.showIf) return true;
  return answerValues(answers[q.showIf.questionId]).some((v) => q.showIf!.anyOf.includes(v));
}

export function visibleQuestions(questionnaire: Questionnaire, answers: Answers): Question[] {
  return questionnaire.questions.filter((q) => isVisible(q, answers));
}

/** Problems with a questionnaire definition (editor validation). */
export function validateQuestionnaire(q: Questionnaire): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const question of q.questions) {
    if (seen.has(question.id)) problems.push(`duplicate question id ${question.id}`);
    if ((question.type === 'single' || question.type === 'multiple') && !question.options?.length) problems.push(`${question.id}: options required`);
    if (question.type === 'rating' && (!question.scale || question.scale.min >= question.scale.max)) problems.push(`${question.id}: scale min < max required`);
    if (question.showIf && !seen.has(question.showIf.questionId)) problems.push(`${question.id}: condition must refer to an earlier question`);
    seen.add(question.id);
  }
  return problems;
}

/** Problems with answers: required visible questions unanswered, values not offered. */
export function validateAnswers(questionnaire: Questionnaire, answers: Answers): string[] {
  const problems: string[] = [];
  for (const q of questionnaire.questions) {
    const a = answers[q.id];
    const visible = isVisible(q, answers);
    if (!visible) {
      if (a !== undefined) problems.push(`${q.id}: answered but not asked`);
      continue;
    }
    if (a === undefined || (Array.isArray(a) && a.length === 0) || (typeof a === 'string' && !a.trim())) {
      if (q.required) problems.push(`${q.id}: required`);
      continue;
    }
    const offered = new Set((q.options ?? []).map((o) => o.value));
    if (q.type === 'single' && (typeof a !== 'string' || !offered.has(a))) problems.push(`${q.id}: not an option`);
    if (q.type === 'multiple' && (!Array.isArray(a) || a.some((v) => !offered.has(v)))) problems.push(`${q.id}: not an option`);
    if (q.type === 'rating' && (typeof a !== 'number' || !Number.isInteger(a) || a < q.scale!.min || a > q.scale!.max)) problems.push(`${q.id}: out of scale`);
    if (q.type === 'text' && typeof a !== 'string') problems.push(`${q.id}: text expected`);
  }
  return problems;
}

/** Actions the visible answers ask for, each once, in question order. */
export function answerActions(questionnaire: Questionnaire, answers: Answers): { action: AnswerAction; questionId: string }[] {
  const out: { action: AnswerAction; questionId: string }[] = [];
  const add = (action: AnswerAction, questionId: string) => {
    if (!out.some((x) => x.action === action)) out.push({ action, questionId });
  };
  for (const q of visibleQuestions(questionnaire, answers)) {
    const values = answerValues(answers[q.id]);
    for (const o of q.options ?? []) if (o.action && values.includes(o.value)) add(o.action, q.id);
    const threshold = q.scale?.actionAtOrBelow;
    if (threshold && typeof answers[q.id] === 'number' && (answers[q.id] as number) <= threshold.value) add(threshold.action, q.id);
  }
  return out;
}

/** Overall result read at the closing: not satisfied if any answer opens a complaint. */
export function overallSatisfied(questionnaire: Questionnaire, answers: Answers): boolean {
  return !answerActions(questionnaire, answers).some((a) => a.action === 'open_complaint');
}

/** "Q1 问题: 回答" lines, attached to a complaint opened from the answers. */
export function answersSummary(questionnaire: Questionnaire, answers: Answers): string {
  const lines: string[] = [];
  let n = 0;
  for (const q of visibleQuestions(questionnaire, answers)) {
    if (q.numbered) n += 1;
    const values = answerValues(answers[q.id]);
    if (values.length === 0) continue;
    const shown = values.map((v) => q.options?.find((o) => o.value === v)?.label ?? v).join('、');
    lines.push(`${q.numbered ? `${n}. ` : '   '}${q.text} ${shown}`);
  }
  return lines.join('\n');
}
