// Follow-up calls: rule-made 3DC tasks, a queue that respects the seed 002 calling windows,
// retries, and questionnaire answers that open complaints and book appointments.
import { describe, expect, it } from 'vitest';
import { addVisit, seedCustomers, sh, workflowDesk } from './support';

const satisfied = { overall: 'satisfied', staff: 'satisfied', explained: 'yes', on_time: 'yes', clean: 'yes', value: 'yes', lounge: 'satisfied' };

describe('follow-up calls', () => {
  it('creates 3DC after a repair once, offers no one at 12:30 on a weekday, retries no-answers at the next window', async () => {
    const desk = workflowDesk(sh('2026-11-26T10:00'));
    const { zhang, zhangCar } = seedCustomers(desk);
    addVisit(desk, zhang, zhangCar, '2026-11-23', 'repair', 31000);
    const created = await desk.call('followUps.generate', { since: '2026-11-20' });
    expect(created.created).toBe(1);
    expect(await desk.call('followUps.generate', { since: '2026-11-20' })).toEqual({ created: 0 });

    desk.setNow(sh('2026-11-26T12:30'));
    const lunch = await desk.call('followUps.queue', {});
    expect(lunch).toEqual({ callableNow: false, nextCallableAt: sh('2026-11-26T13:00').toISOString(), items: [] });

    desk.setNow(sh('2026-11-26T17:30'));
    const queue = await desk.call('followUps.queue', {});
    expect(queue.items.map((i) => [i.customerId, i.fields.code, i.fields.questionnaireId])).toEqual([[zhang, '3DC', 'repair_follow_up']]);
    const task = queue.items[0];

    // no answer at 17:30 → retry after 2 h → past 19:00 → next morning 08:30
    const r = await desk.call('followUps.record', { id: task.id, outcome: 'no_answer' });
    expect(r.item).toMatchObject({ open: true, attempts: 1, fields: { lastOutcome: 'no_answer', nextAttemptAt: sh('2026-11-27T08:30').toISOString() } });
    expect((await desk.call('followUps.queue', {})).items).toEqual([]);
    desk.setNow(sh('2026-11-27T09:00'));
    expect((await desk.call('followUps.queue', {})).items.map((i) => i.id)).toEqual([task.id]);

    desk.setNow(sh('2026-11-28T10:00')); // Saturday
    expect(await desk.call('followUps.queue', {})).toMatchObject({ callableNow: false, nextCallableAt: sh('2026-11-30T08:30').toISOString() });
  });

  it('opens a complaint with the answers when the customer is not satisfied, and books an appointment when they want service', async () => {
    const desk = workflowDesk(sh('2026-11-26T10:00'));
    const { zhang, zhangCar } = seedCustomers(desk);
    addVisit(desk, zhang, zhangCar, '2026-11-23', 'repair', 31000);
    await desk.call('followUps.generate', { since: '2026-11-20' });
    const [task] = (await desk.call('followUps.queue', {})).items;

    expect(await desk.fails('followUps.record', { id: task.id, outcome: 'completed', answers: { overall: 'satisfied' } })).toBe('invalid-input');
    const result = await desk.call('followUps.record', {
      id: task.id, outcome: 'completed', callUid: 'call-77',
      answers: { ...satisfied, value: 'no', value_reason: '工时费比别家贵', wants_service: 'yes' },
    });
    expect(result.item).toMatchObject({ status: 'closed', open: false });
    expect(result.complaintId).not.toBeNull();
    expect(result.appointmentId).not.toBeNull();

    const complaint = await desk.call('workItems.get', { id: result.complaintId! });
    expect(complaint).toMatchObject({ kind: 'complaint', status: 'accepted', customerId: zhang, vehicleId: zhangCar, priority: 'high' });
    expect(complaint.description).toContain('交车时觉得付费是否物有所值? 否');
    expect(complaint.description).toContain('工时费比别家贵');
    expect(complaint.links).toEqual(expect.arrayContaining([{ kind: 'call', ref: 'call-77' }, { kind: 'work_item', ref: String(task.id) }]));

    const day = await desk.call('appointments.day', { date: '2026-11-27' });
    expect(day.appointments).toMatchObject([{ id: result.appointmentId, customerId: zhang, advisor: '李顾问', slot: '08:30', source: 'follow_up' }]);

    const stats = await desk.call('surveys.stats', { questionnaireId: 'repair_follow_up' });
    expect(stats).toMatchObject({ responses: 1, satisfied: 0 });
    expect(stats.questions.find((q) => q.id === 'value')!.counts).toEqual([{ value: 'yes', label: '是', count: 0 }, { value: 'no', label: '否', count: 1 }]);
  });

  it('samples a survey segment with a seed, deals it to agents and counts the answers', async () => {
    const desk = workflowDesk(sh('2026-11-26T10:00'));
    const { zhang, wang, zhangCar, wangCar } = seedCustomers(desk);
    addVisit(desk, zhang, zhangCar, '2026-10-01', 'maintenance');
    addVisit(desk, wang, wangCar, '2026-10-05', 'maintenance');
    desk.as('陈经理', 'supervisor');
    await desk.call('questionnaires.save', {
      id: 'service_survey', title: '服务调查', purpose: 'survey', script: '您好,耽误您一分钟', closing: { satisfied: '谢谢', notSatisfied: '抱歉' },
      questions: [{ id: 'score', type: 'rating', text: '请为本店服务打分(1-5)', numbered: true, required: true, scale: { min: 1, max: 5 } }],
    });
    const survey = await desk.call('surveys.create', { name: '十月保养调查', questionnaireId: 'service_survey', segment: { visitKinds: ['maintenance'], visitFrom: '2026-10-01' }, share: 1, seed: 7, agents: ['甲', '乙'] });
    expect(survey).toMatchObject({ segmentSize: 2, tasks: 2 });
    const owners = desk.sqlite.prepare(`SELECT owner FROM work_items WHERE kind = 'survey' ORDER BY customer_id`).pluck().all();
    expect(owners).toEqual(['甲', '乙']);
    desk.as('甲', 'agent');
    const [task] = (await desk.call('followUps.queue', { mineOnly: true })).items;
    await desk.call('followUps.record', { id: task.id, outcome: 'completed', answers: { score: 4 } });
    const stats = await desk.call('surveys.stats', { surveyId: survey.surveyId });
    expect(stats).toMatchObject({ responses: 1, tasks: 2, done: 1, questions: [{ id: 'score', average: 4 }] });
  });
});
