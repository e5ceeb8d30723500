// Open callbacks (回电) scheduled from wrap-ups, soonest first; overdue ones are flagged.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallbackView } from '../../../src-shared/contract/softphone';
import { useSoftphoneClient } from './use-client';
import { useSoftphone } from './use-softphone';

export function CallbacksList() {
  const { t } = useTranslation();
  const client = useSoftphoneClient();
  // Wrap-ups that schedule a callback close themselves: reload when one closes.
  const wrapUps = useSoftphone((s) => s.wrapUps.length);
  const [callbacks, setCallbacks] = useState<CallbackView[] | null>(null);
  useEffect(() => {
    let live = true;
    void client.call('softphone.callbacks.list', { status: 'open', limit: 100 }).then((r) => live && setCallbacks(r.callbacks)).catch(() => {});
    return () => {
      live = false;
    };
  }, [client, wrapUps]);
  const now = Date.now();
  return (
    <section className="sp-history sp-callbacks" data-testid="sp-callbacks">
      <h2>{t('softphone.callbacks.title')}</h2>
      {callbacks && callbacks.length === 0 ? <p className="muted">{t('softphone.callbacks.empty')}</p> : null}
      <table>
        <tbody>
          {(callbacks ?? []).map((c) => (
            <tr key={c.id} data-testid="sp-callback-row" data-customer-id={c.customerId ?? ''} className={Date.parse(c.dueAt) < now ? 'is-overdue' : ''}>
              <td className="sp-mono">{new Date(c.dueAt).toLocaleString()}</td>
              <td>{c.customerName ?? ''}</td>
              <td className="sp-mono">{c.phone}</td>
              <td>{c.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
