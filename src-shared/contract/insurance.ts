// Insurance (issue 9): policies per vehicle with cover items, the renewal funnel (续保) with the
// expiring lists at 90/60/30 days, and membership points and tiers (会员).
import { z } from 'zod';
import { request } from './define';
import { permissions } from '../domain/roles';
import { coverItems } from '../domain/insurance/cover';
import { lostReasons, renewalStages } from '../domain/insurance/renewal';

const text = (max: number) => z.string().trim().max(max);
const id = z.number().int().positive();
const date = z.iso.date();
const yuan = z.number().min(0).max(100_000_000);

export const CoverItemSchema = z.object({ code: z.enum(coverItems), sumInsuredYuan: yuan.nullable().default(null), premiumYuan: yuan });
export const PolicyViewSchema = z.object({
  id: z.number().int(), vehicleId: z.number().int(), customerId: z.number().int(), plate: z.string().nullable(), insurer: z.string(), policyNumber: z.string().nullable(),
  kind: z.string(), startDate: z.string(), endDate: z.string(), premiumYuan: z.number(), items: z.array(CoverItemSchema), renewsPolicyId: z.number().int().nullable(),
});
export type PolicyView = z.infer<typeof PolicyViewSchema>;

export const RenewalRowSchema = z.object({
  policyId: z.number().int(), customerId: z.number().int(), customerName: z.string(), plate: z.string().nullable(), model: z.string().nullable(), insurer: z.string(),
  endDate: z.string(), daysLeft: z.number().int(), window: z.union([z.number().int(), z.literal('expired')]).nullable(), stage: z.enum(renewalStages),
  quoteYuan: z.number().nullable(), lostReason: z.string().nullable(), note: z.string().nullable(), agent: z.string().nullable(),
});
export type RenewalRow = z.infer<typeof RenewalRowSchema>;

export const NewPolicySchema = z.object({
  vehicleId: id, insurer: text(100).min(1), policyNumber: text(60).nullable().optional(), startDate: date, endDate: date, items: z.array(CoverItemSchema).min(1).max(20),
});

export const MembershipSummarySchema = z.object({
  customerId: z.number().int(), tier: z.object({ code: z.string(), label: z.string() }).nullable(), spendYuan: z.number(), periodMonths: z.number().int(), balance: z.number().int(),
  entries: z.array(z.object({ id: z.number().int(), points: z.number().int(), reason: z.string(), at: z.string(), by: z.string() })),
});

export const insuranceRequests = {
  'insurance.policies.list': request({ input: z.object({ customerId: id.optional(), vehicleId: id.optional() }), output: z.array(PolicyViewSchema) }),
  'insurance.policies.create': request({ input: NewPolicySchema, output: PolicyViewSchema, roles: permissions.manageInsurance }),
  'insurance.renewals.list': request({
    input: z.object({ window: z.union([z.literal(30), z.literal(60), z.literal(90), z.literal('expired'), z.literal('all')]).default(90), stage: z.enum(renewalStages).optional(), limit: z.number().int().min(1).max(1000).default(200) }),
    output: z.array(RenewalRowSchema), roles: permissions.manageInsurance,
  }),
  'insurance.renewals.update': request({
    input: z.object({ policyId: id, stage: z.enum(renewalStages), quoteYuan: yuan.nullable().optional(), lostReason: z.enum(lostReasons).nullable().optional(), note: text(1000).nullable().optional(), newPolicy: NewPolicySchema.omit({ vehicleId: true }).optional() }),
    output: RenewalRowSchema, roles: permissions.manageInsurance,
  }),
  'membership.summary': request({ input: z.object({ customerId: id }), output: MembershipSummarySchema }),
  'membership.redeem': request({ input: z.object({ customerId: id, points: z.number().int().positive(), reason: text(200).min(1) }), output: MembershipSummarySchema, roles: permissions.manageMembership }),
  'membership.recompute': request({ input: z.object({}), output: z.object({ customers: z.number().int(), changed: z.number().int(), pointsAdded: z.number().int() }), roles: permissions.viewDashboards }),
};
