import type { HandlersFor } from '../contract/dispatcher';
import type { DeskContext } from '../host/context';
import { membershipSummary, recomputeMembership, redeemPoints } from '../membership/membership-service';
import { createPolicy, listPolicies, renewalList, updateRenewal } from './policy-service';

type InsuranceMethods = 'insurance.policies.list' | 'insurance.policies.create' | 'insurance.renewals.list' | 'insurance.renewals.update' | 'membership.summary' | 'membership.redeem' | 'membership.recompute';

export const insuranceHandlers: HandlersFor<InsuranceMethods, DeskContext> = {
  'insurance.policies.list': (input, ctx) => listPolicies(ctx, input),
  'insurance.policies.create': (input, ctx) => createPolicy(ctx, input),
  'insurance.renewals.list': (input, ctx) => renewalList(ctx, input),
  'insurance.renewals.update': (input, ctx) => updateRenewal(ctx, input),
  'membership.summary': ({ customerId }, ctx) => membershipSummary(ctx, customerId),
  'membership.redeem': (input, ctx) => redeemPoints(ctx, input),
  'membership.recompute': (_input, ctx) => recomputeMembership(ctx),
};
