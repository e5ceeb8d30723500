// Column order of the demo seed's INSERT statements. Row arrays are reused between customers
// (bound positionally by better-sqlite3), so the generator allocates strings, not rows.
export const customerColumns = [
  'id', 'uid', 'number', 'name', 'name_reversed', 'pinyin', 'pinyin_initials', 'gender', 'birthday', 'district',
  'address', 'email', 'category', 'membership_tier', 'advisor_id', 'custom_fields', 'created_at', 'updated_at',
] as const;
export const phoneColumns = ['id', 'customer_id', 'kind', 'raw', 'normalized', 'reversed', 'is_primary'] as const;
export const vehicleColumns = [
  'id', 'uid', 'customer_id', 'plate', 'plate_local', 'plate_reversed', 'vin', 'vin_reversed', 'brand', 'model',
  'model_year', 'colour', 'purchase_date', 'mileage_km', 'mileage_date', 'warranty_end', 'insurance_company',
  'insurance_expiry', 'next_inspection', 'next_service_date', 'next_service_km',
] as const;
export const visitColumns = ['id', 'customer_id', 'vehicle_id', 'visit_date', 'kind', 'mileage_km', 'advisor', 'amount_yuan', 'by_appointment'] as const;

export type Row = (string | number | null)[];

/** One generated customer with everything that hangs off it. */
export class CustomerRows {
  readonly customer: Row = new Array(customerColumns.length).fill(null);
  readonly phones: Row[] = [0, 1, 2].map(() => new Array(phoneColumns.length).fill(null));
  readonly vehicles: Row[] = [0, 1, 2].map(() => new Array(vehicleColumns.length).fill(null));
  readonly visits: Row[] = [];
  phoneCount = 0;
  vehicleCount = 0;
  visitCount = 0;

  nextVisit(): Row {
    if (this.visitCount === this.visits.length) this.visits.push(new Array(visitColumns.length).fill(null));
    return this.visits[this.visitCount++];
  }
}

export function insertSql(table: string, columns: readonly string[], rows = 1): string {
  const values = `(${columns.map(() => '?').join(', ')})`;
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(rows).fill(values).join(', ')}`;
}
