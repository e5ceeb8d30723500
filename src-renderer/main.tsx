// Renderer start-up: pick the transport the host offers (Electron preload, else the browser
// host's WebSocket), build the store and its actions, bind contract events, render.
import './zod-config';
import { createRoot } from 'react-dom/client';
import { createContractClient, type ContractTransport } from '../src-shared/contract/client';
import { contractSocketPath } from '../src-shared/contract/wire';
import { App } from './app/app';
import { createI18n } from './i18n';
import { bindConnectionStatus, bindContractEvents, createDeskActions } from './state/desk-actions';
import { createDeskStore } from './state/store';
import { preloadBridge } from './transport/electron-transport';
import { contractSocketUrl, createWebSocketTransport, type SocketConstructor } from './transport/websocket-transport';
import { saveFile } from './transfer/save-file';
import { startSoftphone } from './softphone/start';
import { startWorkflows, WorkflowsContext } from './workflows/start';
import { startRecording } from './recording/start';
import { startKnowledge } from './knowledge/start';
import { startSupervisor } from './supervisor/start';
import { startSales } from './sales/start';
import { startSyncUi } from './sync/start';
import './styles/app.css';

function start() {
  const bridge = preloadBridge(window);
  const store = createDeskStore(bridge ? 'electron' : 'browser');
  let transport: ContractTransport;
  let watchSocket: ((onStatus: Parameters<ReturnType<typeof createWebSocketTransport>['onStatus']>[0]) => void) | null = null;
  if (bridge) {
    transport = bridge;
  } else {
    const socket = createWebSocketTransport({ url: contractSocketUrl(location, contractSocketPath), WebSocket: WebSocket as unknown as SocketConstructor });
    transport = socket;
    watchSocket = (listener) => {
      listener(socket.status());
      socket.onStatus(listener);
    };
  }
  const client = createContractClient(transport);
  const actions = createDeskActions(client, store, saveFile);
  bindContractEvents(client, store, actions);
  watchSocket?.((status) => bindConnectionStatus(store, actions, status));
  const i18n = createI18n('zh-CN');
  void actions.start();
  const dialer = startSoftphone(client, { store, actions }, i18n);
  startRecording(client, i18n);
  const workflows = startWorkflows(client, { store, actions, dialer }, i18n);
  startKnowledge(client, { store, actions, dialer }, i18n);
  startSupervisor(client, { store, actions, dialer }, i18n);
  startSales(client, { store, actions, dialer }, i18n);
  startSyncUi(client, { store, actions, dialer }, i18n);
  createRoot(document.getElementById('root')!).render(
    <WorkflowsContext.Provider value={workflows}>
      <App handle={{ store, actions, dialer }} i18n={i18n} />
    </WorkflowsContext.Provider>,
  );
}

start();
