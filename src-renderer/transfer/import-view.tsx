import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useActions, useDesk } from '../app/desk-context';
import { errorText } from '../i18n';
import { TaskBar } from '../tasks/task-progress';
import { ImportMapping } from './import-mapping';
import { ImportReportView } from './import-report';

export function ImportView() {
  const { t } = useTranslation();
  const state = useDesk((s) => s.transfer.import);
  const tasks = useDesk((s) => s.tasks.tasks);
  if (state.phase === 'idle' || state.phase === 'error') {
    return (
      <div className="import-start">
        <FilePicker />
        {state.phase === 'error' ? <div className="notice is-error" data-testid="import-error">{t('import.failed', { reason: errorText(t, state.error) })}</div> : null}
      </div>
    );
  }
  if (state.phase === 'reading' || state.phase === 'previewing') {
    return <div className="import-busy"><span className="search-spinner" /> {state.phase === 'reading' ? t('import.reading') : t('import.previewing')} <b>{state.fileName}</b></div>;
  }
  if (state.phase === 'running') {
    return (
      <div className="import-busy" data-testid="import-running">
        <div><span className="search-spinner" /> {t('import.running')}</div>
        {tasks.filter((task) => !task.finished).map((task) => <TaskBar key={task.taskId} task={task} />)}
      </div>
    );
  }
  if (state.phase === 'report') return <ImportReportView />;
  return <ImportMapping />;
}

export function FilePicker({ label }: { label?: string }) {
  const { t } = useTranslation();
  const actions = useActions();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="file-picker">
      <input
        ref={input}
        type="file"
        accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid="import-file-input"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void actions.transfer.chooseFile(file);
          event.target.value = '';
        }}
      />
      <button type="button" className="btn btn-primary" data-testid="import-choose-file" onClick={() => input.current?.click()}>
        {label ?? t('import.chooseFile')}
      </button>
      <p className="muted">{t('import.chooseHint')}</p>
    </div>
  );
}
