// Telephony headset over HID, driven by the device's own report layout (HID Usage Tables 1.4:
// Telephony page 0x0B §14, LED page 0x08 §11). `mapHeadset` finds where the hook switch and
// phone mute inputs and the off-hook / mute / ring / hold LEDs live (report id, bit offset,
// size) in the collections — parsed from raw descriptor bytes or taken from WebHID — so no
// model is hard-coded. Bit offsets count from the first data byte after the report id, as
// WebHID's inputreport `data` and sendReport(reportId, data) do.
import type { HidCollectionInfo, HidReportInfo, HidReportItem } from './hid-descriptor';
import { usageOf } from './hid-descriptor';
import { quirksFor, type HeadsetQuirks } from './hid-quirks';

export const telephonyPage = 0x0b;
export const ledPage = 0x08;
export const usages = {
  hookSwitch: usageOf(telephonyPage, 0x20),
  flash: usageOf(telephonyPage, 0x21),
  drop: usageOf(telephonyPage, 0x26),
  phoneMute: usageOf(telephonyPage, 0x2f),
  ledMute: usageOf(ledPage, 0x09),
  ledOffHook: usageOf(ledPage, 0x17),
  ledRing: usageOf(ledPage, 0x18),
  ledHold: usageOf(ledPage, 0x20),
  ledMicrophone: usageOf(ledPage, 0x21),
  telephonyRinger: usageOf(telephonyPage, 0x9e),
} as const;

export interface HidField {
  reportId: number;
  bitOffset: number;
  bitSize: number;
  /** Relative (momentary/toggle) control rather than an absolute state. */
  relative: boolean;
  /** Array field: the value is an index into `arrayUsages` instead of a 0/1 state. */
  arrayUsages?: number[];
  arrayLogicalMinimum?: number;
}

export interface HeadsetMap {
  hookSwitch?: HidField;
  phoneMute?: HidField;
  drop?: HidField;
  leds: Partial<Record<'offHook' | 'mute' | 'ring' | 'hold' | 'microphone', HidField>>;
  /** Byte length of each output report's data (without the report id). */
  outputReportBytes: Record<number, number>;
  quirks: HeadsetQuirks;
}

function walk(collections: readonly HidCollectionInfo[], visit: (c: HidCollectionInfo) => void): void {
  for (const c of collections) {
    visit(c);
    walk(c.children ?? [], visit);
  }
}

function fieldsOf(report: HidReportInfo, onField: (usage: number, field: HidField) => void): number {
  let bit = 0;
  for (const item of report.items) {
    const size = item.reportSize;
    const count = item.reportCount;
    if (!item.isConstant) {
      if (item.isArray) {
        const list = arrayUsages(item);
        for (let k = 0; k < count; k++) {
          const field: HidField = { reportId: report.reportId, bitOffset: bit + k * size, bitSize: size, relative: !item.isAbsolute, arrayUsages: list, arrayLogicalMinimum: item.logicalMinimum ?? 0 };
          for (const u of list) onField(u, field);
        }
      } else {
        for (let k = 0; k < count; k++) {
          const u = variableUsage(item, k);
          if (u !== null) onField(u, { reportId: report.reportId, bitOffset: bit + k * size, bitSize: size, relative: !item.isAbsolute });
        }
      }
    }
    bit += size * count;
  }
  return bit;
}

function arrayUsages(item: HidReportItem): number[] {
  if (item.isRange && item.usageMinimum !== undefined && item.usageMaximum !== undefined) {
    const out: number[] = [];
    for (let u = item.usageMinimum; u <= item.usageMaximum && out.length < 1024; u++) out.push(u);
    return out;
  }
  return item.usages ?? [];
}

function variableUsage(item: HidReportItem, k: number): number | null {
  if (item.isRange && item.usageMinimum !== undefined && item.usageMaximum !== undefined) {
    const u = item.usageMinimum + k;
    return u <= item.usageMaximum ? u : null;
  }
  const list = item.usages ?? [];
  if (list.length === 0) return null;
  return list[Math.min(k, list.length - 1)];
}

/** Whether any collection is on the Telephony page (what Electron's HID grant also checks). */
export function isTelephonyHeadset(collections: readonly HidCollectionInfo[]): boolean {
  let found = false;
  walk(collections, (c) => {
    if (c.usagePage === telephonyPage) found = true;
  });
  return found;
}

