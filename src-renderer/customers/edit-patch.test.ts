import { describe, expect, it } from 'vitest';
import type { CustomerCard } from '../../src-shared/contract/customers';
import { draftOf, updateOf } from './edit-patch';

const card: CustomerCard = {
  id: 7, number: 'C00000007', name: '陈静', gender: 'F', birthday: null, district: '天河区', address: '天河路 1 号', email: null,
  category: null, membershipTier: null, advisor: null, customFields: {},
  phones: [
    { id: 1, kind: 'mobile', display: '139 1234 5678', masked: false, isPrimary: true },
    { id: 2, kind: 'mobile', display: '138****1111', masked: true, isPrimary: false },
  ],
  vehicles: [{ id: 3, plate: '粤B·3K8Z2', vin: null, brand: null, model: '雅阁', modelYear: null, colour: null, purchaseDate: null, mileageKm: 12000, mileageDate: null,
    warrantyEnd: null, insuranceCompany: null, insuranceExpiry: null, nextInspection: null, nextServiceDate: null, nextServiceKm: null }],
  visits: [], due: [], churn: { visitClass: 'A', status: 'active' },
};

describe('card edit → customers.update', () => {
  it('sends nothing when nothing changed', () => {
    expect(updateOf(card, null, draftOf(card, null))).toBeNull();
  });

  it('sends only the changed fields, blanks as null', () => {
    const draft = { ...draftOf(card, null), address: '黄埔大道 88 号', district: '  ', gender: '' as const };
    expect(updateOf(card, null, draft)).toEqual({ customerId: 7, address: '黄埔大道 88 号', district: null, gender: null });
  });

  it('edits, promotes, removes and adds phones; a masked number is never sent as a raw value', () => {
    const draft = draftOf(card, null);
    draft.phones = [{ ...draft.phones[0], value: '13900002222', isPrimary: false }, { ...draft.phones[1], value: 'x', isPrimary: true }];
    draft.newPhone = ' 0755-2345 6789 ';
    expect(updateOf(card, null, draft)).toEqual({
      customerId: 7,
      phones: { add: [{ raw: '0755-2345 6789' }], edit: [{ id: 1, raw: '13900002222' }, { id: 2, isPrimary: true }], remove: [] },
    });
    draft.phones[0].remove = true;
    expect(updateOf(card, null, draft)?.phones?.remove).toEqual([1]);
  });

  it('edits the chosen vehicle, mileage as a number', () => {
    const draft = draftOf(card, 3);
    draft.vehicle = { ...draft.vehicle!, mileageKm: '42000', model: '', plate: '粤B3K8Z2' };
    expect(updateOf(card, 3, draft)).toEqual({ customerId: 7, vehicles: [{ id: 3, mileageKm: 42000, model: null }] });
  });
});
