import { useTranslation } from 'react-i18next';
import type { TaskProgress } from '../../src-shared/contract/session';
import { useActions, useDesk } from '../app/desk-context';
import { taskFraction } from '../state/tasks-slice';
import { numberFormat } from '../i18n/number-format';

export function TaskProgressList() {
  const tasks = useDesk((s) => s.tasks.tasks);
  if (tasks.length === 0) return null;
  return (
    <span className="task-list" data-testid="task-progress-list">
      {tasks.map((task) => <TaskBar key={task.taskId} task={task} />)}
    </span>
  );
}

export function TaskBar({ task }: { task: TaskProgress }) {
  const { t, i18n } = useTranslation();
  const actions = useActions();
  const fraction = taskFraction(task);
  const number = numberFormat(i18n.language);
  const label = t(`tasks.label.${task.label}`, { defaultValue: task.label });
  return (
    <span className={`task${task.error ? ' is-error' : ''}`} data-testid="task-progress" data-task-id={task.taskId} data-finished={task.finished}>
      <span className="task-label">{label}</span>
      <span
        className={`progress${fraction === null ? ' is-indeterminate' : ''}`}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
      >
        <span className="progress-fill" style={{ width: `${Math.round((fraction ?? 0.3) * 100)}%` }} />
      </span>
      <span className="task-count">
        {task.error ? t('tasks.failed', { error: task.error })
          : task.finished ? t('tasks.finished')
          : task.total > 0 ? t('tasks.progress', { done: number.format(task.done), total: number.format(task.total) }) : null}
      </span>
      {task.error ? <button type="button" className="btn-link" onClick={() => actions.tasks.dismiss(task.taskId)}>{t('tasks.dismiss')}</button> : null}
    </span>
  );
}
