// The card's edit form ↔ customers.update: the form starts from the card, and only what the
// user changed goes into the request (each change becomes one field edit in the sync outbox,
// so an untouched field never overwrites another desk's edit of it).
import type { CustomerCard, CustomerUpdate } from '../../src-shared/contract/customers';

export interface PhoneDraft { id: number; value: string; masked: boolean; isPrimary: boolean; remove: boolean }
export interface VehicleDraft { id: number; plate: string; vin: string; brand: string; model: string; mileageKm: string; insuranceCompany: string; insuranceExpiry: string; nextInspection: string }

export interface CustomerDraft {
  name: string;
  gender: '' | 'M' | 'F';
  birthday: string;
  district: string;
  address: string;
  email: string;
  phones: PhoneDraft[];
  newPhone: string;
  vehicle: VehicleDraft | null;
}

const vehicleText = ['plate', 'vin', 'brand', 'model', 'insuranceCompany', 'insuranceExpiry', 'nextInspection'] as const;

export function draftOf(card: CustomerCard, vehicleId: number | null): CustomerDraft {
  const v = card.vehicles.find((x) => x.id === vehicleId) ?? card.vehicles[0] ?? null;
  return {
    name: card.name,
    gender: card.gender ?? '',
    birthday: card.birthday ?? '',
    district: card.district ?? '',
    address: card.address ?? '',
    email: card.email ?? '',
    phones: card.phones.map((p) => ({ id: p.id, value: p.display, masked: p.masked, isPrimary: p.isPrimary, remove: false })),
    newPhone: '',
    vehicle: v && {
      id: v.id,
      plate: (v.plate ?? '').replace('·', ''),
      vin: v.vin ?? '',
      brand: v.brand ?? '',
      model: v.model ?? '',
      mileageKm: v.mileageKm === null ? '' : String(v.mileageKm),
      insuranceCompany: v.insuranceCompany ?? '',
      insuranceExpiry: v.insuranceExpiry ?? '',
      nextInspection: v.nextInspection ?? '',
    },
  };
}

/** The request for what differs between the card and the draft; null when nothing does. */
export function updateOf(card: CustomerCard, vehicleId: number | null, draft: CustomerDraft): CustomerUpdate | null {
  const before = draftOf(card, vehicleId);
  const update: CustomerUpdate = { customerId: card.id };
  let any = false;
  for (const key of ['name', 'birthday', 'district', 'address', 'email'] as const) {
    if (draft[key].trim() !== before[key].trim()) {
      if (key === 'name') update.name = draft.name.trim();
      else update[key] = draft[key].trim() || null;
      any = true;
    }
  }
  if (draft.gender !== before.gender) {
    update.gender = draft.gender || null;
    any = true;
  }
  const remove = draft.phones.filter((p) => p.remove).map((p) => p.id);
  const edit = draft.phones
    .filter((p) => !p.remove)
    .flatMap((p) => {
      const old = before.phones.find((o) => o.id === p.id)!;
      const change: { id: number; raw?: string; isPrimary?: boolean } = { id: p.id };
      if (!p.masked && p.value.trim() !== old.value.trim()) change.raw = p.value.trim();
      if (p.isPrimary && !old.isPrimary) change.isPrimary = true;
      return Object.keys(change).length > 1 ? [change] : [];
    });
  const add = draft.newPhone.trim() ? [{ raw: draft.newPhone.trim() }] : [];
  if (remove.length || edit.length || add.length) {
    update.phones = { add, edit, remove };
    any = true;
  }
  if (draft.vehicle && before.vehicle) {
    const patch: NonNullable<CustomerUpdate['vehicles']>[number] = { id: draft.vehicle.id };
    for (const key of vehicleText) {
      if (draft.vehicle[key].trim() !== before.vehicle[key].trim()) patch[key] = draft.vehicle[key].trim() || null;
    }
    if (draft.vehicle.mileageKm.trim() !== before.vehicle.mileageKm) {
      const km = draft.vehicle.mileageKm.trim();
      patch.mileageKm = km === '' ? null : Number(km);
    }
    if (Object.keys(patch).length > 1) {
      update.vehicles = [patch];
      any = true;
    }
  }
  return any ? update : null;
}
