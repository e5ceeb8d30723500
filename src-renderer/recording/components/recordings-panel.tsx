// The recordings list: filters (agent, customer, date, direction, disposition, duration) and the
// player for the chosen row. Main decides what the role may see; this only shows it.
import { useTranslation } from 'react-i18next';
import type { RecordingView } from '../../../src-shared/contract/recording';
import { RecordingPlayer } from './recording-player';
import { formatBytes, formatDuration, formatTime, useRecorder, useRecording } from './use-recording';

const dispositions = ['resolved', 'follow_up', 'appointment', 'complaint', 'no_action'] as const;

function statusLabel(r: RecordingView, t: (k: string) => string): string {
  if (!r.localAvailable && r.uploaded) return t('recording.status.localGone');
  if (r.uploaded) return t('recording.status.uploaded');
  return t(`recording.status.${r.status}`);
}

export function RecordingsPanel() {
  const { t, i18n } = useTranslation();
  const recorder = useRecorder();
  const filter = useRecording((s) => s.filter);
  const list = useRecording((s) => s.list);
  const agents = useRecording((s) => s.agents);
  const loading = useRecording((s) => s.loading);
  const selected = useRecording((s) => s.selected);
  const num = (v: string) => (v === '' ? undefined : Math.max(0, Math.floor(Number(v))) || 0);
  return (
    <section className="rec-panel" data-testid="rec-panel" aria-label={t('recording.panel.title')}>
      <header className="rec-panel-head">
        <h2>{t('recording.panel.title')}</h2>
        <span className="rec-muted" data-testid="rec-count">{loading ? t('recording.panel.loading') : t('recording.panel.count', { n: list.length })}</span>
        <span className="rec-spacer" />
        <button type="button" className="btn btn-small" data-testid="rec-close" onClick={() => recorder.togglePanel()}>{t('recording.panel.close')}</button>
      </header>
      <div className="rec-filters">
        {agents.length > 1 ? (
          <label>{t('recording.filter.agent')}
            <select data-testid="rec-filter-agent" value={filter.agent ?? ''} onChange={(e) => recorder.editFilter({ agent: e.target.value || undefined })}>
              <option value="">{t('recording.filter.allAgents')}</option>
              {agents.map((a) => <option key={a} value={a}>{a}</option>)}
            </select>
          </label>
        ) : null}
        <label>{t('recording.filter.customer')}
          <input data-testid="rec-filter-customer" value={filter.customer ?? ''} onChange={(e) => recorder.editFilter({ customer: e.target.value || undefined })} />
        </label>
        <label>{t('recording.filter.from')}
          <input type="date" data-testid="rec-filter-from" value={filter.from ?? ''} onChange={(e) => recorder.editFilter({ from: e.target.value || undefined })} />
        </label>
        <label>{t('recording.filter.to')}
          <input type="date" data-testid="rec-filter-to" value={filter.to ?? ''} onChange={(e) => recorder.editFilter({ to: e.target.value || undefined })} />
        </label>
        <label>{t('recording.filter.direction')}
          <select data-testid="rec-filter-direction" value={filter.direction ?? ''} onChange={(e) => recorder.editFilter({ direction: (e.target.value || undefined) as 'inbound' | 'outbound' | undefined })}>
            <option value="">{t('recording.filter.all')}</option>
            <option value="inbound">{t('recording.filter.inbound')}</option>
            <option value="outbound">{t('recording.filter.outbound')}</option>
          </select>
        </label>
        <label>{t('recording.filter.disposition')}
          <select data-testid="rec-filter-disposition" value={filter.disposition ?? ''} onChange={(e) => recorder.editFilter({ disposition: e.target.value || undefined })}>
            <option value="">{t('recording.filter.all')}</option>
            {dispositions.map((d) => <option key={d} value={d}>{t(`recording.dispositions.${d}`)}</option>)}
          </select>
        </label>
        <label>{t('recording.filter.minSeconds')}
          <input type="number" min={0} className="rec-num" data-testid="rec-filter-min" value={filter.minSeconds ?? ''} onChange={(e) => recorder.editFilter({ minSeconds: num(e.target.value) })} />
        </label>
        <label>{t('recording.filter.maxSeconds')}
          <input type="number" min={0} className="rec-num" data-testid="rec-filter-max" value={filter.maxSeconds ?? ''} onChange={(e) => recorder.editFilter({ maxSeconds: num(e.target.value) })} />
        </label>
      </div>
      {selected ? <RecordingPlayer recording={selected} /> : null}
      <div className="rec-table-wrap">
        <table className="rec-table">
          <thead>
            <tr>
              <th>{t('recording.columns.startedAt')}</th><th>{t('recording.columns.agent')}</th><th>{t('recording.columns.customer')}</th><th>{t('recording.columns.number')}</th>
              <th>{t('recording.columns.direction')}</th><th>{t('recording.columns.duration')}</th><th>{t('recording.columns.disposition')}</th><th>{t('recording.columns.status')}</th><th />
            </tr>
          </thead>
          <tbody>
            {list.map((r) => (
              <tr key={r.id} data-testid="rec-row" data-recording-id={r.id} className={selected?.id === r.id ? 'is-selected' : ''}>
                <td className="rec-mono">{formatTime(r.startedAt, i18n.language)}</td>
                <td>{r.agent}</td>
                <td>{r.customerName ?? '—'}{r.plate ? <span className="rec-plate">{r.plate}</span> : null}</td>
                <td className="rec-mono">{r.remoteNumber}</td>
                <td>{t(`recording.filter.${r.direction}`)}</td>
                <td className="rec-mono" data-testid="rec-duration">{formatDuration(r.durationMs)}{r.pauses.length ? <span className="rec-paused-mark" title={t('recording.player.paused')}> ‖</span> : null}</td>
                <td>{r.disposition ? t(`recording.dispositions.${r.disposition}`, { defaultValue: r.disposition }) : '—'}</td>
                <td title={formatBytes(r.bytes)}>{statusLabel(r, t)}</td>
                <td><button type="button" className="btn btn-small" data-testid="rec-open" onClick={() => recorder.select(r)}>{t('recording.columns.play')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        {!loading && list.length === 0 ? <p className="rec-muted">{t('recording.panel.empty')}</p> : null}
      </div>
    </section>
  );
}
