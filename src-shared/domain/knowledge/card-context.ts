// What the KB knows about a call from the open customer card (issue 7: "when a call pops a
// customer card, the KB panel already suggests articles for the inquiry category and the
// caller's car model and mileage"). The category comes from the IVR choice when the call has
// one, else from what is most pressing on the card (an overdue or soon-due item).
import type { DueItem, ServiceVisit, Vehicle } from '../../contract/customers';
import { monthsBetween } from '../dates';
import type { InquiryCategory } from '../softphone/ivr-category';
import type { KbCategory } from './categories';
import type { KbSearchContext } from './context';

export const inquiryKbCategory: Record<InquiryCategory, KbCategory> = {
  maintenance: 'maintenance',
  repair: 'repair',
  complaint: 'complaint_standard',
  new_car: 'sales',
  promotion: 'sales',
};

const dueKbCategory: Record<DueItem['kind'], KbCategory | null> = {
  first_maintenance: 'maintenance',
  maintenance: 'maintenance',
  insurance: 'insurance',
  inspection: 'policy',
  warranty: 'warranty',
  birthday: null,
};

export interface CardForKb {
  vehicles: readonly Pick<Vehicle, 'id' | 'model' | 'mileageKm' | 'purchaseDate'>[];
  visits: readonly Pick<ServiceVisit, 'vehicleId' | 'mileageKm' | 'visitDate'>[];
  due: readonly Pick<DueItem, 'kind' | 'vehicleId' | 'urgency' | 'daysLeft'>[];
}

export function cardKbContext(card: CardForKb, vehicleId: number | null, today: string, inquiry: InquiryCategory | null = null): KbSearchContext {
  const vehicle = card.vehicles.find((v) => v.id === vehicleId) ?? card.vehicles[0] ?? null;
  const context: KbSearchContext = {};
  if (vehicle?.model?.trim()) context.model = vehicle.model.trim();
  const visitKm = card.visits.filter((v) => v.vehicleId === vehicle?.id && v.mileageKm !== null).map((v) => v.mileageKm!);
  const km = Math.max(vehicle?.mileageKm ?? -1, ...visitKm);
  if (vehicle && km >= 0) context.mileageKm = km;
  if (vehicle?.purchaseDate && vehicle.purchaseDate <= today) context.vehicleAgeMonths = Math.max(0, monthsBetween(vehicle.purchaseDate, today));
  if (inquiry) {
    context.category = inquiryKbCategory[inquiry];
  } else {
    const pressing = card.due
      .filter((d) => d.urgency !== 'upcoming' && (d.vehicleId === null || d.vehicleId === vehicle?.id) && dueKbCategory[d.kind])
      .sort((a, b) => a.daysLeft - b.daysLeft)[0];
    if (pressing) context.category = dueKbCategory[pressing.kind]!;
  }
  return context;
}
