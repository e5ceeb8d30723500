// Settings the Electron host needs before the window opens. Until the softphone settings are
// stored in the desk, they come from the environment (set by the installer or an admin):
//   DEALERDESK_SIP_SERVERS     comma-separated SIP WebSocket URLs (wss://pbx:7443/ws), added to connect-src
//   DEALERDESK_EXTERNAL_HOSTS  comma-separated hosts (or *.domain) whose https links open in the system browser
//   DEALERDESK_DEVTOOLS=1      DevTools in a packaged build
export interface ElectronHostConfig {
  sipServers: string[];
  externalHosts: string[];
  devTools: boolean;
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

export function readHostConfig(env: Record<string, string | undefined>, isPackaged: boolean): ElectronHostConfig {
  return {
    sipServers: list(env.DEALERDESK_SIP_SERVERS),
    externalHosts: list(env.DEALERDESK_EXTERNAL_HOSTS),
    devTools: !isPackaged || env.DEALERDESK_DEVTOOLS === '1',
  };
}
