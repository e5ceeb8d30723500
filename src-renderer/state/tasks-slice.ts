// Long tasks (demo seed, imports) report 'task.progress' events; the status bar shows each one
// as a bar until it has been finished for a moment.
import type { TaskProgress } from '../../src-shared/contract/session';
import { patch, type ActionDeps } from './action-deps';

export const finishedTaskLingerMs = 4_000;

export interface TasksState {
  /** In the order the tasks first appeared. */
  tasks: TaskProgress[];
}

export const initialTasksState: TasksState = { tasks: [] };

export function taskProgressed(state: TasksState, progress: TaskProgress): TasksState {
  const index = state.tasks.findIndex((task) => task.taskId === progress.taskId);
  if (index === -1) return { tasks: [...state.tasks, progress] };
  const tasks = state.tasks.slice();
  tasks[index] = progress;
  return { tasks };
}

export function taskDismissed(state: TasksState, taskId: string): TasksState {
  const tasks = state.tasks.filter((task) => task.taskId !== taskId);
  return tasks.length === state.tasks.length ? state : { tasks };
}

/** 0…1, or null when the total is not known yet (an indeterminate bar). */
export function taskFraction(task: TaskProgress): number | null {
  if (task.finished) return 1;
  if (!(task.total > 0)) return null;
  return Math.min(1, Math.max(0, task.done / task.total));
}

export function createTaskActions({ store }: ActionDeps, timers: { setTimeout: typeof setTimeout } = globalThis) {
  const update = (fn: (slice: TasksState) => TasksState) => patch(store, 'tasks', fn);
  return {
    progressed(progress: TaskProgress) {
      update((s) => taskProgressed(s, progress));
      if (progress.finished && !progress.error) {
        timers.setTimeout(() => update((s) => {
          const latest = s.tasks.find((task) => task.taskId === progress.taskId);
          return latest?.finished ? taskDismissed(s, progress.taskId) : s;
        }), finishedTaskLingerMs);
      }
    },
    dismiss: (taskId: string) => update((s) => taskDismissed(s, taskId)),
  };
}
export type TaskActions = ReturnType<typeof createTaskActions>;
