// The dealership server's PostgreSQL schema (PGlite embeds the same). Every shared record
// carries rev (from the dealership's one sequence, dealerships.rev), deleted (tombstone) and
// field_revs (field → rev of its last write) for the per-field merge of
// src-shared/domain/sync/merge.ts. Wire field `fooBar` is column `foo_bar`; parent references
// `customer`/`vehicle` are `customer_uid`/`vehicle_uid`.
import { sql } from 'drizzle-orm';
import { bigint, boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const dealerships = pgTable('dealerships', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  /** Last rev handed out; the row lock on it serialises pushes so rev order is commit order. */
  rev: bigint('rev', { mode: 'number' }).notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    dealershipId: integer('dealership_id').notNull().references(() => dealerships.id),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    /** For advisors: whose book their desk holds (customers.advisor); null = whole dealership. */
    advisorName: text('advisor_name'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username').on(t.username)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id),
    deskId: text('desk_id').notNull(),
    /** sha256 of the current refresh secret; a refresh rotates it. */
    refreshHash: text('refresh_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const desks = pgTable('desks', {
  id: text('id').primaryKey(),
  dealershipId: integer('dealership_id').notNull().references(() => dealerships.id),
  lastMutationId: bigint('last_mutation_id', { mode: 'number' }).notNull().default(0),
  schemaVersion: integer('schema_version').notNull(),
  lastUserId: integer('last_user_id'),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
});

const recordColumns = () => ({
  dealershipId: integer('dealership_id').notNull(),
  uid: text('uid').notNull(),
  rev: bigint('rev', { mode: 'number' }).notNull(),
  deleted: boolean('deleted').notNull().default(false),
  fieldRevs: jsonb('field_revs').notNull().default(sql`'{}'::jsonb`),
});

export const customers = pgTable(
  'customers',
  {
    ...recordColumns(),
    number: text('number'),
    name: text('name'),
    gender: text('gender'),
    birthday: text('birthday'),
    district: text('district'),
    address: text('address'),
    email: text('email'),
    category: text('category'),
    membershipTier: text('membership_tier'),
    advisor: text('advisor'),
    customFields: text('custom_fields'),
    pinyin: text('pinyin'),
    pinyinInitials: text('pinyin_initials'),
  },
  (t) => [
    primaryKey({ columns: [t.dealershipId, t.uid] }),
    index('customers_rev').on(t.dealershipId, t.rev),
    uniqueIndex('customers_number').on(t.dealershipId, t.number).where(sql`NOT ${t.deleted}`),
    index('customers_advisor').on(t.dealershipId, t.advisor),
  ],
);

export const phones = pgTable(
  'phones',
  {
    ...recordColumns(),
    customerUid: text('customer_uid'),
    kind: text('kind'),
    raw: text('raw'),
    normalized: text('normalized'),
    isPrimary: boolean('is_primary'),
  },
  (t) => [primaryKey({ columns: [t.dealershipId, t.uid] }), index('phones_rev').on(t.dealershipId, t.rev), index('phones_customer').on(t.dealershipId, t.customerUid)],
);

export const vehicles = pgTable(
  'vehicles',
  {
    ...recordColumns(),
    customerUid: text('customer_uid'),
    plate: text('plate'),
    vin: text('vin'),
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
  (t) => [primaryKey({ columns: [t.dealershipId, t.uid] }), index('vehicles_rev').on(t.dealershipId, t.rev), index('vehicles_customer').on(t.dealershipId, t.customerUid)],
);

export const serviceVisits = pgTable(
  'service_visits',
  {
    ...recordColumns(),
    customerUid: text('customer_uid'),
    vehicleUid: text('vehicle_uid'),
    visitDate: text('visit_date'),
    kind: text('kind'),
    mileageKm: integer('mileage_km'),
    advisor: text('advisor'),
    amountYuan: doublePrecision('amount_yuan'),
    byAppointment: boolean('by_appointment'),
  },
  (t) => [
    primaryKey({ columns: [t.dealershipId, t.uid] }),
    index('service_visits_rev').on(t.dealershipId, t.rev),
    index('service_visits_customer').on(t.dealershipId, t.customerUid),
    index('service_visits_vehicle').on(t.dealershipId, t.vehicleUid),
  ],
);

/** Conflict inbox: the losing side of a same-field edit, an edit of a deleted record, a rejection. */
export const conflicts = pgTable(
  'conflicts',
  {
    ...recordColumns(),
    kind: text('kind'),
    entity: text('entity'),
    recordUid: text('record_uid'),
    field: text('field'),
    lostValue: text('lost_value'),
    wonValue: text('won_value'),
    lostRev: bigint('lost_rev', { mode: 'number' }),
    wonRev: bigint('won_rev', { mode: 'number' }),
    lostDesk: text('lost_desk'),
    lostUser: text('lost_user'),
    detectedAt: text('detected_at'),
    resolved: boolean('resolved'),
    resolvedBy: text('resolved_by'),
    reason: text('reason'),
  },
  (t) => [primaryKey({ columns: [t.dealershipId, t.uid] }), index('conflicts_rev').on(t.dealershipId, t.rev)],
);

/** One row per mutation id a desk ever sent and the server took: applied, or rejected with a reason. */
export const appliedMutations = pgTable(
  'applied_mutations',
  {
    dealershipId: integer('dealership_id').notNull(),
    deskId: text('desk_id').notNull(),
    mutationId: bigint('mutation_id', { mode: 'number' }).notNull(),
    rev: bigint('rev', { mode: 'number' }).notNull(),
    entity: text('entity').notNull(),
    uid: text('uid').notNull(),
    outcome: text('outcome').notNull(),
    userId: integer('user_id'),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.deskId, t.mutationId] }), index('applied_mutations_rev').on(t.dealershipId, t.rev)],
);

