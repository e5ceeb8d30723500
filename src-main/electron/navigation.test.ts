import { describe, expect, it } from 'vitest';
import { externalLinkTarget, mayNavigate, mayRequest } from './navigation';

describe('mayNavigate', () => {
  it('keeps the window on the app', () => {
    expect(mayNavigate('app://dealerdesk/index.html#/customers')).toBe(true);
    expect(mayNavigate('https://example.com/')).toBe(false);
    expect(mayNavigate('file:///etc/passwd')).toBe(false);
    expect(mayNavigate('app://other/index.html')).toBe(false);
  });
});

describe('externalLinkTarget', () => {
  const hosts = ['www.12123.gov.cn', '*.dealer-group.cn'];
  it('opens allow-listed https links only', () => {
    expect(externalLinkTarget('https://www.12123.gov.cn/path?q=1', hosts)).toBe('https://www.12123.gov.cn/path?q=1');
    expect(externalLinkTarget('https://crm.dealer-group.cn/', hosts)).toBe('https://crm.dealer-group.cn/');
  });

  it('refuses everything else', () => {
    for (const url of [
      'http://www.12123.gov.cn/',
      'https://evil.cn/',
      'https://dealer-group.cn.evil.cn/',
      'https://evildealer-group.cn/',
      'https://user:pw@www.12123.gov.cn/',
      'file:///C:/Windows/system32/calc.exe',
      'javascript:alert(1)',
      'ms-settings:',
      'not a url',
    ]) {
      expect(externalLinkTarget(url, hosts), url).toBeNull();
    }
    expect(externalLinkTarget('https://www.12123.gov.cn/', [])).toBeNull();
  });
});

describe('mayRequest', () => {
  const sip = ['wss://pbx.dealer.cn:7443'];
  it('allows the app, in-memory data and the configured SIP servers', () => {
    expect(mayRequest('app://dealerdesk/assets/app.js', sip)).toBe(true);
    expect(mayRequest('blob:app://dealerdesk/1234', sip)).toBe(true);
    expect(mayRequest('data:image/png;base64,AAAA', sip)).toBe(true);
    expect(mayRequest('wss://pbx.dealer.cn:7443/ws', sip)).toBe(true);
  });

  it('blocks remote content and other sockets', () => {
    expect(mayRequest('https://cdn.example.com/lib.js', sip)).toBe(false);
    expect(mayRequest('http://127.0.0.1:8080/', sip)).toBe(false);
    expect(mayRequest('wss://pbx.dealer.cn:7444/ws', sip)).toBe(false);
    expect(mayRequest('ws://pbx.dealer.cn:7443/ws', sip)).toBe(false);
    expect(mayRequest('file:///etc/passwd', sip)).toBe(false);
    expect(mayRequest('app://elsewhere/x', sip)).toBe(false);
  });
});
