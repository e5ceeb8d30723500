import { describe, expect, it } from 'vitest';
import { applyPauseMark, base64DecodedLength, closeSpans, diskLevel, localCopyExpired, recordingScope, recordsAutomatically } from './policy';

describe('recording policy', () => {
  it('records by mode, and by queue only for the listed queues (case-insensitive)', () => {
    expect(recordsAutomatically({ mode: 'all', queues: [] }, { queue: null })).toBe(true);
    expect(recordsAutomatically({ mode: 'none', queues: [] }, { queue: 'sales' })).toBe(false);
    expect(recordsAutomatically({ mode: 'on-demand', queues: [] }, { queue: 'sales' })).toBe(false);
    expect(recordsAutomatically({ mode: 'queues', queues: ['Complaints'] }, { queue: 'complaints' })).toBe(true);
    expect(recordsAutomatically({ mode: 'queues', queues: ['Complaints'] }, { queue: 'sales' })).toBe(false);
    expect(recordsAutomatically({ mode: 'queues', queues: ['Complaints'] }, { queue: null })).toBe(false);
  });

  it('lets supervisors and admins hear everyone, everybody else only themselves', () => {
    expect(recordingScope('supervisor')).toBe('all');
    expect(recordingScope('admin')).toBe('all');
    for (const role of ['agent', 'advisor', 'sales'] as const) expect(recordingScope(role)).toBe('own');
  });

  it('deletes a local copy only after server confirmation and the retention period', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const ended = '2026-03-01T10:00:00Z';
    expect(localCopyExpired({ endedAt: ended, uploadedAt: null, localDeletedAt: null }, now, 30)).toBe(false);
    expect(localCopyExpired({ endedAt: ended, uploadedAt: '2026-03-01T10:05:00Z', localDeletedAt: null }, now, 30)).toBe(true);
    expect(localCopyExpired({ endedAt: ended, uploadedAt: '2026-03-01T10:05:00Z', localDeletedAt: null }, now, 120)).toBe(false);
    expect(localCopyExpired({ endedAt: ended, uploadedAt: '2026-03-01T10:05:00Z', localDeletedAt: '2026-05-01T00:00:00Z' }, now, 30)).toBe(false);
    expect(localCopyExpired({ endedAt: 'garbage', uploadedAt: '2026-03-01T10:05:00Z', localDeletedAt: null }, now, 0)).toBe(false);
  });

  it('grades free disk space', () => {
    const t = { lowBytes: 2e9, criticalBytes: 3e8 };
    expect(diskLevel(5e9, t)).toBe('ok');
    expect(diskLevel(1e9, t)).toBe('low');
    expect(diskLevel(1e8, t)).toBe('critical');
  });

  it('keeps pause spans ordered and ignores repeated or out-of-order marks', () => {
    let spans = applyPauseMark([], { kind: 'resume', atMs: 100 });
    expect(spans).toEqual([]);
    spans = applyPauseMark(spans, { kind: 'pause', atMs: 3000 });
    spans = applyPauseMark(spans, { kind: 'pause', atMs: 3500 });
    expect(spans).toEqual([{ startMs: 3000, endMs: null }]);
    spans = applyPauseMark(spans, { kind: 'resume', atMs: 6000 });
    spans = applyPauseMark(spans, { kind: 'resume', atMs: 7000 });
    expect(spans).toEqual([{ startMs: 3000, endMs: 6000 }]);
    spans = applyPauseMark(spans, { kind: 'pause', atMs: 5000 });
    expect(spans).toHaveLength(1);
    spans = applyPauseMark(spans, { kind: 'pause', atMs: 9000 });
    expect(closeSpans(spans, 12_000)).toEqual([{ startMs: 3000, endMs: 6000 }, { startMs: 9000, endMs: 12_000 }]);
  });

  it('computes decoded base64 length without decoding', () => {
    for (const n of [1, 2, 3, 4, 5, 100, 1001]) {
      const b64 = Buffer.alloc(n, 7).toString('base64');
      expect(base64DecodedLength(b64)).toBe(n);
    }
  });
});
