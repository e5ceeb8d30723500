// Sandboxed preload (bundled to dist/main/preload.cjs: sandboxed preloads cannot be ESM). It
// exposes one object, window.dealerdesk, built from the contract tables — see bridge.ts.
import { contextBridge, ipcRenderer } from 'electron';
import { eventNames, methodNames } from '../../src-shared/contract/index';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('dealerdesk', createBridge(ipcRenderer, { methodNames, eventNames }));
