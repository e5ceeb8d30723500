// A fake WebHID telephony headset injected with page.addInitScript: navigator.hid hands the app
// one already-granted device whose `collections` are the REAL Blackwire 3220 report descriptor
// parsed by the same parser the app uses, so the app's own mapping/decoding/encoding code path
// runs. The test presses buttons with window.__hid.input() and reads LED reports from
// window.__hid.out.
import { parseReportDescriptor, type HidCollectionInfo } from '../../../src-shared/domain/softphone/hid-descriptor';
import { plantronicsBlackwire3220Telephony } from '../../../src-shared/domain/softphone/hid-fixtures';

export const fakeHeadsetCollections: HidCollectionInfo[] = parseReportDescriptor(plantronicsBlackwire3220Telephony);

export function installFakeHid(collections: HidCollectionInfo[]): void {
  const out: { reportId: number; data: number[] }[] = [];
  const device = new EventTarget() as EventTarget & Record<string, unknown>;
  Object.assign(device, {
    opened: false, vendorId: 0x047f, productId: 0xc056, productName: 'Plantronics Blackwire 3220 Series', collections,
    async open() { device.opened = true; },
    async close() { device.opened = false; },
    async sendReport(reportId: number, data: BufferSource) {
      const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array((data as ArrayBufferView).buffer, (data as ArrayBufferView).byteOffset, (data as ArrayBufferView).byteLength);
      out.push({ reportId, data: [...bytes] });
    },
  });
  const hid = new EventTarget() as EventTarget & Record<string, unknown>;
  Object.assign(hid, {
    async getDevices() { return [device]; },
    async requestDevice() { return [device]; },
  });
  Object.defineProperty(navigator, 'hid', { value: hid, configurable: true });
  (window as unknown as { __hid: unknown }).__hid = {
    out,
    input(reportId: number, bytes: number[]) {
      const ev = new Event('inputreport') as Event & { reportId: number; data: DataView; device: unknown };
      Object.assign(ev, { reportId, data: new DataView(Uint8Array.from(bytes).buffer), device });
      device.dispatchEvent(ev);
    },
    unplug() {
      const ev = new Event('disconnect') as Event & { device: unknown };
      ev.device = device;
      hid.dispatchEvent(ev);
    },
  };
}
