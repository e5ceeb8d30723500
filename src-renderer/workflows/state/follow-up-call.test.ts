import { describe, expect, it } from 'vitest';
import { repairFollowUp } from '../../../src-shared/domain/workflows/default-questionnaires';
import { validateAnswers } from '../../../src-shared/domain/workflows/questionnaire';
import { answersToRecord, currentQuestion, move, pressDigit, setAnswer, startAnswers } from './follow-up-call';

const q = repairFollowUp;

describe('follow-up call answering with the keyboard', () => {
  it('a number key picks the option and moves to the next question', () => {
    const s = pressDigit(q, startAnswers, 1);
    expect(s.answers.overall).toBe('satisfied');
    expect(currentQuestion(q, s)?.id).toBe('staff');
  });

  it('"not satisfied" shows the reason question next; changing the answer drops it again', () => {
    let s = pressDigit(q, startAnswers, 2);
    expect(currentQuestion(q, s)?.id).toBe('overall_reason');
    s = setAnswer(q, s, 'overall_reason', '等待时间太长');
    s = move(q, s, -1);
    s = pressDigit(q, s, 1);
    expect(s.answers.overall).toBe('satisfied');
    // The reason is no longer asked, so it is not recorded (validateAnswers would refuse it).
    expect(answersToRecord(q, s)).toEqual({ overall: 'satisfied' });
  });

  it('answering every question with 1 gives a valid, complete record', () => {
    let s = startAnswers;
    for (let i = 0; i < 8; i++) s = pressDigit(q, s, 1);
    const record = answersToRecord(q, s);
    expect(Object.keys(record)).toHaveLength(8);
    expect(validateAnswers(q, record)).toEqual([]);
  });

  it('a key without an option does nothing; moving stays inside the visible questions', () => {
    expect(pressDigit(q, startAnswers, 9)).toBe(startAnswers);
    expect(move(q, startAnswers, -3).index).toBe(0);
    expect(move(q, startAnswers, 100).index).toBe(7);
  });

  it('multiple choice toggles, rating accepts digits inside the scale', () => {
    const custom = {
      ...q,
      questions: [
        { id: 'm', type: 'multiple' as const, text: 'm', numbered: true, required: true, options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
        { id: 'r', type: 'rating' as const, text: 'r', numbered: true, required: true, scale: { min: 1, max: 5 } },
      ],
    };
    let s = pressDigit(custom, startAnswers, 1);
    s = pressDigit(custom, s, 2);
    s = pressDigit(custom, s, 1);
    expect(s.answers.m).toEqual(['b']);
    s = move(custom, s, 1);
    expect(pressDigit(custom, s, 7)).toBe(s);
    expect(pressDigit(custom, s, 4).answers.r).toBe(4);
  });
});
