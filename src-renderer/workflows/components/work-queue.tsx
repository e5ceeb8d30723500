// 工单 queue: my work / team / all, filtered by kind, status and overdue, beside the detail.
import { useTranslation } from 'react-i18next';
import { workItemKinds, type WorkItemKind } from '../../../src-shared/domain/workflows/kinds';
import { machineFor } from '../../../src-shared/domain/workflows/state-machines';
import { useWf, useWfActions } from '../start';
import { codeLabel } from './labels';
import { SlaBadge } from './sla-badge';
import { KindTag, StatusChip } from './status-chip';
import { WorkItemDetailPane } from './work-item-detail';

const scopes = ['mine', 'team', 'all'] as const;

function statusesFor(kind: WorkItemKind | ''): string[] {
  const kinds = kind ? [kind] : workItemKinds;
  return [...new Set(kinds.flatMap((k) => machineFor(k).states))];
}

export function WorkQueue() {
  const { t } = useTranslation();
  const actions = useWfActions();
  const queue = useWf((s) => s.queue);
  const selected = useWf((s) => s.detail.id);
  const { filter } = queue;
  return (
    <div className="wf-split">
      <section className="wf-list-pane" aria-label={t('wf.nav.queue')}>
        <div className="wf-scope" role="tablist">
          {scopes.map((scope) => (
            <button key={scope} type="button" role="tab" aria-selected={filter.scope === scope} className={`wf-seg${filter.scope === scope ? ' is-active' : ''}`} data-testid={`scope-${scope}`} onClick={() => actions.queue.setFilter({ scope })}>
              {t(`wf.scope.${scope}`)}
            </button>
          ))}
        </div>
        <div className="wf-filters">
          <select aria-label={t('wf.filter.kind')} data-testid="filter-kind" value={filter.kind} onChange={(e) => actions.queue.setFilter({ kind: e.target.value as WorkItemKind | '' })}>
            <option value="">{t('wf.filter.allKinds')}</option>
            {workItemKinds.map((k) => <option key={k} value={k}>{codeLabel(t, 'kind', k)}</option>)}
          </select>
          <select aria-label={t('wf.filter.status')} data-testid="filter-status" value={filter.status} onChange={(e) => actions.queue.setFilter({ status: e.target.value })}>
            <option value="">{t('wf.filter.allStatuses')}</option>
            {statusesFor(filter.kind).map((s) => <option key={s} value={s}>{codeLabel(t, 'status', s)}</option>)}
          </select>
          <label className="wf-check"><input type="checkbox" data-testid="filter-overdue" checked={filter.overdueOnly} onChange={(e) => actions.queue.setFilter({ overdueOnly: e.target.checked })} />{t('wf.filter.overdue')}</label>
          <label className="wf-check"><input type="checkbox" data-testid="filter-closed" checked={!filter.open} onChange={(e) => actions.queue.setFilter({ open: !e.target.checked })} />{t('wf.filter.closed')}</label>
        </div>
        <div className="wf-list-count muted small" data-testid="queue-count">{queue.status === 'loading' && queue.items.length === 0 ? t('wf.queue.loading') : t('wf.queue.count', { count: queue.items.length })}</div>
        <ul className="wf-list" data-testid="work-queue">
          {queue.status === 'ready' && queue.items.length === 0 ? <li className="wf-empty">{t('wf.queue.empty')}</li> : null}
          {queue.items.map((item) => (
            <li key={item.id}>
              <button type="button" className={`wf-row${selected === item.id ? ' is-selected' : ''}`} data-testid="work-item-row" data-id={item.id} data-kind={item.kind} data-status={item.status} onClick={() => void actions.detail.open(item.id)}>
                <span className="wf-row-top">
                  <KindTag kind={item.kind} />
                  <span className="wf-row-title">{item.title}</span>
                  {item.priority !== 'normal' ? <span className={`wf-priority wf-priority-${item.priority}`}>{codeLabel(t, 'priority', item.priority)}</span> : null}
                </span>
                <span className="wf-row-sub">
                  <StatusChip status={item.status} open={item.open} />
                  <span className="muted">{item.customerName ?? ''}{item.plate ? ` · ${item.plate}` : ''}</span>
                  <span className="wf-row-owner muted">{item.owner ?? t('wf.queue.unowned')}</span>
                  {item.open ? <SlaBadge sla={item.sla} /> : null}
                </span>
              </button>
            </li>
          ))}
          {queue.nextCursor ? <li><button type="button" className="btn btn-small wf-more" onClick={() => void actions.queue.loadMore()}>{t('wf.queue.more')}</button></li> : null}
        </ul>
      </section>
      <WorkItemDetailPane />
    </div>
  );
}
