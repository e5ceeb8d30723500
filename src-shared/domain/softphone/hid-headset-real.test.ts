// The HID mapping against descriptors dumped from real headsets (hid-fixtures-real.ts). The
// expected offsets were read off an independent item-by-item decode of each dump, not from the
// parser's own output.
import { describe, expect, it } from 'vitest';
import { headsetActions, initialTracker, ledStateFor } from './hid-call-control';
import { parseReportDescriptor } from './hid-descriptor';
import {
  eposImpactD, eposImpactD1, jabraBiz2400II, jabraEvolveLinkMs, jabraSpeak810, plantronicsBlackwireC5220,
  polyVoyagerBaseCd, sennheiserSc660AncUsb, yealinkWh66,
} from './hid-fixtures-real';
import { decodeInput, encodeLeds, isTelephonyHeadset, mapHeadset } from './hid-headset';

type Bit = [reportId: number, bitOffset: number];
interface Expected {
  name: string;
  bytes: Uint8Array;
  vendorId: number;
  productId: number;
  hook: Bit;
  mute: Bit;
  drop?: Bit;
  leds: { offHook: Bit; mute: Bit; ring: Bit; hold: Bit; microphone?: Bit };
}

const devices: Expected[] = [
  // Jabra/GN and Yealink share one layout: report 2 carries both the buttons and the LEDs.
  { name: 'Jabra BIZ 2400 II', bytes: jabraBiz2400II, vendorId: 0x0b0e, productId: 0x2453, hook: [2, 0], mute: [2, 2], leds: { offHook: [2, 0], mute: [2, 1], ring: [2, 2], hold: [2, 3], microphone: [2, 4] } },
  { name: 'Jabra EVOLVE LINK MS', bytes: jabraEvolveLinkMs, vendorId: 0x0b0e, productId: 0x0307, hook: [2, 0], mute: [2, 2], leds: { offHook: [2, 0], mute: [2, 1], ring: [2, 2], hold: [2, 3], microphone: [2, 4] } },
  { name: 'Jabra SPEAK 810', bytes: jabraSpeak810, vendorId: 0x0b0e, productId: 0x2456, hook: [2, 0], mute: [2, 2], leds: { offHook: [2, 0], mute: [2, 1], ring: [2, 2], hold: [2, 3], microphone: [2, 4] } },
  { name: 'Yealink WH66', bytes: yealinkWh66, vendorId: 0x6993, productId: 0xb02b, hook: [2, 0], mute: [2, 2], leds: { offHook: [2, 0], mute: [2, 1], ring: [2, 2], hold: [2, 3], microphone: [2, 4] } },
  { name: 'Sennheiser SC 660 ANC USB', bytes: sennheiserSc660AncUsb, vendorId: 0x1395, productId: 0x0082, hook: [8, 1], mute: [8, 0], drop: [8, 4], leds: { mute: [9, 0], offHook: [9, 1], ring: [9, 2], microphone: [9, 3], hold: [9, 5] } },
  { name: 'EPOS IMPACT D1', bytes: eposImpactD1, vendorId: 0x1395, productId: 0x009c, hook: [2, 0], mute: [2, 3], drop: [2, 4], leds: { offHook: [3, 0], microphone: [3, 1], ring: [3, 2], mute: [3, 3], hold: [3, 5] } },
  // Volume keys of the consumer page come first in the same report; the ringer precedes the LEDs.
  { name: 'EPOS IMPACT D', bytes: eposImpactD, vendorId: 0x1395, productId: 0x00a9, hook: [2, 2], mute: [2, 5], drop: [2, 6], leds: { offHook: [3, 1], microphone: [3, 2], ring: [3, 3], mute: [3, 4], hold: [3, 6] } },
  // Poly: each LED its own one-byte output report.
  { name: 'Plantronics Blackwire C5220', bytes: plantronicsBlackwireC5220, vendorId: 0x047f, productId: 0xc053, hook: [8, 1], mute: [8, 0], leds: { mute: [9, 0], offHook: [0x17, 0], ring: [0x18, 0], hold: [0x20, 0] } },
  { name: 'Poly Voyager Base CD', bytes: polyVoyagerBaseCd, vendorId: 0x047f, productId: 0x02ec, hook: [1, 0], mute: [1, 1], leds: { ring: [1, 0], mute: [3, 0], offHook: [4, 0], hold: [5, 0] } },
];

