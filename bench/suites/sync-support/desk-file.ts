// Reads a desk database made by the desk's demo generator (src-main/demo, seed 42) as wire rows,
// so the server, our initial sync and PouchDB all get exactly the same records.
import { openDatabase } from '../../../src-main/db/open';
import type { WireFields } from '../../../src-shared/domain/sync/entities';

export type BenchEntity = 'customers' | 'phones' | 'vehicles';
export const benchEntities: BenchEntity[] = ['customers', 'phones', 'vehicles'];

const queries: Record<BenchEntity, string> = {
  customers: `SELECT c.uid, c.number, c.name, c.gender, c.birthday, c.district, c.address, c.email, c.category, c.membership_tier AS membershipTier,
      a.name AS advisor, c.custom_fields AS customFields, c.pinyin, c.pinyin_initials AS pinyinInitials
    FROM customers c LEFT JOIN advisors a ON a.id = c.advisor_id WHERE c.id > ? AND c.id <= ? ORDER BY c.id`,
  phones: `SELECT coalesce(p.uid, 'p-' || p.id) AS uid, c.uid AS customer, p.kind, p.raw, p.normalized, p.is_primary AS isPrimary
    FROM phones p JOIN customers c ON c.id = p.customer_id WHERE p.customer_id > ? AND p.customer_id <= ? ORDER BY p.id`,
  vehicles: `SELECT v.uid, c.uid AS customer, v.plate, v.vin, v.brand, v.model, v.model_year AS modelYear, v.colour, v.purchase_date AS purchaseDate,
      v.mileage_km AS mileageKm, v.mileage_date AS mileageDate, v.warranty_end AS warrantyEnd, v.insurance_company AS insuranceCompany,
      v.insurance_expiry AS insuranceExpiry, v.next_inspection AS nextInspection, v.next_service_date AS nextServiceDate, v.next_service_km AS nextServiceKm
    FROM vehicles v JOIN customers c ON c.id = v.customer_id WHERE v.customer_id > ? AND v.customer_id <= ? ORDER BY v.id`,
};

/** Rows of customers 1..limit, in chunks (by customer id range). */
export function* deskFileRows(path: string, entity: BenchEntity, limit: number, chunk = 50_000): Generator<{ uid: string; fields: WireFields }[]> {
  // Through the desk's opener: the source desk is encrypted with the key file beside it.
  const { sqlite } = openDatabase(path, { readonly: true });
  try {
    const statement = sqlite.prepare(queries[entity]);
    for (let from = 0; from < limit; from += chunk) {
      const rows = statement.all(from, Math.min(limit, from + chunk)) as Record<string, string | number | null>[];
      yield rows.map(({ uid, ...fields }) => {
        if (entity === 'phones') (fields as WireFields).isPrimary = Boolean(fields.isPrimary);
        return { uid: uid as string, fields: fields as WireFields };
      });
    }
  } finally {
    sqlite.close();
  }
}
