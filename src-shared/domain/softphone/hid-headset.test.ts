import { describe, expect, it } from 'vitest';
import { parseReportDescriptor } from './hid-descriptor';
import { headsetActions, initialTracker, ledStateFor } from './hid-call-control';
import { gigasetStyleSingleReport, logitechUsbHeadsetConsumer, plantronicsBlackwire3220Telephony } from './hid-fixtures';
import { decodeInput, encodeLeds, isTelephonyHeadset, mapHeadset } from './hid-headset';

describe('Poly/Plantronics Blackwire 3220 (real descriptor)', () => {
  const collections = parseReportDescriptor(plantronicsBlackwire3220Telephony);
  const map = mapHeadset(collections, { vendorId: 0x047f, productId: 0xc056 });

  it('parses the telephony application collection', () => {
    expect(collections).toHaveLength(1);
    expect(collections[0]).toMatchObject({ usagePage: 0x0b, usage: 0x05, type: 1 });
    expect(isTelephonyHeadset(collections)).toBe(true);
  });

  it('finds inputs and LEDs from the descriptor', () => {
    expect(map.phoneMute).toMatchObject({ reportId: 8, bitOffset: 0, bitSize: 1, relative: true });
    expect(map.hookSwitch).toMatchObject({ reportId: 8, bitOffset: 1, bitSize: 1, relative: false });
    expect(map.leds.mute).toMatchObject({ reportId: 9, bitOffset: 0 });
    expect(map.leds.offHook).toMatchObject({ reportId: 0x17, bitOffset: 0 });
    expect(map.leds.ring).toMatchObject({ reportId: 0x18 });
    expect(map.leds.hold).toMatchObject({ reportId: 0x20 });
    expect(map.outputReportBytes[0x17]).toBe(1);
  });

  it('decodes hook switch and mute from report 8', () => {
    expect(decodeInput(map, 8, Uint8Array.of(0b10))).toEqual({ hookSwitch: true, phoneMute: false });
    expect(decodeInput(map, 8, Uint8Array.of(0b01))).toEqual({ hookSwitch: false, phoneMute: true });
    expect(decodeInput(map, 9, Uint8Array.of(0xff))).toEqual({});
  });

  it('encodes LEDs as one output report per LED', () => {
    const reports = encodeLeds(map, { offHook: true, mute: false, ring: false, hold: true });
    expect(reports.map((r) => [r.reportId, [...r.data]])).toEqual([
      [0x09, [0]],
      [0x17, [1]],
      [0x18, [0]],
      [0x20, [1]],
    ]);
  });

  it('answers on hook rising edge while ringing, hangs up on falling edge, ignores repeats', () => {
    let t = initialTracker;
    let r = headsetActions(map, t, decodeInput(map, 8, Uint8Array.of(0b10)), 'ringing');
    expect(r.actions).toEqual(['answer']);
    t = r.tracker;
    r = headsetActions(map, t, decodeInput(map, 8, Uint8Array.of(0b10)), 'in-call');
    expect(r.actions).toEqual([]);
    r = headsetActions(map, r.tracker, decodeInput(map, 8, Uint8Array.of(0b11)), 'in-call');
    expect(r.actions).toEqual(['toggle-mute']);
    r = headsetActions(map, r.tracker, decodeInput(map, 8, Uint8Array.of(0b00)), 'in-call');
    expect(r.actions).toEqual(['hangup']);
  });
});

describe('Logitech USB Headset consumer interface (real descriptor, no telephony page)', () => {
  const collections = parseReportDescriptor(logitechUsbHeadsetConsumer);
  it('is not a telephony headset and maps nothing', () => {
    expect(collections[0]).toMatchObject({ usagePage: 0x0c, usage: 0x01 });
    expect(collections[0].children[0]).toMatchObject({ usagePage: 0x0c, usage: 0x36, type: 2 });
    expect(isTelephonyHeadset(collections)).toBe(false);
    const map = mapHeadset(collections);
    expect(map.hookSwitch).toBeUndefined();
    expect(encodeLeds(map, { offHook: true, mute: true, ring: true, hold: true })).toEqual([]);
  });
  it('sizes its reports from the descriptor', () => {
    const out = collections[0].outputReports.find((r) => r.reportId === 4);
    expect(out?.items[0]).toMatchObject({ reportSize: 8, reportCount: 36 });
  });
});

describe('packed single-report layout', () => {
  const map = mapHeadset(parseReportDescriptor(gigasetStyleSingleReport), { vendorId: 0x0b0e, productId: 1 });
  it('places every LED bit in report 2 and echoes mute on the microphone LED for Jabra', () => {
    expect(map.hookSwitch).toMatchObject({ reportId: 2, bitOffset: 0 });
    expect(map.phoneMute).toMatchObject({ reportId: 2, bitOffset: 3 });
    expect(map.drop).toMatchObject({ reportId: 2, bitOffset: 7 });
    expect(map.outputReportBytes[2]).toBe(2);
    const [report] = encodeLeds(map, ledStateFor('ringing', false));
    expect([...report.data]).toEqual([0b100, 0]);
    const [muted] = encodeLeds(map, ledStateFor('in-call', true));
    expect([...muted.data]).toEqual([0b10011, 0]);
  });
  it('declines with the reject button while ringing', () => {
    const r = headsetActions(map, initialTracker, decodeInput(map, 2, Uint8Array.of(0x80, 0)), 'ringing');
    expect(r.actions).toEqual(['decline']);
  });
});

describe('parser robustness', () => {
  it('never throws on truncated or random bytes', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 500; n++) {
      const bytes = Uint8Array.from({ length: Math.floor(rand() * 64) }, () => Math.floor(rand() * 256));
      expect(() => mapHeadset(parseReportDescriptor(bytes))).not.toThrow();
    }
    expect(parseReportDescriptor(plantronicsBlackwire3220Telephony.slice(0, 17))[0].inputReports).toHaveLength(0);
  });
});