export function mapHeadset(collections: readonly HidCollectionInfo[], device: { vendorId: number; productId: number } = { vendorId: 0, productId: 0 }): HeadsetMap {
  const map: HeadsetMap = { leds: {}, outputReportBytes: {}, quirks: quirksFor(device.vendorId, device.productId) };
  const ledNames: Record<number, keyof HeadsetMap['leds']> = {
    [usages.ledOffHook]: 'offHook',
    [usages.ledMute]: 'mute',
    [usages.ledRing]: 'ring',
    [usages.ledHold]: 'hold',
    [usages.ledMicrophone]: 'microphone',
  };
  walk(collections, (c) => {
    for (const r of c.inputReports ?? []) {
      fieldsOf(r, (u, f) => {
        if (u === usages.hookSwitch) map.hookSwitch ??= f;
        else if (u === usages.phoneMute) map.phoneMute ??= f;
        else if (u === usages.drop) map.drop ??= f;
      });
    }
    for (const r of c.outputReports ?? []) {
      const bits = fieldsOf(r, (u, f) => {
        const name = ledNames[u];
        if (name && !f.arrayUsages) map.leds[name] ??= f;
      });
      map.outputReportBytes[r.reportId] = Math.max(map.outputReportBytes[r.reportId] ?? 0, Math.ceil(bits / 8));
    }
  });
  return map;
}

export function readField(data: Uint8Array, field: HidField): number {
  let v = 0;
  for (let b = 0; b < field.bitSize && b < 32; b++) {
    const bit = field.bitOffset + b;
    const byte = data[bit >> 3];
    if (byte === undefined) break;
    if ((byte >> (bit & 7)) & 1) v |= 1 << b;
  }
  return v >>> 0;
}

function writeField(data: Uint8Array, field: HidField, value: number): void {
  for (let b = 0; b < field.bitSize && b < 32; b++) {
    const bit = field.bitOffset + b;
    if (bit >> 3 >= data.length) break;
    if ((value >> b) & 1) data[bit >> 3] |= 1 << (bit & 7);
    else data[bit >> 3] &= ~(1 << (bit & 7));
  }
}

/** 1 when the field's usage is asserted in this report (variable bit or array index). */
function asserted(data: Uint8Array, field: HidField, usage: number): boolean {
  const v = readField(data, field);
  if (!field.arrayUsages) return v !== 0;
  return field.arrayUsages[v - (field.arrayLogicalMinimum ?? 0)] === usage;
}

export interface HeadsetInputs {
  hookSwitch?: boolean;
  phoneMute?: boolean;
  drop?: boolean;
}

/** The telephony controls present in one input report. */
export function decodeInput(map: HeadsetMap, reportId: number, data: Uint8Array): HeadsetInputs {
  const out: HeadsetInputs = {};
  if (map.hookSwitch?.reportId === reportId) out.hookSwitch = asserted(data, map.hookSwitch, usages.hookSwitch);
  if (map.phoneMute?.reportId === reportId) out.phoneMute = asserted(data, map.phoneMute, usages.phoneMute);
  if (map.drop?.reportId === reportId) out.drop = asserted(data, map.drop, usages.drop);
  return out;
}

export interface LedState {
  offHook: boolean;
  mute: boolean;
  ring: boolean;
  hold: boolean;
}

/** Output reports that put the headset LEDs in `state`; one per report id touched. */
export function encodeLeds(map: HeadsetMap, state: LedState): { reportId: number; data: Uint8Array }[] {
  const reports = new Map<number, Uint8Array>();
  const set = (field: HidField | undefined, on: boolean) => {
    if (!field) return;
    let data = reports.get(field.reportId);
    if (!data) {
      data = new Uint8Array(map.outputReportBytes[field.reportId] ?? Math.ceil((field.bitOffset + field.bitSize) / 8));
      reports.set(field.reportId, data);
    }
    writeField(data, field, on ? 1 : 0);
  };
  set(map.leds.offHook, state.offHook);
  set(map.leds.mute, state.mute);
  if (map.quirks.echoMuteOnMicrophoneLed) set(map.leds.microphone, state.mute);
  set(map.leds.ring, state.ring);
  set(map.leds.hold, state.hold);
  return [...reports.entries()].sort((a, b) => a[0] - b[0]).map(([reportId, data]) => ({ reportId, data }));
}
