// The single desk window: restored to where it was (clamped to a display that still exists),
// shown when ready, and its bounds saved when it closes.
import { BrowserWindow, screen } from 'electron';
import { appEntryUrl } from './app-origin';
import { mainWindowOptions } from './window-options';
import { loadWindowState, restoreWindowState, saveWindowState } from './window-state';

export interface MainWindowOptions {
  dataDir: string;
  preloadPath: string;
  iconPath?: string;
  devTools: boolean;
  log: { error(message: string, meta?: Record<string, unknown>): void };
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const primary = screen.getPrimaryDisplay();
  const displays = [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)];
  const state = restoreWindowState(loadWindowState(options.dataDir), displays);
  const window = new BrowserWindow(mainWindowOptions({ preloadPath: options.preloadPath, state, iconPath: options.iconPath, devTools: options.devTools }));
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    try {
      saveWindowState(options.dataDir, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      options.log.error('window state not saved', { error: String(error) });
    }
  });
  window.webContents.on('render-process-gone', (_event, details) => options.log.error('renderer gone', { reason: details.reason, exitCode: details.exitCode }));
  window.loadURL(appEntryUrl).catch((error: unknown) => options.log.error('window failed to load', { error: String(error) }));
  return window;
}

export function focusWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
