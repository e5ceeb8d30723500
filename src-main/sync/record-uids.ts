// Uids that every desk computes alike (issue 6). A rule-made record takes its uid from the rule's
// source key, and a record that exists once per natural key (a template id, an address, a
// policy's renewal, a customer's win-back, a VIN) takes it from that key: two desks making it
// offline push the same uid and the server merges them into one record instead of two (and a
// desk never holds two rows for one key, which its UNIQUE indexes would refuse).
import { createHash } from 'node:crypto';

/** The uid of a row that a rule made from `sourceKey`: the same on every desk that runs the rule. */
export function ruleUid(sourceKey: string): string {
  return `r-${createHash('sha256').update(sourceKey).digest('hex').slice(0, 32)}`;
}

/**
 * Source keys of the records keyed by something other than a rule run. The SQL in
 * record-table-specs.ts (naturalKey) builds the same strings to give rows stored before
 * migration 0014 their uid; keep the two in step.
 */
export const naturalKeys = {
  renewal: (policyUid: string) => `renewal:${policyUid}`,
  winBack: (customerUid: string) => `win-back:${customerUid}`,
  /** Earned points: their source key ('visit:<service visit uid>'). */
  membershipPoints: (sourceKey: string) => `membership:${sourceKey}`,
  questionnaire: (id: string) => `questionnaire:${id}`,
  messageTemplate: (id: string) => `message-template:${id}`,
  optOut: (address: string) => `opt-out:${address}`,
  stockCar: (vin: string) => `stock-car:${vin}`,
  /** The vehicle a completed delivery adds to the customer's cars. */
  deliveredVehicle: (deliveryUid: string) => `delivery-vehicle:${deliveryUid}`,
} as const;

export const recordUids = Object.fromEntries(
  Object.entries(naturalKeys).map(([name, key]) => [name, (value: string) => ruleUid((key as (v: string) => string)(value))]),
) as { [K in keyof typeof naturalKeys]: (value: string) => string };
