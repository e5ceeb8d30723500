// 坐席实况: every desk of the dealership — who, extension, state and for how long, on a call with
// whom (the popped card's customer, else the number as this viewer may see it), direction, call
// time, queue — with 监听/耳语 on a call in progress (the softphone's monitor). Durations tick
// every second on the board's clock; the board is pushed by main (presence.changed) and asked
// for again every 30 s, which also keeps main's push alive.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { PresenceViewEntry } from '../../../src-shared/contract/presence';
import { canListenTo, elapsedSince, formatDuration, shownState } from '../../../src-shared/domain/presence/presence';
import type { MonitorMode } from '../../../src-shared/domain/softphone/monitor';
import { errorText } from '../../i18n';
import { softphoneForPresence, type PresenceSoftphone } from '../../presence/start';
import { useLive, useLiveActions } from '../start';

const keepAliveMs = 30_000;

function useClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function LiveTab() {
  const { t } = useTranslation();
  const actions = useLiveActions();
  const { view, offsetMs, error } = useLive((s) => s);
  const now = useClock();
  useEffect(() => {
    void actions.load();
    const timer = setInterval(() => void actions.load(), keepAliveMs);
    return () => clearInterval(timer);
  }, [actions]);
  const softphone = softphoneForPresence();
  const boardNow = now - offsetMs;
  const entries = view?.entries ?? [];
  const online = entries.filter((e) => shownState(e, boardNow) !== 'offline').length;
  const onCall = entries.filter((e) => shownState(e, boardNow) !== 'offline' && e.call).length;
  return (
    <section className="sv-block sv-live" data-testid="sv-live" data-source={view?.source ?? ''} data-problem={view?.problem ?? ''}>
      <div className="sv-block-head">
        <h2>{t('sv.live.title')}</h2>
        <span className="muted" data-testid="sv-live-count">{view ? t('sv.live.count', { online, onCall }) : ''}</span>
      </div>
      {error ? <div className="notice is-error" role="alert" data-testid="sv-live-error">{errorText(t, error)}</div> : null}
      {view?.problem ? <div className="notice sv-live-notice" data-testid="sv-live-notice" data-problem={view.problem}>{t(`sv.live.problem.${view.problem}`)}</div> : null}
      {view === null ? <span className="search-spinner" /> : entries.length === 0 ? <p className="muted" data-testid="sv-live-empty">{t('sv.live.empty')}</p> : (
        <div className="sv-table-wrap sv-live-wrap">
          <table className="sv-table sv-live-table">
            <thead>
              <tr>
                <th>{t('sv.live.col.agent')}</th><th>{t('sv.live.col.extension')}</th><th>{t('sv.live.col.state')}</th><th className="num">{t('sv.live.col.stateFor')}</th>
                <th>{t('sv.live.col.call')}</th><th>{t('sv.live.col.direction')}</th><th className="num">{t('sv.live.col.callFor')}</th><th>{t('sv.live.col.queue')}</th><th>{t('sv.live.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => <LiveRow key={e.deskId} entry={e} boardNow={boardNow} softphone={softphone} />)}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function LiveRow({ entry: e, boardNow, softphone }: { entry: PresenceViewEntry; boardNow: number; softphone: PresenceSoftphone | null }) {
  const { t } = useTranslation();
  const state = shownState(e, boardNow);
  const offline = state === 'offline';
  const call = offline ? null : e.call;
  const who = call ? (call.customerName ?? call.number ?? t('sv.live.unknownCaller')) : null;
  return (
    <tr className={`sv-live-row is-${state}`} data-testid="sv-live-row" data-user={e.userName} data-extension={e.extension ?? ''} data-state={state} data-self={e.self ? 'true' : 'false'}>
      <td>
        {e.userName}
        {e.self ? <span className="sv-live-self">{t('sv.live.self')}</span> : null}
      </td>
      <td className="num">{e.extension ?? ''}</td>
      <td>
        <span className={`sv-live-state is-${state}`} data-testid="sv-live-state">
          {t(`sv.live.state.${state}`)}{state === 'not_ready' && e.reason ? ` · ${t(`sv.live.reason.${e.reason}`)}` : ''}
        </span>
        {!offline && !e.phoneRegistered ? <span className="sv-live-phone-off">{t('sv.live.phoneOff')}</span> : null}
      </td>
      <td className="num" data-testid="sv-live-state-for">
        {offline ? <span className="muted">{t('sv.live.lastSeen', { ago: formatDuration(elapsedSince(e.lastSeenAt, boardNow, 0)) })}</span> : formatDuration(elapsedSince(e.stateSince, boardNow, 0))}
      </td>
      <td data-testid="sv-live-with">{who ?? <span className="muted">{t('sv.live.noCall')}</span>}{call && call.phase !== 'connected' ? <span className="sv-live-phase"> · {t(`sv.live.phase.${call.phase}`)}</span> : null}</td>
      <td>{call ? t(`sv.live.direction.${call.direction}`) : ''}</td>
      <td className="num" data-testid="sv-live-call-for">{call ? formatDuration(elapsedSince(call.since, boardNow, 0)) : ''}</td>
      <td>{call?.queue ?? ''}</td>
      <td>{!e.self && canListenTo(e, boardNow) && e.extension ? <MonitorButtons extension={e.extension} softphone={softphone} /> : null}</td>
    </tr>
  );
}

function MonitorButtons({ extension, softphone }: { extension: string; softphone: PresenceSoftphone | null }) {
  return softphone ? <MonitorWithSoftphone extension={extension} softphone={softphone} /> : <Buttons extension={extension} softphone={null} disabled />;
}

function MonitorWithSoftphone({ extension, softphone }: { extension: string; softphone: PresenceSoftphone }) {
  const registered = useStore(softphone.store, (s) => s.registration === 'registered');
  const busy = useStore(softphone.store, (s) => s.monitoring !== null);
  return <Buttons extension={extension} softphone={registered ? softphone : null} disabled={!registered || busy} />;
}

function Buttons({ extension, softphone, disabled }: { extension: string; softphone: PresenceSoftphone | null; disabled: boolean }) {
  const { t } = useTranslation();
  const start = (mode: MonitorMode) => void softphone?.monitor.start(extension, mode);
  return (
    <span className="sv-live-actions" title={softphone ? undefined : t('sv.live.noSoftphone')}>
      <button type="button" className="btn btn-small" data-testid="sv-live-listen" disabled={disabled} onClick={() => start('listen')}>{t('sv.live.listen')}</button>
      <button type="button" className="btn btn-small" data-testid="sv-live-whisper" disabled={disabled} onClick={() => start('whisper')}>{t('sv.live.whisper')}</button>
    </span>
  );
}
