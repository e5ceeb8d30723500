// The customer card: one customer with phones, vehicles, visit timeline, and the pure
// "what is due" and churn facts computed for today's date in the dealership's time zone.
import type Database from 'better-sqlite3';
import { DeskError } from '../../src-shared/contract/errors';
import type { CustomerCard, ServiceVisit, Vehicle } from '../../src-shared/contract/customers';
import { churnStatus, visitClass } from '../../src-shared/domain/churn';
import { computeDue } from '../../src-shared/domain/due';
import { formatPhone, maskPhone } from '../../src-shared/domain/phone';
import { formatPlate } from '../../src-shared/domain/plate';

function statements(sqlite: Database.Database) {
  return {
    customer: sqlite.prepare(
      `SELECT c.id, c.number, c.name, c.gender, c.birthday, c.district, c.address, c.email, c.category,
              c.membership_tier AS membershipTier, a.name AS advisor, c.custom_fields AS customFields
         FROM customers c LEFT JOIN advisors a ON a.id = c.advisor_id WHERE c.id = ?`,
    ),
    phones: sqlite.prepare(`SELECT id, kind, normalized, is_primary AS isPrimary FROM phones WHERE customer_id = ? ORDER BY is_primary DESC, id`),
    vehicles: sqlite.prepare(
      `SELECT id, plate, vin, brand, model, model_year AS modelYear, colour, purchase_date AS purchaseDate, mileage_km AS mileageKm,
              mileage_date AS mileageDate, warranty_end AS warrantyEnd, insurance_company AS insuranceCompany,
              insurance_expiry AS insuranceExpiry, next_inspection AS nextInspection, next_service_date AS nextServiceDate,
              next_service_km AS nextServiceKm
         FROM vehicles WHERE customer_id = ? ORDER BY id`,
    ),
    visits: sqlite.prepare(
      `SELECT id, vehicle_id AS vehicleId, visit_date AS visitDate, kind, mileage_km AS mileageKm, advisor, amount_yuan AS amountYuan,
              by_appointment AS byAppointment
         FROM service_visits WHERE customer_id = ? ORDER BY visit_date DESC, id DESC`,
    ),
  };
}

const cache = new WeakMap<Database.Database, ReturnType<typeof statements>>();
function prepared(sqlite: Database.Database) {
  let s = cache.get(sqlite);
  if (!s) cache.set(sqlite, (s = statements(sqlite)));
  return s;
}

export function customerCard(sqlite: Database.Database, customerId: number, options: { today: string; revealPhones: boolean }): CustomerCard {
  const s = prepared(sqlite);
  const row = s.customer.get(customerId) as (Omit<CustomerCard, 'customFields' | 'phones' | 'vehicles' | 'visits' | 'due' | 'churn'> & { customFields: string }) | undefined;
  if (!row) throw new DeskError('not-found', `customer ${customerId} not found`);
  const phones = (s.phones.all(customerId) as { id: number; kind: CustomerCard['phones'][number]['kind']; normalized: string; isPrimary: number }[]).map((p) => ({
    id: p.id,
    kind: p.kind,
    display: options.revealPhones ? formatPhone(p.normalized) : maskPhone(p.normalized),
    masked: !options.revealPhones,
    isPrimary: p.isPrimary === 1,
  }));
  const vehicles = (s.vehicles.all(customerId) as Vehicle[]).map((v) => ({ ...v, plate: v.plate ? formatPlate(v.plate) : null }));
  const visits = (s.visits.all(customerId) as (Omit<ServiceVisit, 'byAppointment'> & { byAppointment: number })[]).map((v) => ({ ...v, byAppointment: v.byAppointment === 1 }));
  const visitDates = visits.map((v) => v.visitDate);
  return {
    ...row,
    customFields: parseCustomFields(row.customFields),
    phones,
    vehicles,
    visits,
    due: computeDue({ birthday: row.birthday, vehicles, visits }, options.today),
    churn: { visitClass: visitClass(visitDates, options.today), status: churnStatus(visitDates[0] ?? null, options.today) },
  };
}

function parseCustomFields(json: string): Record<string, string> {
  try {
    const value = JSON.parse(json) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
  } catch {
    return {};
  }
}
