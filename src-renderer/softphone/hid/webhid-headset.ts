// WebHID glue for telephony headsets: the device's collections (WebHID's parsed report
// descriptor) go through the same pure mapping as raw descriptor bytes in the unit tests
// (src-shared/domain/softphone/hid-headset.ts); input reports become softphone actions and the
// call state is echoed on the LEDs. Electron grants only approved telephony devices
// (src-main/electron/hid-devices.ts); in a browser the agent picks the device once.
import type { HidCollectionInfo } from '../../../src-shared/domain/softphone/hid-descriptor';
import { headsetActions, initialTracker, ledStateFor, type CallPhase, type HeadsetAction, type HeadsetTracker } from '../../../src-shared/domain/softphone/hid-call-control';
import { decodeInput, encodeLeds, isTelephonyHeadset, mapHeadset, telephonyPage, type HeadsetMap } from '../../../src-shared/domain/softphone/hid-headset';

interface HidDeviceLike extends EventTarget {
  opened: boolean;
  vendorId: number;
  productId: number;
  productName: string;
  collections: HidCollectionInfo[];
  open(): Promise<void>;
  close(): Promise<void>;
  sendReport(reportId: number, data: BufferSource): Promise<void>;
}

interface HidLike extends EventTarget {
  getDevices(): Promise<HidDeviceLike[]>;
  requestDevice(options: { filters: { usagePage?: number }[] }): Promise<HidDeviceLike[]>;
}

export interface HeadsetCallbacks {
  action(action: HeadsetAction): void;
  connected(name: string): void;
  unplugged(): void;
}

function hid(): HidLike | null {
  return (navigator as unknown as { hid?: HidLike }).hid ?? null;
}

export class WebHidHeadset {
  private device: HidDeviceLike | null = null;
  private map: HeadsetMap | null = null;
  private tracker: HeadsetTracker = initialTracker;
  private phase: CallPhase = 'idle';
  private muted = false;
  private lastLeds = '';

  constructor(private readonly callbacks: HeadsetCallbacks) {}

  static supported(): boolean {
    return hid() !== null;
  }

  /** Reconnect a device granted earlier, and follow plug/unplug. */
  async init(): Promise<void> {
    const api = hid();
    if (!api) return;
    api.addEventListener('connect', (e) => void this.attach((e as unknown as { device: HidDeviceLike }).device));
    api.addEventListener('disconnect', (e) => {
      if ((e as unknown as { device: HidDeviceLike }).device !== this.device) return;
      this.device = null;
      this.map = null;
      this.callbacks.unplugged();
    });
    for (const d of await api.getDevices()) if (await this.attach(d)) break;
  }

  /** Needs a user gesture in a browser. */
  async request(): Promise<boolean> {
    const api = hid();
    if (!api) return false;
    const devices = await api.requestDevice({ filters: [{ usagePage: telephonyPage }] });
    for (const d of devices) if (await this.attach(d)) return true;
    return false;
  }

  private async attach(device: HidDeviceLike): Promise<boolean> {
    if (this.device || !isTelephonyHeadset(device.collections)) return false;
    if (!device.opened) await device.open();
    this.device = device;
    this.map = mapHeadset(device.collections, device);
    this.tracker = initialTracker;
    device.addEventListener('inputreport', (e) => {
      const ev = e as unknown as { reportId: number; data: DataView };
      if (!this.map || this.device !== device) return;
      const inputs = decodeInput(this.map, ev.reportId, new Uint8Array(ev.data.buffer, ev.data.byteOffset, ev.data.byteLength));
      const { tracker, actions } = headsetActions(this.map, this.tracker, inputs, this.phase);
      this.tracker = tracker;
      for (const a of actions) this.callbacks.action(a);
    });
    this.callbacks.connected(device.productName || `${device.vendorId.toString(16)}:${device.productId.toString(16)}`);
    this.lastLeds = '';
    await this.sync();
    return true;
  }

  async update(phase: CallPhase, muted: boolean): Promise<void> {
    this.phase = phase;
    this.muted = muted;
    await this.sync();
  }

  private async sync(): Promise<void> {
    if (!this.device || !this.map) return;
    const reports = encodeLeds(this.map, ledStateFor(this.phase, this.muted));
    const key = reports.map((r) => `${r.reportId}:${[...r.data].join(',')}`).join('|');
    if (key === this.lastLeds) return;
    this.lastLeds = key;
    for (const r of reports) {
      try {
        await this.device.sendReport(r.reportId, r.data as unknown as BufferSource);
      } catch {
        // A device that went away mid-write: the disconnect event cleans up.
      }
    }
  }
}
