import { describe, expect, it } from 'vitest';
import { readHostConfig } from './host-config';

describe('readHostConfig', () => {
  it('reads comma-separated lists and ignores blanks', () => {
    const config = readHostConfig({ DEALERDESK_SIP_SERVERS: ' wss://pbx.cn:7443/ws, ,ws://10.0.0.5:8088/ws', DEALERDESK_EXTERNAL_HOSTS: 'www.12123.gov.cn' }, true);
    expect(config).toEqual({ sipServers: ['wss://pbx.cn:7443/ws', 'ws://10.0.0.5:8088/ws'], externalHosts: ['www.12123.gov.cn'], devTools: false });
  });

  it('opens DevTools in development, and in a packaged build only on request', () => {
    expect(readHostConfig({}, false).devTools).toBe(true);
    expect(readHostConfig({}, true).devTools).toBe(false);
    expect(readHostConfig({ DEALERDESK_DEVTOOLS: '1' }, true).devTools).toBe(true);
    expect(readHostConfig({}, true)).toMatchObject({ sipServers: [], externalHosts: [] });
  });
});
