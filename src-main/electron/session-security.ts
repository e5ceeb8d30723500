// Locks down the default session and every web contents: permission handlers, the HID device
// rule, a request filter against remote content, no downloads, no webviews, no navigation away
// from the app, no new windows. The decisions are the tested pure functions; this file wires them.
import { app, shell, type Session, type WebContents } from 'electron';
import { isAppUrl } from './app-origin';
import { mayUseHidDevice, type ApprovedHidDevice } from './hid-devices';
import { externalLinkTarget, mayNavigate, mayRequest } from './navigation';
import { decidePermission } from './permissions';

export interface SessionSecurityOptions {
  webSocketOrigins: readonly string[];
  externalHosts: readonly string[];
  hidApprovals: () => readonly ApprovedHidDevice[];
  log: { error(message: string, meta?: Record<string, unknown>): void };
}

export function secureSession(session: Session, options: SessionSecurityOptions): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const origin = details.requestingUrl ?? contents.getURL();
    callback(decidePermission({ permission, origin, mediaTypes: details.mediaTypes }));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    decidePermission({ permission, origin: requestingOrigin || details.requestingUrl, mediaType: details.mediaType }),
  );
  session.setDevicePermissionHandler((details) => {
    if (details.deviceType !== 'hid' || !isAppUrl(details.origin)) return false;
    const { vendorId, productId } = details.device;
    if (typeof vendorId !== 'number' || typeof productId !== 'number') return false;
    return mayUseHidDevice({ vendorId, productId, collections: details.device.collections }, options.hidApprovals());
  });
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = mayRequest(details.url, options.webSocketOrigins);
    if (!allowed) options.log.error('blocked request', { url: details.url.slice(0, 200) });
    callback({ cancel: !allowed });
  });
  session.on('will-download', (event) => event.preventDefault());
}

/** Applied to every web contents the app ever creates (app 'web-contents-created'). */
export function secureWebContents(contents: WebContents, options: Pick<SessionSecurityOptions, 'externalHosts' | 'log'>): void {
  const stayOnApp = (event: { preventDefault(): void; url?: string }, url?: string) => {
    const target = event.url ?? url ?? '';
    if (mayNavigate(target)) return;
    event.preventDefault();
    options.log.error('navigation refused', { url: target.slice(0, 200) });
  };
  contents.on('will-navigate', stayOnApp);
  contents.on('will-redirect', stayOnApp);
  contents.on('will-frame-navigate', stayOnApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalLinkTarget(url, options.externalHosts);
    if (external) shell.openExternal(external).catch(() => undefined);
    return { action: 'deny' };
  });
}

export function secureAllWebContents(options: Pick<SessionSecurityOptions, 'externalHosts' | 'log'>): void {
  app.on('web-contents-created', (_event, contents) => secureWebContents(contents, options));
}
