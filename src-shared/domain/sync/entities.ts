// The records desks and server share, by wire field. Wire values are JSON scalars; a record is
// named by its `uid` (never a local integer id), and references to parents are parent uids.
// Field order here is the order of the tuple form used by snapshot pages: never reorder a
// field, only append (a reorder is a protocol change and needs a new SYNC_SCHEMA_VERSION).
// Parents come before their children in this list (initial sync loads entities in this order).
export const syncEntities = [
  'customers', 'phones', 'vehicles', 'service_visits', 'conflicts',
  'kb_articles', 'kb_article_versions', 'work_items', 'work_item_history', 'appointments', 'call_records',
  'kb_attachments',
  // Schema 4: sales, insurance, membership, quality review, surveys and messaging.
  'leads', 'stock_cars', 'arrival_requests', 'sales_orders', 'deliveries', 'sales_contracts',
  'policies', 'policy_items', 'renewals', 'membership_points', 'win_backs', 'quality_reviews', 'quality_comments',
  'questionnaires', 'surveys', 'survey_answers', 'message_templates', 'messages', 'message_opt_outs',
] as const;
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
  kb_articles: [
    'slug', 'title', 'body', 'category', 'tags', 'models', 'mileageMin', 'mileageMax', 'ageMinMonths', 'ageMaxMonths', 'status', 'author', 'version', 'extra',
    'createdAt', 'updatedAt', 'updatedBy',
  ],
  kb_article_versions: ['article', 'version', 'title', 'body', 'fields', 'editor', 'note', 'createdAt'],
  work_items: [
    'kind', 'status', 'title', 'description', 'category', 'department', 'priority', 'owner', 'createdBy', 'customer', 'vehicle', 'deadlineAt', 'sortAt',
    'repliedAt', 'closedAt', 'fields', 'importance', 'alarmsFired', 'attempts', 'sourceKey', 'createdAt',
  ],
  work_item_history: ['workItem', 'at', 'actor', 'action', 'fromStatus', 'toStatus', 'note', 'data'],
  appointments: ['customer', 'vehicle', 'advisor', 'date', 'slot', 'kind', 'workRequested', 'status', 'source', 'workItem', 'createdBy', 'createdAt', 'checkedInAt'],
  call_records: [
    'direction', 'localNumber', 'remoteNumber', 'remoteNormalized', 'customer', 'vehicle', 'agent', 'queue', 'ivrChoice', 'ringAt', 'answerAt', 'endAt',
    'talkSeconds', 'disposition', 'notes', 'inquiryCategory', 'outcome', 'transferredTo',
  ],
  // The row only: the bytes are in the server's blob store under their sha256 (src-server/blobs).
  kb_attachments: ['article', 'name', 'mime', 'size', 'sha256', 'createdAt'],
  leads: ['customer', 'source', 'models', 'budgetYuan', 'stage', 'furthestStage', 'lostReason', 'consultant', 'nextStep', 'nextStepDate', 'createdBy', 'createdAt', 'updatedAt'],
  stock_cars: ['vin', 'model', 'trim', 'colour', 'status', 'location', 'priceYuan', 'expectedArrival', 'arrivedAt', 'updatedAt'],
  arrival_requests: ['customer', 'lead', 'model', 'trim', 'colour', 'consultant', 'status', 'notifiedStock', 'createdAt'],
  sales_orders: [
    'number', 'customer', 'lead', 'model', 'trim', 'colour', 'priceYuan', 'depositYuan', 'promisedDate', 'consultant', 'status', 'stock', 'orderDate', 'createdAt',
  ],
  deliveries: ['order', 'customer', 'vehicle', 'plannedDate', 'actualDate', 'consultant', 'status', 'createdAt'],
  sales_contracts: ['number', 'order', 'status', 'amountYuan', 'signedDate', 'updatedAt'],
  policies: ['vehicle', 'customer', 'insurer', 'policyNumber', 'kind', 'startDate', 'endDate', 'premiumYuan', 'createdAt'],
  policy_items: ['policy', 'code', 'sumInsuredYuan', 'premiumYuan'],
  renewals: ['policy', 'stage', 'quoteYuan', 'lostReason', 'note', 'renewedPolicy', 'agent', 'expiryDate', 'updatedAt'],
  membership_points: ['customer', 'points', 'reason', 'sourceKey', 'at', 'createdBy'],
  win_backs: [
    'customer', 'status', 'churnStatus', 'lastVisit', 'reason', 'note', 'importance', 'owner', 'callBy', 'outcomeAt', 'attempts', 'createdAt', 'updatedAt',
  ],
  // `recording` is the recording's uid (the upload's key on the server): the audio itself stays
  // on the recording desk and the server's recording store; `callUid` names the call record.
  quality_reviews: ['recording', 'callUid', 'agent', 'month', 'reviewer', 'scores', 'total', 'note', 'reviewedAt'],
  quality_comments: ['recording', 'callUid', 'atMs', 'author', 'body', 'createdAt'],
  questionnaires: ['questionnaireId', 'title', 'purpose', 'definition', 'updatedAt', 'updatedBy'],
  surveys: ['name', 'questionnaireId', 'segment', 'share', 'seed', 'createdBy', 'createdAt'],
  survey_answers: ['workItem', 'questionnaireId', 'survey', 'customer', 'answers', 'satisfied', 'agent', 'createdAt'],
  message_templates: ['templateId', 'title', 'channel', 'purpose', 'subject', 'body', 'providerTemplateCode', 'expectsReply', 'updatedAt', 'updatedBy'],
  // Every desk holds every outbox, but only the desk that queued a message sends it (a desk-local
  // mark, messages.queued_here); `replyTo` is the uid of the message an inbound reply answers.
  messages: [
    'customer', 'channel', 'direction', 'address', 'templateId', 'purpose', 'subject', 'body', 'params', 'status', 'reason', 'notBefore', 'attempts',
    'providerId', 'error', 'expectsReply', 'replyTo', 'parsed', 'workItem', 'createdBy', 'createdAt', 'sentAt',
  ],
  // One row per address (uid derived from it); withdrawing sets scope 'none', never deletes.
  message_opt_outs: ['address', 'scope', 'at', 'source'],
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
  kb_articles: [],
  kb_article_versions: [],
  work_items: [],
  work_item_history: [],
  appointments: [],
  call_records: [],
  kb_attachments: [],
  leads: [], stock_cars: [], arrival_requests: [], sales_orders: [], deliveries: [], sales_contracts: [],
  policies: [], policy_items: [], renewals: [], membership_points: [], win_backs: [], quality_reviews: [], quality_comments: [],
  questionnaires: [], surveys: [], survey_answers: [], message_templates: [], messages: [], message_opt_outs: [],
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
  kb_articles: [],
  kb_article_versions: [{ field: 'article', entity: 'kb_articles' }],
  work_items: [
    { field: 'customer', entity: 'customers' },
    { field: 'vehicle', entity: 'vehicles' },
  ],
  work_item_history: [{ field: 'workItem', entity: 'work_items' }],
  appointments: [
    { field: 'customer', entity: 'customers' },
    { field: 'vehicle', entity: 'vehicles' },
    { field: 'workItem', entity: 'work_items' },
  ],
  call_records: [
    { field: 'customer', entity: 'customers' },
    { field: 'vehicle', entity: 'vehicles' },
  ],
  kb_attachments: [{ field: 'article', entity: 'kb_articles' }],
  leads: [{ field: 'customer', entity: 'customers' }],
  stock_cars: [],
  arrival_requests: [
    { field: 'customer', entity: 'customers' },
    { field: 'lead', entity: 'leads' },
    { field: 'notifiedStock', entity: 'stock_cars' },
  ],
  sales_orders: [
    { field: 'customer', entity: 'customers' },
    { field: 'lead', entity: 'leads' },
    { field: 'stock', entity: 'stock_cars' },
  ],
  deliveries: [
    { field: 'order', entity: 'sales_orders' },
    { field: 'customer', entity: 'customers' },
    { field: 'vehicle', entity: 'vehicles' },
  ],
  sales_contracts: [{ field: 'order', entity: 'sales_orders' }],
  policies: [
    { field: 'vehicle', entity: 'vehicles' },
    { field: 'customer', entity: 'customers' },
  ],
  policy_items: [{ field: 'policy', entity: 'policies' }],
  renewals: [
    { field: 'policy', entity: 'policies' },
    { field: 'renewedPolicy', entity: 'policies' },
  ],
  membership_points: [{ field: 'customer', entity: 'customers' }],
  win_backs: [{ field: 'customer', entity: 'customers' }],
  quality_reviews: [],
  quality_comments: [],
  questionnaires: [],
  surveys: [],
  survey_answers: [
    { field: 'workItem', entity: 'work_items' },
    { field: 'survey', entity: 'surveys' },
    { field: 'customer', entity: 'customers' },
  ],
  message_templates: [],
  messages: [
    { field: 'customer', entity: 'customers' },
    { field: 'workItem', entity: 'work_items' },
  ],
  message_opt_outs: [],
};

