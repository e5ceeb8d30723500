// A small customer search for the message, opt-out and questionnaire screens (name, phone, plate).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../src-shared/contract/index';
import { useWfClient } from '../start';

type Hit = Output<'customers.search'>['hits'][number];

export function CustomerPicker({ testId, chosen, onChoose }: { testId: string; chosen: { id: number; name: string } | null; onChoose: (c: { id: number; name: string } | null) => void }) {
  const { t } = useTranslation();
  const client = useWfClient();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[]>([]);
  useEffect(() => {
    let live = true;
    if (!query.trim()) {
      setHits([]);
      return;
    }
    const timer = setTimeout(() => void client.call('customers.search', { query, limit: 8 }).then((r) => live && setHits(r.hits)).catch(() => {}), 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, query]);
  if (chosen) {
    return (
      <span className="wf-picked" data-testid={`${testId}-chosen`}>
        <strong>{chosen.name}</strong>
        <button type="button" className="btn-link" aria-label={t('wf.msg.clear')} onClick={() => onChoose(null)}>×</button>
      </span>
    );
  }
  return (
    <span className="wf-picker">
      <input data-testid={`${testId}-search`} placeholder={t('wf.msg.searchCustomer')} value={query} onChange={(e) => setQuery(e.target.value)} />
      {hits.length ? (
        <ul className="wf-picker-hits">
          {hits.map((h) => (
            <li key={h.id}>
              <button type="button" data-testid={`${testId}-hit`} onClick={() => { onChoose({ id: h.id, name: h.name }); setQuery(''); setHits([]); }}>
                <strong>{h.name}</strong> <span className="muted">{[...h.phones.slice(0, 1), ...h.plates.slice(0, 1)].join(' · ')}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </span>
  );
}
