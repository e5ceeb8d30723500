import { describe, expect, it } from 'vitest';
import { appEntryUrl, appOrigin, isAppUrl, isTrustedFrame } from './app-origin';

describe('isAppUrl', () => {
  it('accepts the app origin and its pages', () => {
    expect(isAppUrl(appOrigin)).toBe(true);
    expect(isAppUrl(`${appOrigin}/`)).toBe(true);
    expect(isAppUrl(appEntryUrl)).toBe(true);
    expect(isAppUrl(`${appOrigin}/assets/index-abc.js?x=1#top`)).toBe(true);
  });

  it('refuses other schemes, hosts, look-alikes and junk', () => {
    for (const value of [
      'https://dealerdesk/',
      'file:///index.html',
      'app://dealerdesk.evil.com/',
      'app://evil/',
      'app://dealerdesk:8080/',
      'app://user@dealerdesk/',
      'http://127.0.0.1:5173/',
      'null',
      '',
      undefined,
      null,
      42,
    ]) {
      expect(isAppUrl(value), String(value)).toBe(false);
    }
  });
});

describe('isTrustedFrame', () => {
  it('trusts only a live frame showing the app', () => {
    expect(isTrustedFrame({ url: appEntryUrl, origin: appOrigin })).toBe(true);
    expect(isTrustedFrame({ url: appEntryUrl })).toBe(true);
    expect(isTrustedFrame(null)).toBe(false);
    expect(isTrustedFrame(undefined)).toBe(false);
    expect(isTrustedFrame({ url: 'https://evil.cn/', origin: 'https://evil.cn' })).toBe(false);
    expect(isTrustedFrame({ url: appEntryUrl, origin: 'null' })).toBe(false);
    expect(isTrustedFrame({ url: '', origin: appOrigin })).toBe(false);
  });
});
