// Derived search keys stored beside each record (see src-main/db/schema/customers.ts): every
// writer (demo seed, import, quick-create, sync) must derive them the same way, so they live here.
import { namePinyin } from './pinyin';
import { normalizePhone, type PhoneKind } from './phone';
import { normalizePlate } from './plate';
import { reverseString } from './text';
import { normalizeVin } from './vin';

export interface CustomerNameKeys {
  nameReversed: string;
  pinyin: string;
  pinyinInitials: string;
}

export function customerNameKeys(name: string): CustomerNameKeys {
  const { full, initials } = namePinyin(name);
  return { nameReversed: reverseString(name), pinyin: full, pinyinInitials: initials };
}

export interface PhoneKeys {
  normalized: string;
  reversed: string;
  kind: PhoneKind;
}

export function phoneKeys(raw: string): PhoneKeys | null {
  const phone = normalizePhone(raw);
  if (!phone) return null;
  return { normalized: phone.normalized, reversed: reverseString(phone.normalized), kind: phone.kind };
}

export interface VehicleKeys {
  plate: string | null;
  plateLocal: string | null;
  plateReversed: string | null;
  vin: string | null;
  vinReversed: string | null;
}

export function vehicleKeys(plateRaw: string | null | undefined, vinRaw: string | null | undefined): VehicleKeys {
  const plate = plateRaw ? normalizePlate(plateRaw) : null;
  const vin = vinRaw ? normalizeVin(vinRaw) : '';
  return {
    plate: plate?.plate ?? null,
    plateLocal: plate?.local ?? null,
    plateReversed: plate?.reversed ?? null,
    vin: vin || null,
    vinReversed: vin ? reverseString(vin) : null,
  };
}