/** Customers changing advisor: what moves a record into or out of an advisor desk's scope. */
export const scopeMoves = pgTable(
  'scope_moves',
  {
    dealershipId: integer('dealership_id').notNull(),
    rev: bigint('rev', { mode: 'number' }).notNull(),
    customerUid: text('customer_uid').notNull(),
    fromAdvisor: text('from_advisor'),
    toAdvisor: text('to_advisor'),
  },
  (t) => [primaryKey({ columns: [t.dealershipId, t.rev] })],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    dealershipId: integer('dealership_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: integer('user_id'),
    userName: text('user_name'),
    action: text('action').notNull(),
    target: text('target'),
    detail: jsonb('detail'),
  },
  (t) => [index('audit_log_at').on(t.dealershipId, t.at)],
);

/**
 * Call recordings uploaded by desks (issue 6; protocol in src-shared/domain/recording/upload-protocol.ts).
 * One row per recording uid and dealership: received_bytes is the persisted resume offset (the
 * partial file holds exactly that many bytes); completed_at set = the file sits in the recording
 * store at stored_path (relative to the store dir) and its sha256 was verified.
 */
export const recordingUploads = pgTable(
  'recording_uploads',
  {
    uploadId: text('upload_id').primaryKey(),
    dealershipId: integer('dealership_id').notNull(),
    recordingUid: text('recording_uid').notNull(),
    userId: integer('user_id').notNull(),
    userName: text('user_name').notNull(),
    deskId: text('desk_id'),
    agent: text('agent').notNull(),
    callUid: text('call_uid'),
    direction: text('direction').notNull(),
    remoteNumber: text('remote_number').notNull(),
    startedAt: text('started_at').notNull(),
    durationMs: integer('duration_ms'),
    mimeType: text('mime_type').notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    meta: jsonb('meta').notNull(),
    receivedBytes: bigint('received_bytes', { mode: 'number' }).notNull().default(0),
    storedPath: text('stored_path'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('recording_uploads_recording').on(t.dealershipId, t.recordingUid),
    index('recording_uploads_user').on(t.dealershipId, t.userId),
    index('recording_uploads_started').on(t.dealershipId, t.startedAt),
  ],
);

export * from './capability-records';

/**
 * Replies customers send to the dealership's SMS number, pushed by the SMS provider (issue 8;
 * src-server/sms-replies/). The provider knows the dealership only through the secret in its
 * callback URL: this table keeps sha256(secret), never the secret.
 */
export const smsReplyEndpoints = pgTable(
  'sms_reply_endpoints',
  {
    dealershipId: integer('dealership_id').primaryKey(),
    secretHash: text('secret_hash').notNull(),
    rotatedAt: timestamp('rotated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sms_reply_endpoints_secret').on(t.secretHash)],
);

/**
 * One row per reply, unique by (dealership, provider, provider id) so a re-pushed batch stores
 * nothing twice. Delivery to exactly one desk: a desk claims unacknowledged rows whose claim is
 * absent or older than the claim timeout, processes them and acknowledges (acked_at).
 */
export const smsReplies = pgTable(
  'sms_replies',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    dealershipId: integer('dealership_id').notNull(),
    provider: text('provider').notNull(),
    providerId: text('provider_id').notNull(),
    fromNumber: text('from_number').notNull(),
    text: text('text').notNull(),
    receivedAt: text('received_at').notNull(),
    meta: jsonb('meta').notNull().default(sql`'{}'::jsonb`),
    storedAt: timestamp('stored_at', { withTimezone: true }).notNull().defaultNow(),
    claimedBy: text('claimed_by'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    claims: integer('claims').notNull().default(0),
    /** Desks that found no message of theirs this answers; others get it first (sms-replies/claims.ts). */
    declinedBy: text('declined_by').array().notNull().default(sql`'{}'::text[]`),
    ackedAt: timestamp('acked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('sms_replies_provider_id').on(t.dealershipId, t.provider, t.providerId),
    index('sms_replies_pending').on(t.dealershipId, t.id).where(sql`${t.ackedAt} IS NULL`),
  ],
);
