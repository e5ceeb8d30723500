import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './window-options';

const state = { bounds: { x: 10, y: 20, width: 1300, height: 900 }, maximized: false };

describe('mainWindowOptions', () => {
  it('isolates the renderer: context isolation, sandbox, no Node, no webview', () => {
    const { webPreferences } = mainWindowOptions({ preloadPath: '/app/dist/main/preload.cjs', state, devTools: false });
    expect(webPreferences).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
  });

  it('lets the phone ring without a user gesture', () => {
    expect(mainWindowOptions({ preloadPath: 'p', state, devTools: true }).webPreferences.autoplayPolicy).toBe('no-user-gesture-required');
  });

  it('opens hidden at the restored bounds', () => {
    const options = mainWindowOptions({ preloadPath: 'p', state, iconPath: '/app/assets/icon.png', devTools: true });
    expect(options).toMatchObject({ x: 10, y: 20, width: 1300, height: 900, show: false, icon: '/app/assets/icon.png' });
    expect(options.minWidth).toBeLessThanOrEqual(options.width);
  });
});
