// Quality review through the dispatcher on a real SQLite desk: role checks in main, the form,
// scoring (hand-computed totals), pinned comments, and trends per agent and month.
import { describe, expect, it } from 'vitest';
import { insertRecording } from '../recording/recording-repo';
import { testDesk } from './test-desk';

function seeded() {
  const d = testDesk('2024-06-20T02:00:00Z');
  const rec = (agent: string, startedAt: string) => insertRecording(d.sqlite, {
    uid: `r-${agent}-${startedAt}`, callUid: `c-${agent}-${startedAt}`, agent, direction: 'inbound', remoteNumber: '13800000000',
    customerId: null, vehicleId: null, queue: null, startedAt, mimeType: 'audio/webm;codecs=opus', channels: 1, path: `/tmp/${agent}.webm`,
  });
  // 2024-05-31T16:30Z is 2024-06-01 00:30 in Asia/Shanghai: a June call.
  return { ...d, r1: rec('坐席A', '2024-05-10T02:00:00Z'), r2: rec('坐席A', '2024-05-31T16:30:00Z'), r3: rec('坐席B', '2024-06-03T03:00:00Z') };
}

describe('quality review', () => {
  it('is refused to agents in main', async () => {
    const d = seeded();
    d.as('坐席A', 'agent');
    expect(await d.fails('quality.get', { recordingId: d.r1 })).toBe('forbidden');
    expect(await d.fails('quality.addComment', { recordingId: d.r1, atMs: 1000, text: '好' })).toBe('forbidden');
    expect(await d.fails('quality.trends', { from: '2024-01', to: '2024-06' })).toBe('forbidden');
  });

  it('scores against the configured form, pins comments and trends per agent', async () => {
    const d = seeded();
    const form = await d.call('quality.criteria', {});
    expect(form.map((c) => c.label)).toEqual(['开场白', '身份核实', '需求确认', '解决方案', '结束语', '服务态度']);
    // All 5/5 except 解决方案 3/5: (100×5 − 30×2) / 500 = 88 %.
    const full = Object.fromEntries(form.map((c) => [c.id, 5]));
    const a1 = await d.call('quality.saveReview', { recordingId: d.r1, scores: { ...full, solution: 3 }, note: '方案不够具体' });
    expect(a1).toMatchObject({ agent: '坐席A', month: '2024-05', reviewer: '主管王', total: 88 });
    expect(await d.fails('quality.saveReview', { recordingId: d.r1, scores: { bogus: 3 } })).toBe('invalid-input');
    expect(await d.fails('quality.saveReview', { recordingId: 999, scores: full })).toBe('not-found');

    // A simpler form: two criteria, weights 1 and 3. Re-scoring r1 replaces its review.
    d.as('管理员', 'admin');
    await d.call('quality.setCriteria', { criteria: [{ id: 'greeting', label: '开场白', weight: 1 }, { id: 'solution', label: '解决方案', weight: 3 }] });
    expect(await d.fails('quality.setCriteria', { criteria: [{ id: 'a', label: 'A', weight: 0 }] })).toBe('invalid-input');
    const a1b = await d.call('quality.saveReview', { recordingId: d.r1, scores: { greeting: 5, solution: 1 } }); // (5 + 3) / 20 = 40 %
    expect(a1b).toMatchObject({ id: a1.id, total: 40, reviewer: '管理员', note: null });
    await d.call('quality.saveReview', { recordingId: d.r2, scores: { greeting: 5, solution: 5 } }); // 100 %, month 2024-06 (local time)
    await d.call('quality.saveReview', { recordingId: d.r3, scores: { greeting: 3 } }); // 60 %

    const c2 = await d.call('quality.addComment', { recordingId: d.r1, atMs: 42_500, text: '这里应先核实车主身份' });
    await d.call('quality.addComment', { recordingId: d.r1, atMs: 3_000, text: '开场白规范' });
    const got = await d.call('quality.get', { recordingId: d.r1 });
    expect(got.review?.total).toBe(40);
    expect(got.comments.map((c) => [c.atMs, c.author])).toEqual([[3000, '管理员'], [42_500, '管理员']]);
    expect(await d.call('quality.removeComment', { id: c2.id })).toEqual({ removed: true });
    expect((await d.call('quality.get', { recordingId: d.r1 })).comments).toHaveLength(1);

    expect(await d.call('quality.trends', { from: '2024-01', to: '2024-06' })).toEqual([
      { agent: '坐席A', month: '2024-05', reviews: 1, average: 40 },
      { agent: '坐席A', month: '2024-06', reviews: 1, average: 100 },
      { agent: '坐席B', month: '2024-06', reviews: 1, average: 60 },
    ]);
    expect((await d.call('quality.reviews', { from: '2024-06', to: '2024-06', agent: '坐席A' })).map((r) => r.recordingId)).toEqual([d.r2]);
    // Reviews and comments are shared records (sync schema 4): deleting this desk's recording leaves them, by recording uid.
    d.sqlite.prepare('DELETE FROM recordings WHERE id = ?').run(d.r1);
    expect(d.sqlite.prepare('SELECT count(*) FROM quality_comments WHERE recording_id IS NULL').pluck().get()).toBe(1);
    expect(await d.call('quality.trends', { from: '2024-05', to: '2024-05' })).toEqual([{ agent: '坐席A', month: '2024-05', reviews: 1, average: 40 }]);
  });
});
