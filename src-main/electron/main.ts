// Electron main entry (bundled to dist/main/electron-main.mjs). Order matters: the app:// scheme
// is registered and the single-instance lock taken synchronously, before 'ready' (an ESM main
// must not await before then); everything else happens once the app is ready.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, ipcMain, Menu, protocol, safeStorage, session, type BrowserWindow } from 'electron';
import { defaultDataDir } from '../host/data-dir';
import { consoleLogger, type Desk } from '../host/desk';
import { startDesk } from '../host/startup';
import { appScheme } from './app-origin';
import { bindContractIpc } from './contract-ipc';
import { contentSecurityPolicy, webSocketOrigins } from './csp';
import { handleHidSelection } from './hid-chooser';
import { loadHidApprovals } from './hid-devices';
import { readHostConfig } from './host-config';
import { createMainWindow, focusWindow } from './main-window';
import { createRendererHandler } from './renderer-protocol';
import { createSecretStore } from './secret-store';
import { safeStorageKeyProtector } from './database-key-protector';
import { secureAllWebContents, secureSession } from './session-security';
import { registerSoftphoneSecrets } from './softphone-secrets';

const appId = 'cn.dealerdesk.workstation';
const log = consoleLogger;

protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
]);

if (!app.requestSingleInstanceLock()) {
  // A second launch (double-clicked shortcut) only brings the running desk to the front.
  app.quit();
} else {
  run();
}

function run(): void {
  const bundleDir = dirname(fileURLToPath(import.meta.url));
  const dataDir = defaultDataDir();
  const config = readHostConfig(process.env, app.isPackaged);
  const { origins, rejected } = webSocketOrigins(config.sipServers);
  if (rejected.length > 0) log.error('ignored SIP servers that are not ws:/wss: URLs', { rejected });

  let desk: Desk | null = null;
  let window: BrowserWindow | null = null;
  let unbindIpc: (() => void) | null = null;

  app.on('second-instance', () => focusWindow(window));
  secureAllWebContents({ externalHosts: config.externalHosts, log });
  if (process.platform === 'win32') app.setAppUserModelId(appId);

  app.whenReady().then(() => {
    if (app.isPackaged && !config.devTools) Menu.setApplicationMenu(null);
    // The database key is wrapped by the OS keychain (safeStorage is usable once the app is ready).
    desk = startDesk({ dataDir, host: 'electron', log, keyProtector: safeStorageKeyProtector(safeStorage) });
    const openedDesk = desk;
    // safeStorage is usable only once the app is ready; before any renderer can save a password.
    registerSoftphoneSecrets(openedDesk.context, createSecretStore(safeStorage, dataDir), log);
    const defaultSession = session.defaultSession;
    secureSession(defaultSession, { webSocketOrigins: origins, externalHosts: config.externalHosts, hidApprovals: () => loadHidApprovals(dataDir), log });
    handleHidSelection(defaultSession, { dataDir, window: () => window, locale: () => openedDesk.context.session.locale, now: () => new Date() });
    protocol.handle(appScheme, createRendererHandler({ root: rendererRoot(bundleDir), contentSecurityPolicy: () => contentSecurityPolicy({ sipServers: origins }) }));
    unbindIpc = bindContractIpc(ipcMain, openedDesk, () => (window && !window.isDestroyed() ? [window.webContents] : []), { log });
    window = createMainWindow({ dataDir, preloadPath: join(bundleDir, 'preload.cjs'), iconPath: iconPath(bundleDir), devTools: config.devTools, log });
    window.on('closed', () => {
      window = null;
    });
  }).catch((error: unknown) => {
    log.error('start failed', { error: error instanceof Error ? error.stack : String(error) });
    app.exit(1);
  });

  // One window is the whole app, on every platform: closing it quits.
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    unbindIpc?.();
    unbindIpc = null;
    desk?.close();
    desk = null;
  });
}

/** dist/main/ → dist/renderer/ (inside app.asar when packaged). */
function rendererRoot(bundleDir: string): string {
  return join(bundleDir, '..', 'renderer');
}

function iconPath(bundleDir: string): string | undefined {
  const candidate = join(bundleDir, '..', '..', 'assets', 'icon.png');
  return existsSync(candidate) ? candidate : undefined;
}
