import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallRecordView } from '../../../src-shared/contract/softphone';
import { useSoftphoneClient } from './use-client';

type Filter = 'all' | 'inbound' | 'outbound' | 'missed';

export function CallHistory() {
  const { t } = useTranslation();
  const client = useSoftphoneClient();
  const [filter, setFilter] = useState<Filter>('all');
  const [number, setNumber] = useState('');
  const [records, setRecords] = useState<CallRecordView[]>([]);
  useEffect(() => {
    let live = true;
    const load = () => {
      const digits = number.replace(/[^\d+*#]/g, '');
      void client
        .call('softphone.calls.list', {
          direction: filter === 'inbound' || filter === 'outbound' ? filter : undefined,
          outcome: filter === 'missed' ? 'missed' : undefined,
          number: digits || undefined,
          limit: 100,
        })
        .then((r) => live && setRecords(r.records))
        .catch(() => {});
    };
    load();
    const off = client.on('softphone.calls.changed', load);
    return () => {
      live = false;
      off();
    };
  }, [client, filter, number]);
  return (
    <section className="sp-history" data-testid="sp-history">
      <h2>{t('softphone.history.title')}</h2>
      <div className="sp-filters">
        {(['all', 'inbound', 'outbound', 'missed'] as const).map((f) => (
          <button key={f} type="button" className={`btn btn-small${f === filter ? ' is-active' : ''}`} data-testid={`sp-history-${f}`} onClick={() => setFilter(f)}>{t(`softphone.history.${f}`)}</button>
        ))}
        <input data-testid="sp-history-number" value={number} placeholder={t('softphone.history.number')} onChange={(e) => setNumber(e.target.value)} />
      </div>
      {records.length === 0 ? <p className="muted">{t('softphone.history.empty')}</p> : null}
      <table>
        <tbody>
          {records.map((r) => (
            <tr key={r.id} data-testid="sp-history-row" data-uid={r.uid} data-outcome={r.outcome}>
              <td>{r.direction === 'inbound' ? '↙' : '↗'}</td>
              <td>{r.remoteNumber}</td>
              <td>{r.customerName ?? ''}</td>
              <td>{new Date(r.ringAt).toLocaleString()}</td>
              <td>{r.talkSeconds ?? '-'}s</td>
              <td>{t(`softphone.history.outcome.${r.outcome}`)}</td>
              <td>{r.disposition ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
