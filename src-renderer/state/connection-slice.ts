import type { ConnectionStatus } from '../transport/websocket-transport';

export interface ConnectionSliceState {
  host: 'electron' | 'browser';
  status: ConnectionStatus;
  /** True once the socket was open at least once: a later drop shows the banner. */
  wasOpen: boolean;
}

export const initialConnectionState: ConnectionSliceState = {
  host: 'browser',
  status: { state: 'connecting', attempt: 1 },
  wasOpen: false,
};

export function connectionChanged(state: ConnectionSliceState, status: ConnectionStatus): ConnectionSliceState {
  return { ...state, status, wasOpen: state.wasOpen || status.state === 'open' };
}

/** The banner shows while the host is unreachable, including the very first connect taking long. */
export function showConnectionBanner(state: ConnectionSliceState): boolean {
  if (state.status.state === 'down' || state.status.state === 'closed') return true;
  return state.status.state === 'connecting' && (state.wasOpen || state.status.attempt > 1);
}
