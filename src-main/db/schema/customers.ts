// The desk's customer cache. Search columns (`*_reversed`, `plate_local`, `pinyin*`) are
// derived on write so that every search kind is an index range scan: SQLite's LIKE is
// case-insensitive and never uses an index, and suffix search (phone/plate/VIN tails) needs
// a reversed key to become a prefix.
import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const advisors = sqliteTable('advisors', {
  id: integer('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  groupName: text('group_name'),
});

export const customers = sqliteTable(
  'customers',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull(),
    /** Server rev of the row as this desk last saw it (0: never synced). */
    rev: integer('rev').notNull().default(0),
    number: text('number').notNull(),
    name: text('name').notNull(),
    nameReversed: text('name_reversed').notNull(),
    pinyin: text('pinyin').notNull(),
    pinyinInitials: text('pinyin_initials').notNull(),
    gender: text('gender', { enum: ['M', 'F'] }),
    birthday: text('birthday'),
    district: text('district'),
    address: text('address'),
    email: text('email'),
    category: text('category'),
    membershipTier: text('membership_tier'),
    advisorId: integer('advisor_id').references(() => advisors.id),
    customFields: text('custom_fields').notNull().default('{}'),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [
    uniqueIndex('customers_uid').on(t.uid),
    uniqueIndex('customers_number').on(t.number),
    index('customers_name').on(t.name),
    // Covering: a probe shows the name it matched without reading the customer's table page.
    index('customers_name_reversed').on(t.nameReversed, t.name),
    index('customers_pinyin').on(t.pinyin, t.name),
    index('customers_pinyin_initials').on(t.pinyinInitials, t.name),
    // Covering: a search hit is shown (number, name, tier) without reading its table page.
    index('customers_search_hit').on(t.id, t.number, t.name, t.membershipTier),
  ],
);

export const phones = sqliteTable(
  'phones',
  {
    id: integer('id').primaryKey(),
    /** Sync identity; null for rows made before sync existed until the desk first syncs. */
    uid: text('uid'),
    rev: integer('rev').notNull().default(0),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['mobile', 'landline', 'service', 'other'] }).notNull(),
    raw: text('raw').notNull(),
    /** E.164-like national form from src-shared/domain/phone (e.g. 13812345678, 02012345678). */
    normalized: text('normalized').notNull(),
    reversed: text('reversed').notNull(),
    isPrimary: integer('is_primary', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('phones_uid').on(t.uid),
    // Covering: a caller-ID lookup, a phone search and a card's phone list read only the index
    // (an encrypted desk decrypts every table page it touches; see src-main/db/warm-cache.ts).
    index('phones_customer').on(t.customerId, t.isPrimary, t.normalized),
    index('phones_normalized').on(t.normalized, t.customerId),
    index('phones_reversed').on(t.reversed, t.customerId, t.normalized),
  ],
);

export const vehicles = sqliteTable(
  'vehicles',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull(),
    rev: integer('rev').notNull().default(0),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    plate: text('plate'),
    /** Plate without province character, upper case, no separators: B12345. */
    plateLocal: text('plate_local'),
    plateReversed: text('plate_reversed'),
    vin: text('vin'),
    vinReversed: text('vin_reversed'),
    brand: text('brand'),
    model: text('model'),
    modelYear: integer('model_year'),
    colour: text('colour'),
    purchaseDate: text('purchase_date'),
    mileageKm: integer('mileage_km'),
    mileageDate: text('mileage_date'),
    warrantyEnd: text('warranty_end'),
    insuranceCompany: text('insurance_company'),
    insuranceExpiry: text('insurance_expiry'),
    nextInspection: text('next_inspection'),
    nextServiceDate: text('next_service_date'),
    nextServiceKm: integer('next_service_km'),
  },
  (t) => [
    uniqueIndex('vehicles_uid').on(t.uid),
    // Covering for the plate and VIN probes of the search box and a hit's plate list.
    index('vehicles_customer').on(t.customerId, t.plate),
    index('vehicles_plate_local').on(t.plateLocal, t.customerId, t.plate),
    index('vehicles_plate_reversed').on(t.plateReversed, t.customerId, t.plate),
    index('vehicles_vin_reversed').on(t.vinReversed, t.customerId, t.vin),
  ],
);

export const serviceVisits = sqliteTable(
  'service_visits',
  {
    id: integer('id').primaryKey(),
    uid: text('uid'),
    rev: integer('rev').notNull().default(0),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    vehicleId: integer('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'cascade' }),
    visitDate: text('visit_date').notNull(),
    kind: text('kind', { enum: ['first_maintenance', 'maintenance', 'repair', 'accident', 'warranty'] }).notNull(),
    mileageKm: integer('mileage_km'),
    advisor: text('advisor'),
    amountYuan: real('amount_yuan'),
    byAppointment: integer('by_appointment', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('service_visits_uid').on(t.uid), index('service_visits_customer_date').on(t.customerId, t.visitDate), index('service_visits_vehicle').on(t.vehicleId),
    // Covers the supervisor job's visits-by-day/kind/advisor pass (src-main/supervisor/churn-job.ts).
    index('service_visits_date_kind').on(t.visitDate, t.kind, t.byAppointment, t.advisor),
  ],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
