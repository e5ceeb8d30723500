import { describe, expect, it } from 'vitest';
import { connectionChanged, initialConnectionState, showConnectionBanner } from './connection-slice';
import { backupsListed, initialBackupState } from './backup-slice';
import { initialTasksState, taskDismissed, taskFraction, taskProgressed } from './tasks-slice';

const progress = (taskId: string, done: number, total: number, finished = false) => ({ taskId, label: 'demo.seed', done, total, finished });

describe('tasks reducer', () => {
  it('updates a task in place and keeps first-seen order', () => {
    let state = taskProgressed(initialTasksState, progress('a', 1, 10));
    state = taskProgressed(state, progress('b', 0, 0));
    state = taskProgressed(state, progress('a', 5, 10));
    expect(state.tasks.map((t) => [t.taskId, t.done])).toEqual([['a', 5], ['b', 0]]);
    expect(taskDismissed(state, 'a').tasks.map((t) => t.taskId)).toEqual(['b']);
    expect(taskDismissed(state, 'zzz')).toBe(state);
  });

  it('computes the bar fraction, indeterminate without a total', () => {
    expect(taskFraction(progress('a', 5, 10))).toBe(0.5);
    expect(taskFraction(progress('a', 15, 10))).toBe(1);
    expect(taskFraction(progress('a', 3, 0))).toBeNull();
    expect(taskFraction(progress('a', 0, 0, true))).toBe(1);
  });
});

describe('connection and backup reducers', () => {
  it('shows the banner while down, and while reconnecting after having been open', () => {
    let state = connectionChanged(initialConnectionState, { state: 'connecting', attempt: 1 });
    expect(showConnectionBanner(state)).toBe(false);
    state = connectionChanged(state, { state: 'open' });
    expect(showConnectionBanner(state)).toBe(false);
    state = connectionChanged(state, { state: 'down', attempt: 1, retryInMs: 250 });
    expect(showConnectionBanner(state)).toBe(true);
    state = connectionChanged(state, { state: 'connecting', attempt: 2 });
    expect(showConnectionBanner(state)).toBe(true);
  });

  it('lists backups newest first and disarms a restore whose file is gone', () => {
    const armed = { ...initialBackupState, armedPath: '/b/old.sqlite' };
    const state = backupsListed(armed, [
      { path: '/b/a.sqlite', bytes: 1, createdAt: '2024-01-01T00:00:00Z' },
      { path: '/b/b.sqlite', bytes: 2, createdAt: '2024-03-01T00:00:00Z' },
    ]);
    expect(state.backups.map((b) => b.path)).toEqual(['/b/b.sqlite', '/b/a.sqlite']);
    expect(state.armedPath).toBeNull();
  });
});
