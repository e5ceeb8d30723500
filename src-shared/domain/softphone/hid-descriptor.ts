// USB HID report-descriptor parser (Device Class Definition for HID 1.11 §6.2.2). It produces
// the same shape WebHID exposes as HIDDevice.collections (HIDCollectionInfo / HIDReportInfo /
// HIDReportItem), so the headset logic runs unchanged on raw descriptor bytes (unit tests, the
// e2e fake device) and on what Chromium hands the renderer. Usages are extended 32-bit values
// (usage page << 16 | usage id), as in WebHID. Malformed input never throws: parsing stops at
// the first truncated item.
export interface HidReportItem {
  usages?: number[];
  usageMinimum?: number;
  usageMaximum?: number;
  isRange?: boolean;
  reportSize: number;
  reportCount: number;
  isConstant?: boolean;
  isArray?: boolean;
  isAbsolute?: boolean;
  logicalMinimum?: number;
  logicalMaximum?: number;
}

export interface HidReportInfo {
  reportId: number;
  items: HidReportItem[];
}

export interface HidCollectionInfo {
  usagePage: number;
  usage: number;
  type: number;
  children: HidCollectionInfo[];
  inputReports: HidReportInfo[];
  outputReports: HidReportInfo[];
  featureReports: HidReportInfo[];
}

interface Globals {
  usagePage: number;
  logicalMinimum: number;
  logicalMaximum: number;
  reportSize: number;
  reportCount: number;
  reportId: number;
}

function unsigned(bytes: Uint8Array, at: number, size: number): number {
  let v = 0;
  for (let i = size - 1; i >= 0; i--) v = v * 256 + bytes[at + i];
  return v;
}

function signed(bytes: Uint8Array, at: number, size: number): number {
  const u = unsigned(bytes, at, size);
  if (size === 0) return 0;
  const bits = size * 8;
  return u >= 2 ** (bits - 1) ? u - 2 ** bits : u;
}

function report(list: HidReportInfo[], reportId: number): HidReportInfo {
  let r = list.find((x) => x.reportId === reportId);
  if (!r) {
    r = { reportId, items: [] };
    list.push(r);
  }
  return r;
}

export function parseReportDescriptor(input: Uint8Array | readonly number[]): HidCollectionInfo[] {
  const bytes = input instanceof Uint8Array ? input : Uint8Array.from(input);
  const top: HidCollectionInfo[] = [];
  const stack: HidCollectionInfo[] = [];
  let g: Globals = { usagePage: 0, logicalMinimum: 0, logicalMaximum: 0, reportSize: 0, reportCount: 0, reportId: 0 };
  const globalStack: Globals[] = [];
  // Local usages keep their raw size: a 1–2 byte usage takes the usage page current at the
  // main item (as Linux's hid_concatenate_last_usage_page does), a 4-byte one carries its own.
  type RawUsage = { u: number; size: number };
  let usages: RawUsage[] = [];
  let usageMin: RawUsage | null = null;
  let usageMax: RawUsage | null = null;
  const extend = (r: RawUsage) => (r.size === 4 ? r.u >>> 0 : ((g.usagePage & 0xffff) * 0x10000 + (r.u & 0xffff)) >>> 0);
  const resetLocals = () => {
    usages = [];
    usageMin = usageMax = null;
  };

  let i = 0;
  while (i < bytes.length) {
    const prefix = bytes[i];
    if (prefix === 0xfe) {
      // Long item: skip (no standard long items are defined).
      if (i + 2 >= bytes.length) break;
      i += 3 + bytes[i + 1];
      continue;
    }
    const size = [0, 1, 2, 4][prefix & 0x03];
    const type = (prefix >> 2) & 0x03;
    const tag = prefix >> 4;
    if (i + 1 + size > bytes.length) break;
    const at = i + 1;
    const u = unsigned(bytes, at, size);
    i += 1 + size;

    if (type === 0) {
      // Main items
      if (tag === 0x8 || tag === 0x9 || tag === 0xb) {
        const collection = stack[stack.length - 1];
        if (collection) {
          const item: HidReportItem = {
            reportSize: g.reportSize,
            reportCount: g.reportCount,
            isConstant: (u & 0x01) !== 0,
            isArray: (u & 0x02) === 0,
            isAbsolute: (u & 0x04) === 0,
            logicalMinimum: g.logicalMinimum,
            logicalMaximum: g.logicalMaximum,
          };
          if (usageMin !== null && usageMax !== null) {
            item.isRange = true;
            item.usageMinimum = extend(usageMin);
            item.usageMaximum = extend(usageMax);
          } else {
            item.isRange = false;
            item.usages = usages.map(extend);
          }
          const list = tag === 0x8 ? collection.inputReports : tag === 0x9 ? collection.outputReports : collection.featureReports;
          report(list, g.reportId).items.push(item);
        }
        resetLocals();
      } else if (tag === 0xa) {
        const collection: HidCollectionInfo = {
          usagePage: g.usagePage,
          usage: usages.length > 0 ? extend(usages[0]) & 0xffff : 0,
          type: u,
          children: [],
          inputReports: [],
          outputReports: [],
          featureReports: [],
        };
        if (usages.length > 0) collection.usagePage = extend(usages[0]) >>> 16;
        (stack.length > 0 ? stack[stack.length - 1].children : top).push(collection);
        stack.push(collection);
        resetLocals();
      } else if (tag === 0xc) {
        stack.pop();
        resetLocals();
      }
    } else if (type === 1) {
      // Global items
      switch (tag) {
        case 0x0: g.usagePage = u; break;
        case 0x1: g.logicalMinimum = signed(bytes, at, size); break;
        case 0x2: g.logicalMaximum = g.logicalMinimum >= 0 ? u : signed(bytes, at, size); break;
        case 0x7: g.reportSize = u; break;
        case 0x8: g.reportId = u; break;
        case 0x9: g.reportCount = u; break;
        case 0xa: globalStack.push({ ...g }); break;
        case 0xb: g = globalStack.pop() ?? g; break;
        default: break; // physical min/max, unit, unit exponent: not needed here
      }
    } else if (type === 2) {
      // Local items
      switch (tag) {
        case 0x0: usages.push({ u, size }); break;
        case 0x1: usageMin = { u, size }; break;
        case 0x2: usageMax = { u, size }; break;
        default: break;
      }
    }
  }
  return top;
}

export function usageOf(page: number, id: number): number {
  return ((page & 0xffff) * 0x10000 + (id & 0xffff)) >>> 0;
}
