// Editing a questionnaire (问卷编辑): pure (draft, input) → draft steps for the editor, and the
// problems that block saving — the domain's validateQuestionnaire plus what a form can leave
// half done (empty texts and labels, a condition with no answer picked, duplicate option values).
import type { AnswerAction, Question, QuestionOption, Questionnaire, QuestionType } from '../../../src-shared/domain/workflows/questionnaire';
import { validateQuestionnaire } from '../../../src-shared/domain/workflows/questionnaire';

export type Draft = Questionnaire;

function freshId(draft: Draft, prefix: string): string {
  const ids = new Set(draft.questions.map((q) => q.id));
  let n = draft.questions.length + 1;
  while (ids.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

export function newQuestion(draft: Draft, type: QuestionType): Question {
  const base = { id: freshId(draft, 'q'), type, text: '', numbered: true, required: type !== 'text' };
  if (type === 'single' || type === 'multiple') return { ...base, options: [{ value: 'o1', label: '' }, { value: 'o2', label: '' }] };
  if (type === 'rating') return { ...base, scale: { min: 1, max: 5 } };
  return base;
}

export function addQuestion(draft: Draft, type: QuestionType): Draft {
  return { ...draft, questions: [...draft.questions, newQuestion(draft, type)] };
}

export function updateQuestion(draft: Draft, id: string, patch: Partial<Question>): Draft {
  return {
    ...draft,
    questions: draft.questions.map((q) => {
      if (q.id !== id) return q;
      const next = { ...q, ...patch };
      // Changing the type keeps only what the new type uses.
      if (patch.type && patch.type !== q.type) {
        const fresh = newQuestion(draft, patch.type);
        return { ...next, options: patch.type === 'single' || patch.type === 'multiple' ? q.options ?? fresh.options : undefined, scale: patch.type === 'rating' ? q.scale ?? fresh.scale : undefined };
      }
      return next;
    }),
  };
}

/** Removing a question drops the conditions that pointed at it. */
export function removeQuestion(draft: Draft, id: string): Draft {
  return { ...draft, questions: draft.questions.filter((q) => q.id !== id).map((q) => (q.showIf?.questionId === id ? { ...q, showIf: undefined } : q)) };
}

export function moveQuestion(draft: Draft, id: string, by: -1 | 1): Draft {
  const i = draft.questions.findIndex((q) => q.id === id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= draft.questions.length) return draft;
  const questions = [...draft.questions];
  [questions[i], questions[j]] = [questions[j], questions[i]];
  return { ...draft, questions };
}

export function updateOption(draft: Draft, id: string, index: number, patch: Partial<QuestionOption> & { action?: AnswerAction | undefined }): Draft {
  const q = draft.questions.find((x) => x.id === id);
  if (!q?.options) return draft;
  const options = q.options.map((o, k) => {
    if (k !== index) return o;
    const next = { ...o, ...patch };
    if (!next.action) delete next.action;
    return next;
  });
  return updateQuestion(draft, id, { options });
}

export function addOption(draft: Draft, id: string): Draft {
  const q = draft.questions.find((x) => x.id === id);
  if (!q) return draft;
  const values = new Set((q.options ?? []).map((o) => o.value));
  let n = (q.options?.length ?? 0) + 1;
  while (values.has(`o${n}`)) n++;
  return updateQuestion(draft, id, { options: [...(q.options ?? []), { value: `o${n}`, label: '' }] });
}

export function removeOption(draft: Draft, id: string, index: number): Draft {
  const q = draft.questions.find((x) => x.id === id);
  if (!q?.options) return draft;
  const removed = q.options[index]?.value;
  const next = updateQuestion(draft, id, { options: q.options.filter((_, k) => k !== index) });
  // Conditions on the removed answer lose it.
  return {
    ...next,
    questions: next.questions.map((x) => (x.showIf?.questionId === id ? { ...x, showIf: { ...x.showIf, anyOf: x.showIf.anyOf.filter((v) => v !== removed) } } : x)),
  };
}

/** Values an earlier question's answer can take, for "show only if" (choices, or the rating scale). */
export function conditionValues(q: Question): { value: string; label: string }[] {
  if (q.options) return q.options.map((o) => ({ value: o.value, label: o.label || o.value }));
  if (q.type === 'rating' && q.scale) return Array.from({ length: q.scale.max - q.scale.min + 1 }, (_, k) => ({ value: String(q.scale!.min + k), label: String(q.scale!.min + k) }));
  return [];
}

export type Problem = { questionId: string | null; code: string; detail?: string };

export function editorProblems(draft: Draft): Problem[] {
  const problems: Problem[] = [];
  if (!draft.title.trim()) problems.push({ questionId: null, code: 'title' });
  if (!draft.questions.length) problems.push({ questionId: null, code: 'noQuestions' });
  for (const q of draft.questions) {
    if (!q.text.trim()) problems.push({ questionId: q.id, code: 'text' });
    if (q.options?.some((o) => !o.label.trim())) problems.push({ questionId: q.id, code: 'optionLabel' });
    if (q.options && new Set(q.options.map((o) => o.value)).size !== q.options.length) problems.push({ questionId: q.id, code: 'optionDuplicate' });
    if (q.showIf && !q.showIf.anyOf.length) problems.push({ questionId: q.id, code: 'conditionEmpty' });
  }
  for (const p of validateQuestionnaire(draft)) {
    const id = draft.questions.find((q) => p.startsWith(`${q.id}:`) || p.endsWith(` ${q.id}`))?.id ?? null;
    const code = p.includes('options required') ? 'optionsRequired' : p.includes('scale') ? 'scale' : p.includes('condition') ? 'conditionOrder' : p.includes('duplicate') ? 'duplicateId' : 'other';
    problems.push({ questionId: id, code, detail: p });
  }
  return problems;
}

export function emptyQuestionnaire(existing: readonly Questionnaire[]): Draft {
  const ids = new Set(existing.map((q) => q.id));
  let n = 1;
  while (ids.has(`survey_${n}`)) n++;
  return { id: `survey_${n}`, title: '', purpose: 'survey', script: '', questions: [], closing: { satisfied: '', notSatisfied: '' } };
}
