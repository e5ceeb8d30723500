// Sandboxed preload (bundled to dist/main/preload.cjs: sandboxed preloads cannot be ESM). It
// exposes one object, window.dealerdesk, built from the contract tables — see bridge.ts.
// The contract's names are inlined by scripts/build-preload.mjs, so the schemas stay out of it.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

declare const DEALERDESK_METHOD_NAMES: readonly string[];
declare const DEALERDESK_EVENT_NAMES: readonly string[];

contextBridge.exposeInMainWorld('dealerdesk', createBridge(ipcRenderer, { methodNames: DEALERDESK_METHOD_NAMES, eventNames: DEALERDESK_EVENT_NAMES }));
