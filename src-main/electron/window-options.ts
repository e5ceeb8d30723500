// The one BrowserWindow's options. Security settings are spelled out even where they are
// Electron's defaults, so a reader (and the test) sees them and a future default change
// cannot loosen them silently.
import type { WindowState } from './window-state';
import { minimumWindowSize } from './window-state';

export interface MainWindowOptionsInput {
  preloadPath: string;
  state: WindowState;
  iconPath?: string;
  devTools: boolean;
}

export function mainWindowOptions(input: MainWindowOptionsInput) {
  return {
    ...input.state.bounds,
    minWidth: minimumWindowSize.width,
    minHeight: minimumWindowSize.height,
    show: false,
    title: 'Dealerdesk 客服工作台',
    backgroundColor: '#f5f7fa',
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: input.devTools,
      // An incoming call must ring although the agent has not clicked anything yet.
      autoplayPolicy: 'no-user-gesture-required' as const,
    },
  };
}
