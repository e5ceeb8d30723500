import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, webSocketOrigins } from './csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((part) => {
    const [name, ...values] = part.trim().split(/\s+/);
    return [name, values] as const;
  }));
}

describe('contentSecurityPolicy', () => {
  it('allows only the app itself by default', () => {
    const policy = directives(contentSecurityPolicy());
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('media-src')).toEqual(["'self'", 'blob:']);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-eval|\*|https?:|ws:(?!\/)/);
  });

  it('adds the configured SIP WebSocket servers, as origins, to connect-src only', () => {
    const policy = contentSecurityPolicy({ sipServers: ['wss://pbx.dealer.cn:7443/ws', 'ws://10.0.0.5:8088/ws', 'wss://pbx.dealer.cn:7443/other'] });
    expect(directives(policy).get('connect-src')).toEqual(["'self'", 'wss://pbx.dealer.cn:7443', 'ws://10.0.0.5:8088']);
    expect(directives(policy).get('script-src')).toEqual(["'self'"]);
  });

  it('can drop inline styles', () => {
    expect(directives(contentSecurityPolicy({ inlineStyles: false })).get('style-src')).toEqual(["'self'"]);
    expect(directives(contentSecurityPolicy()).get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('never lets a setting inject a directive or widen the policy', () => {
    const policy = contentSecurityPolicy({ sipServers: ["wss://a.cn; script-src 'unsafe-eval'", 'wss://*', 'https://pbx.cn', 'wss:', 'not a url', 'wss://u:p@pbx.cn/'] });
    expect(directives(policy).get('connect-src')).toEqual(["'self'"]);
    expect(policy).not.toContain('unsafe-eval');
  });
});

describe('webSocketOrigins', () => {
  it('reports what it rejected', () => {
    expect(webSocketOrigins(['wss://ok.cn/ws', 'http://no.cn'])).toEqual({ origins: ['wss://ok.cn'], rejected: ['http://no.cn'] });
  });
});
