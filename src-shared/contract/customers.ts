import { z } from 'zod';
import { request } from './define';

export const matchKinds = ['phone', 'phone_tail', 'plate', 'name', 'pinyin', 'number', 'vin', 'vin_tail'] as const;
export const MatchKindSchema = z.enum(matchKinds);
export type MatchKind = z.infer<typeof MatchKindSchema>;

export const PhoneViewSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['mobile', 'landline', 'service', 'other']),
  /** Formatted for display; masked (138****5678) for roles that may not see full numbers. */
  display: z.string(),
  masked: z.boolean(),
  isPrimary: z.boolean(),
});
export type PhoneView = z.infer<typeof PhoneViewSchema>;

export const CustomerHitSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  name: z.string(),
  membershipTier: z.string().nullable(),
  phones: z.array(z.string()),
  plates: z.array(z.string()),
  match: MatchKindSchema,
  matched: z.string(),
  score: z.number(),
});
export type CustomerHit = z.infer<typeof CustomerHitSchema>;

export const VehicleSchema = z.object({
  id: z.number().int(),
  plate: z.string().nullable(),
  vin: z.string().nullable(),
  brand: z.string().nullable(),
  model: z.string().nullable(),
  modelYear: z.number().int().nullable(),
  colour: z.string().nullable(),
  purchaseDate: z.string().nullable(),
  mileageKm: z.number().int().nullable(),
  mileageDate: z.string().nullable(),
  warrantyEnd: z.string().nullable(),
  insuranceCompany: z.string().nullable(),
  insuranceExpiry: z.string().nullable(),
  nextInspection: z.string().nullable(),
  nextServiceDate: z.string().nullable(),
  nextServiceKm: z.number().int().nullable(),
});
export type Vehicle = z.infer<typeof VehicleSchema>;

export const visitKinds = ['first_maintenance', 'maintenance', 'repair', 'accident', 'warranty'] as const;
export const ServiceVisitSchema = z.object({
  id: z.number().int(),
  vehicleId: z.number().int(),
  visitDate: z.string(),
  kind: z.enum(visitKinds),
  mileageKm: z.number().int().nullable(),
  advisor: z.string().nullable(),
  amountYuan: z.number().nullable(),
  byAppointment: z.boolean(),
});
export type ServiceVisit = z.infer<typeof ServiceVisitSchema>;

export const DueItemSchema = z.object({
  kind: z.enum(['first_maintenance', 'maintenance', 'insurance', 'inspection', 'warranty', 'birthday']),
  vehicleId: z.number().int().nullable(),
  dueDate: z.string(),
  daysLeft: z.number().int(),
  urgency: z.enum(['overdue', 'soon', 'upcoming']),
  detail: z.string().optional(),
});
export type DueItem = z.infer<typeof DueItemSchema>;

export const CustomerCardSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  name: z.string(),
  gender: z.enum(['M', 'F']).nullable(),
  birthday: z.string().nullable(),
  district: z.string().nullable(),
  address: z.string().nullable(),
  email: z.string().nullable(),
  category: z.string().nullable(),
  membershipTier: z.string().nullable(),
  advisor: z.string().nullable(),
  customFields: z.record(z.string(), z.string()),
  phones: z.array(PhoneViewSchema),
  vehicles: z.array(VehicleSchema),
  visits: z.array(ServiceVisitSchema),
  due: z.array(DueItemSchema),
  churn: z.object({ visitClass: z.enum(['A', 'B', 'C', 'D']), status: z.enum(['active', 'at_risk', 'lost', 'permanently_lost', 'new']) }),
});
export type CustomerCard = z.infer<typeof CustomerCardSchema>;

export const NewCustomerSchema = z.object({
  name: z.string().trim().min(1).max(64),
  phone: z.string().trim().min(3).max(40),
  plate: z.string().trim().max(16).optional(),
  gender: z.enum(['M', 'F']).optional(),
  district: z.string().max(64).optional(),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** Vehicle fields a desk may edit; absent = unchanged, null = cleared. */
export const VehiclePatchSchema = z.object({
  id: z.number().int().positive(),
  plate: optionalText(16),
  vin: optionalText(17),
  brand: optionalText(40),
  model: optionalText(60),
  modelYear: z.number().int().min(1950).max(2100).nullable().optional(),
  colour: optionalText(20),
  purchaseDate: isoDate.nullable().optional(),
  mileageKm: z.number().int().min(0).max(5_000_000).nullable().optional(),
  warrantyEnd: isoDate.nullable().optional(),
  insuranceCompany: optionalText(60),
  insuranceExpiry: isoDate.nullable().optional(),
  nextInspection: isoDate.nullable().optional(),
  nextServiceDate: isoDate.nullable().optional(),
  nextServiceKm: z.number().int().min(0).max(5_000_000).nullable().optional(),
});

/**
 * An edit of a customer card (issue 6): only the fields present change, each one a field edit
 * in the sync outbox so two desks editing different fields both keep their edit.
 */
export const CustomerUpdateSchema = z.object({
  customerId: z.number().int().positive(),
  name: z.string().trim().min(1).max(64).optional(),
  gender: z.enum(['M', 'F']).nullable().optional(),
  birthday: isoDate.nullable().optional(),
  district: optionalText(64),
  address: optionalText(200),
  email: z.union([z.literal(''), z.email().max(120)]).nullable().optional(),
  phones: z
    .object({
      add: z.array(z.object({ raw: z.string().trim().min(3).max(40), isPrimary: z.boolean().optional() })).max(10).default([]),
      edit: z.array(z.object({ id: z.number().int().positive(), raw: z.string().trim().min(3).max(40).optional(), isPrimary: z.boolean().optional() })).max(20).default([]),
      remove: z.array(z.number().int().positive()).max(20).default([]),
    })
    .optional(),
  vehicles: z.array(VehiclePatchSchema).max(20).optional(),
});
export type CustomerUpdate = z.input<typeof CustomerUpdateSchema>;

export const customerRequests = {
  'customers.search': request({
    input: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(200).default(50) }),
    output: z.object({ hits: z.array(CustomerHitSchema), tookMs: z.number() }),
  }),
  'customers.card': request({
    input: z.object({ customerId: z.number().int().positive() }),
    output: CustomerCardSchema,
  }),
  'customers.lookupPhone': request({
    // withCard (the screen-pop): the card of a single match comes in the same reply, so the
    // caller's card is one round trip from the INVITE, not two.
    input: z.object({ phone: z.string().max(200), withCard: z.boolean().optional() }),
    output: z.object({ normalized: z.string().nullable(), customerIds: z.array(z.number().int()), card: CustomerCardSchema.optional() }),
  }),
  'customers.create': request({
    input: NewCustomerSchema,
    output: z.object({ id: z.number().int(), number: z.string() }),
  }),
  'customers.update': request({
    input: CustomerUpdateSchema,
    /** changed: how many record edits went into the outbox (0 = nothing differed). */
    output: z.object({ id: z.number().int(), changed: z.number().int() }),
  }),
  'customers.count': request({
    input: z.object({}).default({}),
    output: z.object({ customers: z.number().int(), vehicles: z.number().int() }),
  }),
};

export const customerEvents = {
  'customers.changed': z.object({ ids: z.array(z.number().int()).optional() }),
};
