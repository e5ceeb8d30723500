import { describe, expect, it } from 'vitest';
import { repairFollowUp, salesFollowUp } from './default-questionnaires';
import { answerActions, answersSummary, overallSatisfied, validateAnswers, validateQuestionnaire, visibleQuestions, type Questionnaire } from './questionnaire';

const allSatisfied = { overall: 'satisfied', staff: 'satisfied', explained: 'yes', on_time: 'yes', clean: 'yes', value: 'yes', lounge: 'satisfied' };

describe('questionnaires (seed 002 scripts)', () => {
  it('ships the repair follow-up with 7 and the sales follow-up with 8 numbered questions, in Chinese', () => {
    expect(repairFollowUp.questions.filter((q) => q.numbered)).toHaveLength(7);
    expect(salesFollowUp.questions.filter((q) => q.numbered)).toHaveLength(8);
    for (const q of [repairFollowUp, salesFollowUp]) {
      expect(validateQuestionnaire(q)).toEqual([]);
      expect(q.questions.every((x) => /[\u4e00-\u9fff]/.test(x.text))).toBe(true);
    }
  });
  it('shows the reason question only after a negative answer', () => {
    expect(visibleQuestions(repairFollowUp, allSatisfied).some((q) => q.id === 'overall_reason')).toBe(false);
    expect(visibleQuestions(repairFollowUp, { ...allSatisfied, overall: 'not_satisfied' }).some((q) => q.id === 'overall_reason')).toBe(true);
    expect(validateAnswers(repairFollowUp, { ...allSatisfied, overall_reason: '等太久' })).toEqual(['overall_reason: answered but not asked']);
  });
  it('validates required answers and options', () => {
    expect(validateAnswers(repairFollowUp, allSatisfied)).toEqual([]);
    expect(validateAnswers(repairFollowUp, { ...allSatisfied, staff: undefined })).toEqual(['staff: required']);
    expect(validateAnswers(repairFollowUp, { ...allSatisfied, clean: 'maybe' })).toEqual(['clean: not an option']);
  });
  it('turns "not satisfied" into a complaint and "wants service" into an appointment', () => {
    expect(answerActions(repairFollowUp, allSatisfied)).toEqual([]);
    expect(overallSatisfied(repairFollowUp, allSatisfied)).toBe(true);
    const unhappy = { ...allSatisfied, value: 'no', value_reason: '工时费太贵', staff: 'not_satisfied', wants_service: 'yes' };
    expect(answerActions(repairFollowUp, unhappy)).toEqual([{ action: 'open_complaint', questionId: 'staff' }, { action: 'book_appointment', questionId: 'wants_service' }]);
    expect(overallSatisfied(repairFollowUp, unhappy)).toBe(false);
    const summary = answersSummary(repairFollowUp, unhappy);
    expect(summary).toContain('2. 您对我们公司的维修人员的业务水平和服务态度是否满意? 不满意');
    expect(summary).toContain('工时费太贵');
  });
  it('supports rating, multiple choice and conditional questions in custom surveys', () => {
    const survey: Questionnaire = {
      id: 's', title: '服务调查', purpose: 'survey', script: '您好', closing: { satisfied: '谢谢', notSatisfied: '抱歉' },
      questions: [
        { id: 'score', type: 'rating', text: '请为本店服务打分', numbered: true, required: true, scale: { min: 1, max: 5, actionAtOrBelow: { value: 2, action: 'open_complaint' } } },
        { id: 'channels', type: 'multiple', text: '您通过哪些渠道了解我们?', numbered: true, required: false, options: [{ value: 'web', label: '网络' }, { value: 'friend', label: '朋友' }] },
        { id: 'why', type: 'text', text: '原因?', numbered: false, required: true, showIf: { questionId: 'score', anyOf: ['1', '2'] } },
      ],
    };
    expect(validateAnswers(survey, { score: 4, channels: ['web', 'friend'] })).toEqual([]);
    expect(validateAnswers(survey, { score: 2 })).toEqual(['why: required']);
    expect(validateAnswers(survey, { score: 9 })).toEqual(['score: out of scale']);
    expect(answerActions(survey, { score: 1, why: '差' })).toEqual([{ action: 'open_complaint', questionId: 'score' }]);
    expect(validateQuestionnaire({ ...survey, questions: [survey.questions[2], survey.questions[0]] })).toContain('why: condition must refer to an earlier question');
  });
});
