import { describe, expect, it } from 'vitest';
import { decidePermission } from './permissions';

const app = 'app://dealerdesk/index.html';

describe('decidePermission', () => {
  it('grants the microphone to the app, and nothing with video', () => {
    expect(decidePermission({ permission: 'media', origin: app, mediaTypes: ['audio'] })).toBe(true);
    expect(decidePermission({ permission: 'media', origin: 'app://dealerdesk', mediaType: 'audio' })).toBe(true);
    expect(decidePermission({ permission: 'media', origin: app, mediaTypes: ['audio', 'video'] })).toBe(false);
    expect(decidePermission({ permission: 'media', origin: app, mediaTypes: ['video'] })).toBe(false);
    expect(decidePermission({ permission: 'media', origin: app, mediaType: 'unknown' })).toBe(false);
    expect(decidePermission({ permission: 'media', origin: app, mediaTypes: [] })).toBe(false);
    expect(decidePermission({ permission: 'media', origin: app })).toBe(false);
  });

  it('lets the app ask for HID devices and write the clipboard', () => {
    expect(decidePermission({ permission: 'hid', origin: app })).toBe(true);
    expect(decidePermission({ permission: 'clipboard-sanitized-write', origin: app })).toBe(true);
  });

  it('denies every other permission, even to the app', () => {
    for (const permission of ['geolocation', 'notifications', 'display-capture', 'clipboard-read', 'midi', 'midiSysex', 'serial', 'usb', 'openExternal', 'pointerLock', 'mediaKeySystem', 'idle-detection', 'window-management', 'unknown']) {
      expect(decidePermission({ permission, origin: app }), permission).toBe(false);
    }
  });

  it('denies everything to any other origin', () => {
    for (const origin of ['https://evil.cn', 'file:///index.html', 'app://other/', '', undefined]) {
      expect(decidePermission({ permission: 'media', origin, mediaTypes: ['audio'] })).toBe(false);
      expect(decidePermission({ permission: 'hid', origin })).toBe(false);
      expect(decidePermission({ permission: 'clipboard-sanitized-write', origin })).toBe(false);
    }
  });
});
