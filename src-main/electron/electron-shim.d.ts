// A minimal ambient type for 'electron', covering only what src-main/electron/ uses. It exists
// because the electron package (which ships electron.d.ts) cannot be installed in the build
// sandbox: its postinstall downloads the binary. Signatures follow the Electron 45 API docs.
// On a machine where electron is installed this declaration still wins (ambient module
// declarations are consulted before node_modules), so type-checking is the same everywhere.
declare module 'electron' {
  export interface Rectangle {
    x: number;
    y: number;
    width: number;
    height: number;
  }

  export interface Display {
    id: number;
    bounds: Rectangle;
    workArea: Rectangle;
  }

  export interface PreventableEvent {
    preventDefault(): void;
  }

  export interface WebFrameMain {
    readonly url: string;
    readonly origin: string;
  }

  export interface HandlerDetails {
    url: string;
    frameName: string;
    disposition: string;
  }

  export interface WebContents {
    readonly id: number;
    send(channel: string, ...args: unknown[]): void;
    isDestroyed(): boolean;
    getURL(): string;
    setWindowOpenHandler(handler: (details: HandlerDetails) => { action: 'deny' }): void;
    on(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', listener: (event: PreventableEvent & { url?: string }, url?: string) => void): this;
    on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): this;
    on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): this;
  }

  export interface BrowserWindowConstructorOptions {
    [key: string]: unknown;
  }

  export class BrowserWindow {
    constructor(options?: BrowserWindowConstructorOptions);
    readonly webContents: WebContents;
    loadURL(url: string): Promise<void>;
    show(): void;
    focus(): void;
    restore(): void;
    maximize(): void;
    isMinimized(): boolean;
    isMaximized(): boolean;
    isDestroyed(): boolean;
    getNormalBounds(): Rectangle;
    on(event: 'close' | 'closed' | 'resize' | 'move' | 'maximize' | 'unmaximize', listener: () => void): this;
    once(event: 'ready-to-show', listener: () => void): this;
  }

  export interface App {
    readonly isPackaged: boolean;
    requestSingleInstanceLock(): boolean;
    whenReady(): Promise<void>;
    quit(): void;
    exit(exitCode?: number): void;
    getAppPath(): string;
    setAppUserModelId(id: string): void;
    on(event: 'second-instance', listener: () => void): this;
    on(event: 'window-all-closed' | 'will-quit' | 'activate', listener: () => void): this;
    on(event: 'before-quit', listener: (event: PreventableEvent) => void): this;
    on(event: 'web-contents-created', listener: (event: unknown, contents: WebContents) => void): this;
  }

  export interface CustomScheme {
    scheme: string;
    privileges?: {
      standard?: boolean;
      secure?: boolean;
      bypassCSP?: boolean;
      allowServiceWorkers?: boolean;
      supportFetchAPI?: boolean;
      corsEnabled?: boolean;
      stream?: boolean;
      codeCache?: boolean;
    };
  }

  export interface Protocol {
    registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
  }

  export interface HIDDevice {
    deviceId: string;
    name: string;
    vendorId: number;
    productId: number;
    serialNumber?: string;
    guid?: string;
    collections: Array<{ usage: number; usagePage: number; type?: number; children?: Array<{ usage: number; usagePage: number }> }>;
  }

  export interface PermissionRequestDetails {
    requestingUrl?: string;
    isMainFrame?: boolean;
    mediaTypes?: Array<'video' | 'audio'>;
    securityOrigin?: string;
  }

  export interface PermissionCheckDetails {
    requestingUrl?: string;
    isMainFrame?: boolean;
    mediaType?: 'video' | 'audio' | 'unknown';
    securityOrigin?: string;
    embeddingOrigin?: string;
  }

  export interface DevicePermissionHandlerDetails {
    deviceType: 'hid' | 'serial' | 'usb';
    origin: string;
    device: Partial<HIDDevice> & { vendorId?: number; productId?: number };
  }

  export interface SelectHidDeviceDetails {
    deviceList: HIDDevice[];
    frame: WebFrameMain | null;
  }

  export interface OnBeforeRequestListenerDetails {
    url: string;
    resourceType?: string;
  }

  export interface WebRequest {
    onBeforeRequest(listener: (details: OnBeforeRequestListenerDetails, callback: (response: { cancel?: boolean }) => void) => void): void;
  }

  export interface Session {
    readonly webRequest: WebRequest;
    setPermissionRequestHandler(handler: ((webContents: WebContents, permission: string, callback: (granted: boolean) => void, details: PermissionRequestDetails) => void) | null): void;
    setPermissionCheckHandler(handler: ((webContents: WebContents | null, permission: string, requestingOrigin: string, details: PermissionCheckDetails) => boolean) | null): void;
    setDevicePermissionHandler(handler: ((details: DevicePermissionHandlerDetails) => boolean) | null): void;
    on(event: 'select-hid-device', listener: (event: PreventableEvent, details: SelectHidDeviceDetails, callback: (deviceId?: string | null) => void) => void): this;
    on(event: 'will-download', listener: (event: PreventableEvent) => void): this;
  }

  export interface IpcMainInvokeEvent {
    readonly sender: WebContents;
    readonly senderFrame: WebFrameMain | null;
  }

  export interface IpcMain {
    handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
    removeHandler(channel: string): void;
  }

  export interface IpcRendererEvent {
    readonly sender: unknown;
  }

  export interface IpcRenderer {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>;
    on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): this;
    removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): this;
  }

  export interface ContextBridge {
    exposeInMainWorld(apiKey: string, api: unknown): void;
  }

  export interface MessageBoxOptions {
    type?: 'none' | 'info' | 'error' | 'question' | 'warning';
    buttons?: string[];
    defaultId?: number;
    cancelId?: number;
    title?: string;
    message: string;
    detail?: string;
    noLink?: boolean;
  }

  export interface Dialog {
    showMessageBox(window: BrowserWindow, options: MessageBoxOptions): Promise<{ response: number }>;
    showErrorBox(title: string, content: string): void;
  }

  export interface SafeStorage {
    isEncryptionAvailable(): boolean;
    encryptString(plainText: string): Buffer;
    decryptString(encrypted: Buffer): string;
    getSelectedStorageBackend(): string;
  }

  export const app: App;
  export const protocol: Protocol;
  export const session: { readonly defaultSession: Session };
  export const screen: { getAllDisplays(): Display[]; getPrimaryDisplay(): Display };
  export const shell: { openExternal(url: string): Promise<void> };
  export const ipcMain: IpcMain;
  export const ipcRenderer: IpcRenderer;
  export const contextBridge: ContextBridge;
  export const dialog: Dialog;
  export const safeStorage: SafeStorage;
  export const Menu: { setApplicationMenu(menu: null): void };
}
