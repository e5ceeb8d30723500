// The two IPC channels between preload and main. The contract itself (method and event names,
// payload schemas) lives in src-shared/contract; these channels only carry it.
export const invokeChannel = 'contract:invoke';
export const eventChannel = 'contract:event';
