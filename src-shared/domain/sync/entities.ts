// The records desks and server share, by wire field. Wire values are JSON scalars; a record is
// named by its `uid` (never a local integer id), and references to parents are parent uids.
// Field order here is the order of the tuple form used by snapshot pages: never reorder a
// field, only append (a reorder is a protocol change and needs a new SYNC_SCHEMA_VERSION).
export const syncEntities = ['customers', 'phones', 'vehicles', 'service_visits', 'conflicts'] as const;
export type SyncEntity = (typeof syncEntities)[number];

export type WireValue = string | number | boolean | null;
export type WireFields = Record<string, WireValue>;

export const entityFields = {
  customers: ['number', 'name', 'gender', 'birthday', 'district', 'address', 'email', 'category', 'membershipTier', 'advisor', 'customFields'],
  phones: ['customer', 'kind', 'raw', 'normalized', 'isPrimary'],
  vehicles: [
    'customer', 'plate', 'vin', 'brand', 'model', 'modelYear', 'colour', 'purchaseDate', 'mileageKm', 'mileageDate', 'warrantyEnd',
    'insuranceCompany', 'insuranceExpiry', 'nextInspection', 'nextServiceDate', 'nextServiceKm',
  ],
  service_visits: ['customer', 'vehicle', 'visitDate', 'kind', 'mileageKm', 'advisor', 'amountYuan', 'byAppointment'],
  conflicts: [
    'kind', 'entity', 'recordUid', 'field', 'lostValue', 'wonValue', 'lostRev', 'wonRev', 'lostDesk', 'lostUser', 'detectedAt', 'resolved', 'resolvedBy', 'reason',
  ],
} as const satisfies Record<SyncEntity, readonly string[]>;

/**
 * Server-derived, read-only fields that travel after the entity's own fields (the desk never
 * writes them): the pinyin of a customer name costs 10–50 µs to compute, 10–50 s for a million
 * customers, so the server derives it once per write and initial sync ships it.
 */
export const derivedFields = {
  customers: ['pinyin', 'pinyinInitials'],
  phones: [],
  vehicles: [],
  service_visits: [],
  conflicts: [],
} as const satisfies Record<SyncEntity, readonly string[]>;

/** Parents a row references by uid; a desk applies the parent before the child. */
export const entityParents: Record<SyncEntity, readonly { field: string; entity: SyncEntity }[]> = {
  customers: [],
  phones: [{ field: 'customer', entity: 'customers' }],
  vehicles: [{ field: 'customer', entity: 'customers' }],
  service_visits: [
    { field: 'customer', entity: 'customers' },
    { field: 'vehicle', entity: 'vehicles' },
  ],
  conflicts: [],
};

/** Fields that must be present (non-null) when a record is created. */
export const requiredOnCreate: Record<SyncEntity, readonly string[]> = {
  customers: ['number', 'name'],
  phones: ['customer', 'kind', 'raw', 'normalized'],
  vehicles: ['customer'],
  service_visits: ['customer', 'vehicle', 'visitDate', 'kind'],
  conflicts: ['kind', 'entity', 'recordUid'],
};

export type FieldType = 'text' | 'int' | 'real' | 'bool';
const intFields = new Set(['modelYear', 'mileageKm', 'nextServiceKm', 'lostRev', 'wonRev']);
const realFields = new Set(['amountYuan']);
const boolFields = new Set(['isPrimary', 'byAppointment', 'resolved']);

export function fieldType(field: string): FieldType {
  if (intFields.has(field)) return 'int';
  if (realFields.has(field)) return 'real';
  if (boolFields.has(field)) return 'bool';
  return 'text';
}

export function isEntityField(entity: SyncEntity, field: string): boolean {
  return (entityFields[entity] as readonly string[]).includes(field);
}

/** Deletes follow the tree: a customer's phones, vehicles and visits, a vehicle's visits. */
export const cascadeChildren: Record<SyncEntity, readonly { entity: SyncEntity; field: string }[]> = {
  customers: [
    { entity: 'phones', field: 'customer' },
    { entity: 'vehicles', field: 'customer' },
    { entity: 'service_visits', field: 'customer' },
  ],
  vehicles: [{ entity: 'service_visits', field: 'vehicle' }],
  phones: [],
  service_visits: [],
  conflicts: [],
};

export function sameValue(a: WireValue | undefined, b: WireValue | undefined): boolean {
  return (a ?? null) === (b ?? null);
}
