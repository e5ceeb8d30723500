// Telephony headsets over WebHID (hook switch, mute, ring LEDs). Only HID devices exposing the
// Telephony usage page (0x0B, USB HID Usage Tables §14) are ever offered, and a device is
// granted only after the agent approved it once; approvals are remembered per vendorId/productId
// in DATA_DIR/hid-devices.json so the same headset model works after a restart or replug.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeJsonAtomically } from './json-file';

export const telephonyUsagePage = 0x0b;

export interface HidCollectionLike {
  usagePage: number;
  usage?: number;
  children?: readonly HidCollectionLike[];
}

export interface HidDeviceLike {
  deviceId?: string;
  name?: string;
  vendorId: number;
  productId: number;
  collections?: readonly HidCollectionLike[];
}

export interface ApprovedHidDevice {
  vendorId: number;
  productId: number;
  name: string;
  approvedAt: string;
}

export function isTelephonyDevice(device: HidDeviceLike): boolean {
  const visit = (collections: readonly HidCollectionLike[] | undefined): boolean =>
    (collections ?? []).some((collection) => collection.usagePage === telephonyUsagePage || visit(collection.children));
  return visit(device.collections);
}

export function isApproved(device: HidDeviceLike, approved: readonly ApprovedHidDevice[]): boolean {
  return approved.some((entry) => entry.vendorId === device.vendorId && entry.productId === device.productId);
}

/** setDevicePermissionHandler: approved models only, and never a device that is not telephony. */
export function mayUseHidDevice(device: HidDeviceLike, approved: readonly ApprovedHidDevice[]): boolean {
  // Some device objects handed to the permission handler carry no collections; the approval
  // itself was only possible for a telephony device, so it stands on its own there.
  if (device.collections && device.collections.length > 0 && !isTelephonyDevice(device)) return false;
  return isApproved(device, approved);
}

export type HidChoice<D extends HidDeviceLike> = { kind: 'use'; device: D } | { kind: 'ask'; candidates: D[] } | { kind: 'none' };

/** select-hid-device: reuse an approved headset, else ask the agent about the telephony ones. */
export function chooseHidDevice<D extends HidDeviceLike>(deviceList: readonly D[], approved: readonly ApprovedHidDevice[]): HidChoice<D> {
  const telephony = deviceList.filter(isTelephonyDevice);
  const known = telephony.find((device) => isApproved(device, approved));
  if (known) return { kind: 'use', device: known };
  return telephony.length > 0 ? { kind: 'ask', candidates: telephony } : { kind: 'none' };
}

export function hidApprovalsPath(dataDir: string): string {
  return join(dataDir, 'hid-devices.json');
}

function isUsbId(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 0xffff;
}

/** A missing or damaged file means "nothing approved yet", never a crash at start. */
export function loadHidApprovals(dataDir: string): ApprovedHidDevice[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(hidApprovalsPath(dataDir), 'utf8'));
  } catch {
    return [];
  }
  const list = (raw as { approved?: unknown } | null)?.approved;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry): ApprovedHidDevice[] => {
    const { vendorId, productId, name, approvedAt } = (entry ?? {}) as Record<string, unknown>;
    if (!isUsbId(vendorId) || !isUsbId(productId)) return [];
    return [{ vendorId, productId, name: typeof name === 'string' ? name.slice(0, 200) : '', approvedAt: typeof approvedAt === 'string' ? approvedAt : '' }];
  });
}

export function approveHidDevice(dataDir: string, device: HidDeviceLike, now: Date): ApprovedHidDevice[] {
  const current = loadHidApprovals(dataDir);
  if (isApproved(device, current)) return current;
  const next = [...current, { vendorId: device.vendorId, productId: device.productId, name: device.name ?? '', approvedAt: now.toISOString() }];
  writeJsonAtomically(hidApprovalsPath(dataDir), { approved: next });
  return next;
}
