// A customer as a snapshot page carries it (src-server/store/snapshot-page.ts, written by
// src-main/sync/snapshot-writer.ts): [uid, rev, number, name, gender, birthday, district,
// address, email, category, membership tier, advisor, custom fields, pinyin, pinyin initials].
import type { WireValue } from '../../src-shared/domain/sync/entities';

export interface SnapshotCustomer {
  uid: string;
  rev?: number;
  number: string;
  name: string;
  address?: string | null;
  pinyin: string;
  pinyinInitials: string;
}

export function snapshotCustomerRow(c: SnapshotCustomer): WireValue[] {
  return [c.uid, c.rev ?? 1, c.number, c.name, null, null, null, c.address ?? null, null, null, null, null, '{}', c.pinyin, c.pinyinInitials];
}

/** The i-th of a run of made-up customers (客户i at 地址 i), uids and numbers in order. */
export function numberedCustomerRow(i: number): WireValue[] {
  const n = String(i).padStart(8, '0');
  return snapshotCustomerRow({ uid: `c${n}`, number: `C${n}`, name: `客户${i}`, address: `地址 ${i}`, pinyin: `kehu${i}`, pinyinInitials: 'kh' });
}