/** The parent entity a field references by uid, if it is a reference. */
export function parentOf(entity: SyncEntity, field: string): SyncEntity | null {
  return entityParents[entity].find((p) => p.field === field)?.entity ?? null;
}

/** Fields that must be present (non-null) when a record is created. */
export const requiredOnCreate: Record<SyncEntity, readonly string[]> = {
  customers: ['number', 'name'],
  phones: ['customer', 'kind', 'raw', 'normalized'],
  vehicles: ['customer'],
  service_visits: ['customer', 'vehicle', 'visitDate', 'kind'],
  conflicts: ['kind', 'entity', 'recordUid'],
  kb_articles: ['slug', 'title', 'body', 'category', 'status'],
  kb_article_versions: ['article', 'version', 'title', 'body', 'fields'],
  work_items: ['kind', 'status', 'title', 'createdBy', 'sortAt'],
  work_item_history: ['workItem', 'at', 'actor', 'action'],
  appointments: ['customer', 'advisor', 'date', 'slot', 'kind', 'status', 'createdBy'],
  call_records: ['direction', 'remoteNumber', 'ringAt'],
  kb_attachments: ['article', 'name', 'mime', 'size', 'sha256'],
  // From here on: every NOT NULL column of the desk's table (a desk writes the whole row).
  leads: ['customer', 'source', 'models', 'stage', 'furthestStage', 'createdBy', 'createdAt', 'updatedAt'],
  stock_cars: ['vin', 'model', 'status', 'updatedAt'],
  arrival_requests: ['customer', 'model', 'status', 'createdAt'],
  sales_orders: ['number', 'customer', 'model', 'priceYuan', 'depositYuan', 'promisedDate', 'status', 'orderDate', 'createdAt'],
  deliveries: ['order', 'customer', 'plannedDate', 'status', 'createdAt'],
  sales_contracts: ['number', 'order', 'status', 'amountYuan', 'updatedAt'],
  policies: ['vehicle', 'customer', 'insurer', 'kind', 'startDate', 'endDate', 'premiumYuan', 'createdAt'],
  policy_items: ['policy', 'code', 'premiumYuan'],
  renewals: ['policy', 'stage', 'expiryDate', 'updatedAt'],
  membership_points: ['customer', 'points', 'reason', 'at', 'createdBy'],
  win_backs: ['customer', 'status', 'churnStatus', 'importance', 'attempts', 'createdAt', 'updatedAt'],
  quality_reviews: ['recording', 'agent', 'month', 'reviewer', 'scores', 'reviewedAt'],
  quality_comments: ['recording', 'atMs', 'author', 'body', 'createdAt'],
  questionnaires: ['questionnaireId', 'title', 'purpose', 'definition', 'updatedAt'],
  surveys: ['name', 'questionnaireId', 'segment', 'share', 'seed', 'createdBy', 'createdAt'],
  survey_answers: ['workItem', 'questionnaireId', 'answers', 'satisfied', 'agent', 'createdAt'],
  message_templates: ['templateId', 'title', 'channel', 'purpose', 'body', 'updatedAt'],
  messages: ['channel', 'direction', 'address', 'purpose', 'body', 'status', 'attempts', 'createdBy', 'createdAt'],
  message_opt_outs: ['address', 'scope', 'at', 'source'],
};

