// 救援调度看板 (seed 000 派车派工, seed 004): open rescues by status; each card carries the
// next steps of the rescue machine (dispatch → depart → arrive → report result → return → close).
import { useTranslation } from 'react-i18next';
import { useWf, useWfActions } from '../start';
import { ActionBar } from './action-form';
import { codeLabel, timeText } from './labels';

export function RescueBoard() {
  const { t } = useTranslation();
  const actions = useWfActions();
  const board = useWf((s) => s.board);
  return (
    <section className="wf-board-wrap">
      <div className="wf-toolbar">
        <h1>{t('wf.rescue.title')}</h1>
        <button type="button" className="btn btn-small" onClick={() => void actions.board.load()}>{t('wf.rescue.refresh')}</button>
      </div>
      <div className="wf-board" data-testid="rescue-board">
        {board.columns.map((column) => (
          <div key={column.status} className="wf-column" data-testid="rescue-column" data-status={column.status}>
            <h2>{codeLabel(t, 'status', column.status)} <span className="wf-count">{column.items.length}</span></h2>
            {column.items.length === 0 ? <p className="muted small wf-column-empty">{t('wf.rescue.empty')}</p> : null}
            {column.items.map((item) => {
              const f = item.fields as Record<string, string | undefined>;
              return (
                <article key={item.id} className={`wf-rescue-card${item.priority !== 'normal' ? ' is-urgent' : ''}`} data-testid="rescue-card" data-id={item.id} data-status={item.status}>
                  <header>
                    <strong>{item.customerName ?? item.title}</strong>
                    {item.plate ? <span className="plate plate-small plate-blue">{item.plate}</span> : null}
                  </header>
                  <dl>
                    <div><dt>{t('wf.rescue.place')}</dt><dd>{f.place}</dd></div>
                    <div><dt>{t('wf.rescue.fault')}</dt><dd>{f.fault}</dd></div>
                    <div><dt>{t('wf.rescue.callback')}</dt><dd className="mono">{f.callbackPhone}</dd></div>
                    {f.technician || item.owner ? <div><dt>{t('wf.rescue.technician')}</dt><dd>{f.technician ?? item.owner}</dd></div> : null}
                    {f.towTruck ? <div><dt>{t('wf.rescue.tow')}</dt><dd>{f.towTruck}</dd></div> : null}
                  </dl>
                  <div className="muted small">{t('wf.rescue.since', { time: timeText(item.updatedAt) })}</div>
                  <ActionBar item={item} compact />
                </article>
              );
            })}
          </div>
        ))}
      </div>
    </section>
  );
}