const bit = ([reportId, bitOffset]: Bit) => expect.objectContaining({ reportId, bitOffset, bitSize: 1 });

describe.each(devices)('$name (real descriptor)', (d) => {
  const collections = parseReportDescriptor(d.bytes);
  const map = mapHeadset(collections, { vendorId: d.vendorId, productId: d.productId });

  it('is recognised as a telephony headset', () => {
    expect(isTelephonyHeadset(collections)).toBe(true);
  });

  it('finds hook switch (absolute), phone mute (relative) and the LEDs from the descriptor', () => {
    expect(map.hookSwitch).toEqual(bit(d.hook));
    expect(map.hookSwitch?.relative).toBe(false);
    expect(map.phoneMute).toEqual(bit(d.mute));
    expect(map.phoneMute?.relative).toBe(true);
    if (d.drop) expect(map.drop).toEqual(bit(d.drop));
    for (const [led, where] of Object.entries(d.leds)) expect(map.leds[led as keyof typeof d.leds], led).toEqual(bit(where));
  });

  it('decodes a hook press and a mute press at their own bits', () => {
    const [hookReport, hookBit] = d.hook;
    const size = Math.max(hookBit, d.mute[1]) / 8 + 1;
    const off = new Uint8Array(Math.ceil(size) + 1);
    const offHook = off.slice();
    offHook[hookBit >> 3] |= 1 << (hookBit & 7);
    expect(decodeInput(map, hookReport, offHook)).toMatchObject({ hookSwitch: true });
    expect(decodeInput(map, hookReport, off)).toMatchObject({ hookSwitch: false });
    const muted = off.slice();
    muted[d.mute[1] >> 3] |= 1 << (d.mute[1] & 7);
    expect(decodeInput(map, d.mute[0], muted)).toMatchObject({ phoneMute: true });
    // ringing → lift the hook → answer; mute press → toggle; hook down → hang up
    let r = headsetActions(map, initialTracker, decodeInput(map, hookReport, off), 'ringing');
    r = headsetActions(map, r.tracker, decodeInput(map, hookReport, offHook), 'ringing');
    expect(r.actions).toEqual(['answer']);
    if (d.mute[0] === hookReport) {
      const both = offHook.slice();
      both[d.mute[1] >> 3] |= 1 << (d.mute[1] & 7);
      r = headsetActions(map, r.tracker, decodeInput(map, hookReport, both), 'in-call');
      expect(r.actions).toEqual(['toggle-mute']);
    }
    r = headsetActions(map, r.tracker, decodeInput(map, hookReport, off), 'in-call');
    expect(r.actions).toEqual(['hangup']);
  });

  it('lights exactly the off-hook and mute LEDs in a muted call, and only ring while ringing', () => {
    const lit = (state: ReturnType<typeof ledStateFor>) => {
      const on: string[] = [];
      const reports = new Map(encodeLeds(map, state).map((r) => [r.reportId, r.data]));
      for (const [led, where] of Object.entries(d.leds)) {
        const data = reports.get(where[0]);
        if (data && (data[where[1] >> 3] >> (where[1] & 7)) & 1) on.push(led);
      }
      return on.sort();
    };
    const jabraEchoesMute = d.vendorId === 0x0b0e; // quirk: LED Microphone mirrors mute
    expect(lit(ledStateFor('in-call', true))).toEqual(jabraEchoesMute ? ['microphone', 'mute', 'offHook'] : ['mute', 'offHook']);
    expect(lit(ledStateFor('ringing', false))).toEqual(['ring']);
    expect(lit(ledStateFor('held', false))).toEqual(['hold', 'offHook']);
    expect(lit(ledStateFor('idle', false))).toEqual([]);
  });
});
