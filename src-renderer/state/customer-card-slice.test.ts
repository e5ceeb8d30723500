import { describe, expect, it } from 'vitest';
import type { CustomerCard } from '../../src-shared/contract/customers';
import { cardAffected, cardArrived, cardClosed, cardFailed, cardRequested, initialCardState, vehicleChosen } from './customer-card-slice';

const vehicle = (id: number) => ({
  id, plate: `粤B${id}`, vin: null, brand: null, model: null, modelYear: null, colour: null, purchaseDate: null, mileageKm: null, mileageDate: null,
  warrantyEnd: null, insuranceCompany: null, insuranceExpiry: null, nextInspection: null, nextServiceDate: null, nextServiceKm: null,
});
const card = (id: number, vehicleIds: number[] = [1]): CustomerCard => ({
  id, number: `C${id}`, name: '张三', gender: null, birthday: null, district: null, address: null, email: null, category: null, membershipTier: null,
  advisor: null, customFields: {}, phones: [], vehicles: vehicleIds.map(vehicle), visits: [], due: [], churn: { visitClass: 'D', status: 'new' },
});

describe('customer card reducers', () => {
  it('keeps only the reply for the customer open now', () => {
    let state = cardRequested(initialCardState, 1);
    state = cardRequested(state, 2);
    expect(cardArrived(state, card(1))).toBe(state);
    state = cardArrived(state, card(2, [7, 8]));
    expect(state.card?.id).toBe(2);
    expect(state.vehicleId).toBe(7);
    expect(cardFailed(state, 1, { code: 'not-found', message: '' })).toBe(state);
  });

  it('keeps the chosen vehicle across a refresh while it still exists', () => {
    let state = cardArrived(cardRequested(initialCardState, 2), card(2, [7, 8]));
    state = vehicleChosen(state, 8);
    expect(vehicleChosen(state, 99)).toBe(state);
    const refreshing = cardRequested(state, 2);
    expect(refreshing.card).not.toBeNull();
    expect(cardArrived(refreshing, card(2, [7, 8])).vehicleId).toBe(8);
    expect(cardArrived(refreshing, card(2, [9])).vehicleId).toBe(9);
    expect(cardArrived(refreshing, card(2, [])).vehicleId).toBeNull();
  });

  it('a different customer starts empty; closing resets; change events target the open card', () => {
    const state = cardArrived(cardRequested(initialCardState, 2), card(2));
    expect(cardRequested(state, 3)).toMatchObject({ openId: 3, card: null, status: 'loading' });
    expect(cardClosed()).toEqual(initialCardState);
    expect(cardAffected(state, [1, 2])).toBe(true);
    expect(cardAffected(state, [5])).toBe(false);
    expect(cardAffected(state, undefined)).toBe(true);
    expect(cardAffected(initialCardState, undefined)).toBe(false);
  });
});
