// Mounts the softphone next to the app shell: its own React root above #root (an always-visible
// bar), the same i18next instance (strings merged under `softphone`), and the desk's store and
// actions so the screen-pop drives the existing customer card. Returns the click-to-dial seam
// for the customer screens (app/dialer.ts).
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { i18n } from 'i18next';
import type { ContractClient } from '../../src-shared/contract/client';
import { DeskContext, type DeskHandle } from '../app/desk-context';
import type { Dialer } from '../app/dialer';
import { SoftphoneBar } from './components/softphone-bar';
import { SoftphoneClientContext } from './components/use-client';
import { SoftphoneContext } from './components/use-softphone';
import { createSoftphoneController } from './controller';
import { softphoneEn, softphoneZhCN } from './i18n';
import { createSoftphoneStore } from './state/softphone-store';
import { startPresence } from '../presence/start';
import './softphone.css';

export function startSoftphone(client: ContractClient, desk: DeskHandle, i18n: i18n): Dialer {
  i18n.addResourceBundle('zh-CN', 'translation', { softphone: softphoneZhCN }, true, false);
  i18n.addResourceBundle('en', 'translation', { softphone: softphoneEn }, true, false);
  const store = createSoftphoneStore();
  const controller = createSoftphoneController(client, desk, store);
  const host = document.createElement('div');
  host.id = 'softphone-root';
  document.body.prepend(host);
  document.body.classList.add('has-softphone');
  createRoot(host).render(
    <I18nextProvider i18n={i18n}>
      <DeskContext.Provider value={desk}>
        <SoftphoneClientContext.Provider value={client}>
          <SoftphoneContext.Provider value={{ store, controller }}>
            <SoftphoneBar />
          </SoftphoneContext.Provider>
        </SoftphoneClientContext.Provider>
      </DeskContext.Provider>
    </I18nextProvider>,
  );
  startPresence(client, { store, controller });
  void controller.start().catch(() => {});
  return {
    dialCustomer: (target) => controller.dialCustomer(target),
    canDial: () => store.getState().registration === 'registered',
    subscribe: (listener) => store.subscribe((s, prev) => {
      if (s.registration !== prev.registration) listener();
    }),
  };
}
