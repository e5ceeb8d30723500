import { describe, expect, it } from 'vitest';
import { defaultQuestionnaires } from '../../../src-shared/domain/workflows/default-questionnaires';
import { addOption, addQuestion, editorProblems, emptyQuestionnaire, moveQuestion, removeOption, removeQuestion, updateOption, updateQuestion } from './questionnaire-draft';

describe('questionnaire drafts', () => {
  it('the seed 002 defaults have no problems', () => {
    for (const q of defaultQuestionnaires) expect(editorProblems(q)).toEqual([]);
  });

  it('a new question must be filled in before saving; a condition must pick an answer of an earlier question', () => {
    let d = addQuestion({ ...emptyQuestionnaire([]), title: '满意度' }, 'single');
    const id = d.questions[0].id;
    expect(editorProblems(d).map((p) => p.code).sort()).toEqual(['optionLabel', 'text']);
    d = updateQuestion(d, id, { text: '您对本次服务满意吗?' });
    d = updateOption(updateOption(d, id, 0, { label: '满意' }), id, 1, { label: '不满意', action: 'open_complaint' });
    expect(editorProblems(d)).toEqual([]);
    d = addQuestion(d, 'text');
    const why = d.questions[1].id;
    d = updateQuestion(d, why, { text: '原因?', showIf: { questionId: id, anyOf: [] } });
    expect(editorProblems(d).map((p) => p.code)).toEqual(['conditionEmpty']);
    d = updateQuestion(d, why, { showIf: { questionId: id, anyOf: ['o2'] } });
    expect(editorProblems(d)).toEqual([]);
    // Moving the condition above its question is an ordering problem.
    expect(editorProblems(moveQuestion(d, why, -1)).map((p) => p.code)).toContain('conditionOrder');
    // Removing the answer it depends on empties the condition; removing the question drops it.
    expect(removeOption(d, id, 1).questions[1].showIf?.anyOf).toEqual([]);
    expect(removeQuestion(d, id).questions[0].showIf).toBeUndefined();
  });

  it('option actions can be cleared and option values stay unique', () => {
    let d = addQuestion({ ...emptyQuestionnaire([]), title: 'x' }, 'multiple');
    const id = d.questions[0].id;
    d = addOption(d, id);
    expect(new Set(d.questions[0].options!.map((o) => o.value)).size).toBe(3);
    d = updateOption(d, id, 0, { action: 'book_appointment' });
    expect(d.questions[0].options![0].action).toBe('book_appointment');
    d = updateOption(d, id, 0, { action: undefined });
    expect('action' in d.questions[0].options![0]).toBe(false);
    expect(editorProblems(updateQuestion(d, id, { type: 'rating' })).map((p) => p.code)).toContain('text');
    expect(updateQuestion(d, id, { type: 'rating' }).questions[0].scale).toEqual({ min: 1, max: 5 });
  });
});