/**
 * Records written once and never edited (history entries): a second create of the same uid
 * (a rule that ran on two desks, a replayed import) is a no-op, never a conflict.
 */
export const appendOnlyEntities: ReadonlySet<SyncEntity> = new Set([
  'kb_article_versions', 'work_item_history', 'membership_points', 'quality_comments', 'survey_answers',
]);

/** Fields longer than the default limit of a wire value (Markdown article bodies). */
export const longTextFields: Readonly<Record<string, number>> = {
  'kb_articles.body': 200_000, 'kb_articles.extra': 20_000, 'kb_article_versions.body': 200_000, 'kb_article_versions.fields': 20_000,
  'work_items.description': 8_000, 'work_items.fields': 50_000, 'work_item_history.note': 8_000, 'work_item_history.data': 50_000,
  'questionnaires.definition': 50_000, 'survey_answers.answers': 50_000, 'surveys.segment': 8_000, 'quality_reviews.scores': 8_000,
  'message_templates.body': 8_000, 'messages.body': 200_000, 'messages.params': 8_000, 'messages.parsed': 8_000,
};
export const defaultTextLimit = 4_000;

export type FieldType = 'text' | 'int' | 'real' | 'bool';
const intFields = new Set([
  'modelYear', 'mileageKm', 'nextServiceKm', 'lostRev', 'wonRev', 'mileageMin', 'mileageMax', 'ageMinMonths', 'ageMaxMonths', 'version', 'attempts', 'talkSeconds', 'size',
  'points', 'atMs', 'seed',
]);
const realFields = new Set(['amountYuan', 'budgetYuan', 'priceYuan', 'depositYuan', 'premiumYuan', 'sumInsuredYuan', 'quoteYuan', 'total', 'share']);
const boolFields = new Set(['isPrimary', 'byAppointment', 'resolved', 'satisfied']);

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
  kb_articles: [
    { entity: 'kb_article_versions', field: 'article' },
    { entity: 'kb_attachments', field: 'article' },
  ],
  kb_article_versions: [],
  work_items: [{ entity: 'work_item_history', field: 'workItem' }],
  work_item_history: [],
  appointments: [],
  call_records: [],
  kb_attachments: [],
  // The rest follow their references as the desks' foreign keys do (src-server/store/push.ts).
  leads: [], stock_cars: [], arrival_requests: [], sales_orders: [], deliveries: [], sales_contracts: [],
  policies: [], policy_items: [], renewals: [], membership_points: [], win_backs: [], quality_reviews: [], quality_comments: [],
  questionnaires: [], surveys: [], survey_answers: [], message_templates: [], messages: [], message_opt_outs: [],
};

export function sameValue(a: WireValue | undefined, b: WireValue | undefined): boolean {
  return (a ?? null) === (b ?? null);
}
