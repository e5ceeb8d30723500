// Complaint routing (seed 003, 重要客户由部门经理负责): important customers are not those who
// spend most but those with repeat repairs (多次返修), a loss caused by our mistake, a major
// complaint, or an influential and difficult temper. Their complaints go straight to the
// department manager instead of the customer-service queue.
import type { Department } from './kinds';

export interface ImportanceFacts {
  /** Repair visits of the same vehicle within `repeatRepairWindowDays`. */
  recentRepairsOfVehicle: number;
  ourFault: boolean;
  major: boolean;
  /** Flagged on the customer record (category/tag 'vip'/'influential'/'重要客户'). */
  influential: boolean;
}

export interface RoutingRules {
  repeatRepairCount: number;
  repeatRepairWindowDays: number;
  /** Complaint category → department that handles it. */
  departmentOf: Readonly<Record<string, Department>>;
}

export const defaultRoutingRules: RoutingRules = Object.freeze({
  repeatRepairCount: 2,
  repeatRepairWindowDays: 90,
  departmentOf: Object.freeze({
    service_quality: 'service', repair_quality: 'service', waiting_time: 'service', parts: 'parts', price: 'service',
    product_quality: 'service', attitude: 'customer_service', sales: 'sales', other: 'customer_service',
  }),
});

export type ImportanceReason = 'repeat_repairs' | 'our_fault' | 'major_complaint' | 'influential';

export function importanceReasons(f: ImportanceFacts, rules: RoutingRules = defaultRoutingRules): ImportanceReason[] {
  const r: ImportanceReason[] = [];
  if (f.recentRepairsOfVehicle >= rules.repeatRepairCount) r.push('repeat_repairs');
  if (f.ourFault) r.push('our_fault');
  if (f.major) r.push('major_complaint');
  if (f.influential) r.push('influential');
  return r;
}

export interface Route {
  department: Department;
  /** 'manager': the department manager owns it from the start. */
  level: 'queue' | 'manager';
  reasons: ImportanceReason[];
}

export function routeComplaint(category: string | null, facts: ImportanceFacts, rules: RoutingRules = defaultRoutingRules): Route {
  const reasons = importanceReasons(facts, rules);
  const department = (category && rules.departmentOf[category]) || 'customer_service';
  return { department, level: reasons.length ? 'manager' : 'queue', reasons };
}

const influentialMarks = /^(vip|influential|important|重要客户|重要|大客户|意见领袖)$/i;

export function isInfluentialMark(value: string | null | undefined): boolean {
  return !!value && value.split(/[,,;;\s]+/).some((v) => influentialMarks.test(v.trim()));
}
