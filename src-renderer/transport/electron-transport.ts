// The Electron preload exposes exactly one object on window (style.md §10); this names its shape.
import type { ContractTransport } from '../../src-shared/contract/client';

export interface PreloadBridge extends ContractTransport {
  host: 'electron';
}

export function preloadBridge(target: unknown): PreloadBridge | null {
  const bridge = (target as { dealerdesk?: PreloadBridge } | undefined)?.dealerdesk;
  if (!bridge || typeof bridge.invoke !== 'function' || typeof bridge.onEvent !== 'function') return null;
  return bridge;
}
