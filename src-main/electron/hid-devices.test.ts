import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { approveHidDevice, chooseHidDevice, hidApprovalsPath, isTelephonyDevice, loadHidApprovals, mayUseHidDevice, type HidDeviceLike } from './hid-devices';

const headset: HidDeviceLike = { deviceId: 'h1', name: 'Jabra Evolve2 40', vendorId: 0x0b0e, productId: 0x24b8, collections: [{ usagePage: 0x0c }, { usagePage: 0x0b, usage: 0x05 }] };
const nestedHeadset: HidDeviceLike = { deviceId: 'h2', name: 'Poly Blackwire', vendorId: 0x047f, productId: 0xc056, collections: [{ usagePage: 0xff00, children: [{ usagePage: 0x0b }] }] };
const keyboard: HidDeviceLike = { deviceId: 'k1', name: 'USB Keyboard', vendorId: 0x046d, productId: 0xc31c, collections: [{ usagePage: 0x01, usage: 0x06 }] };
const now = new Date('2026-03-02T08:30:00Z');

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dealerdesk-hid-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

describe('telephony devices', () => {
  it('recognises the telephony usage page, also nested', () => {
    expect(isTelephonyDevice(headset)).toBe(true);
    expect(isTelephonyDevice(nestedHeadset)).toBe(true);
    expect(isTelephonyDevice(keyboard)).toBe(false);
    expect(isTelephonyDevice({ vendorId: 1, productId: 2 })).toBe(false);
  });

  it('asks about unapproved headsets, reuses approved ones, ignores the rest', () => {
    expect(chooseHidDevice([keyboard], [])).toEqual({ kind: 'none' });
    expect(chooseHidDevice([keyboard, headset, nestedHeadset], [])).toEqual({ kind: 'ask', candidates: [headset, nestedHeadset] });
    const approved = [{ vendorId: nestedHeadset.vendorId, productId: nestedHeadset.productId, name: 'Poly', approvedAt: '' }];
    expect(chooseHidDevice([keyboard, headset, nestedHeadset], approved)).toEqual({ kind: 'use', device: nestedHeadset });
  });

  it('grants device permission only to approved telephony models', () => {
    const approved = [
      { vendorId: headset.vendorId, productId: headset.productId, name: '', approvedAt: '' },
      { vendorId: keyboard.vendorId, productId: keyboard.productId, name: '', approvedAt: '' },
    ];
    expect(mayUseHidDevice(headset, approved)).toBe(true);
    expect(mayUseHidDevice({ vendorId: headset.vendorId, productId: headset.productId }, approved)).toBe(true);
    expect(mayUseHidDevice(keyboard, approved)).toBe(false);
    expect(mayUseHidDevice(nestedHeadset, approved)).toBe(false);
  });
});

describe('approval file', () => {
  it('remembers approvals across loads, once per model', () => {
    const dir = dataDir();
    expect(loadHidApprovals(dir)).toEqual([]);
    approveHidDevice(dir, headset, now);
    approveHidDevice(dir, { ...headset, deviceId: 'other-port' }, now);
    const loaded = loadHidApprovals(dir);
    expect(loaded).toEqual([{ vendorId: 0x0b0e, productId: 0x24b8, name: 'Jabra Evolve2 40', approvedAt: now.toISOString() }]);
    expect(JSON.parse(readFileSync(hidApprovalsPath(dir), 'utf8')).approved).toHaveLength(1);
  });

  it('treats a damaged file as no approvals and drops invalid entries', () => {
    const dir = dataDir();
    writeFileSync(hidApprovalsPath(dir), '{not json');
    expect(loadHidApprovals(dir)).toEqual([]);
    writeFileSync(hidApprovalsPath(dir), JSON.stringify({ approved: [{ vendorId: -1, productId: 2 }, { vendorId: 'x' }, null, { vendorId: 1, productId: 2 }] }));
    expect(loadHidApprovals(dir)).toEqual([{ vendorId: 1, productId: 2, name: '', approvedAt: '' }]);
  });
});
