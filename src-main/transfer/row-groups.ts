// Rows → customers. A customer number may appear on several rows when an export lists one row
// per vehicle (as DMS exports and our own export do): rows with the same number and the same
// customer details are one customer with several vehicles and phones. The same number with a
// different name or details is a duplicate and an error, as is a number already in the database
// (import creates customers; it never overwrites one).
import type { ImportIssue } from '../../src-shared/contract/transfer';
import type { NewCustomerRecord } from '../customers/customer-writer';
import { isError, problem, toIssue } from './import-issues';
import type { RowRecord } from './row-record';

export interface CustomerGroup {
  rows: number[];
  record: NewCustomerRecord;
  phoneKeys: Set<string>;
  hasError: boolean;
}

const customerScalars = ['name', 'gender', 'birthday', 'district', 'address', 'email', 'category', 'membershipTier', 'advisorName'] as const;

export function groupRows(
  rows: RowRecord[],
  numberColumn: string,
  numberExists: (number: string) => boolean,
): { groups: CustomerGroup[]; issues: ImportIssue[] } {
  const groups: CustomerGroup[] = [];
  const issues: ImportIssue[] = [];
  const byNumber = new Map<string, CustomerGroup>();
  for (const row of rows) {
    issues.push(...row.issues);
    const number = row.record.number;
    if (number && numberExists(number)) {
      issues.push(toIssue(row.row, numberColumn, problem('number_exists', { number })));
      row.hasError = true;
    }
    const first = number ? byNumber.get(number) : undefined;
    if (row.missingPhoneColumn && !first) {
      issues.push(toIssue(row.row, row.missingPhoneColumn, problem('phone_required', {})));
      row.hasError = true;
    }
    if (first) {
      const conflict = customerScalars.find((key) => differs(first.record[key], row.record[key]));
      if (conflict) {
        const field = conflict === 'advisorName' ? 'advisor' : conflict;
        issues.push(toIssue(row.row, numberColumn, problem('duplicate_number', { number: number ?? '', firstRow: String(first.rows[0]), field })));
        // The first row is not guilty: only this row is rejected.
        groups.push(single(row, true));
        continue;
      }
      merge(first, row);
      continue;
    }
    const group = single(row, row.hasError);
    groups.push(group);
    if (number) byNumber.set(number, group);
  }
  const rowsWithErrors = new Set(issues.filter(isError).map((issue) => issue.row));
  for (const group of groups) {
    if (!group.hasError || group.rows.length < 2) continue;
    const culprit = group.rows.find((row) => rowsWithErrors.has(row));
    const number = group.record.number ?? '';
    for (const row of group.rows) {
      if (!rowsWithErrors.has(row)) issues.push(toIssue(row, numberColumn, problem('skipped_with_row', { number, firstRow: String(culprit) })));
    }
  }
  issues.sort((a, b) => a.row - b.row);
  return { groups, issues };
}

function single(row: RowRecord, hasError: boolean): CustomerGroup {
  return { rows: [row.row], record: { ...row.record, vehicles: [...row.record.vehicles], phones: [...row.record.phones] }, phoneKeys: new Set(row.phoneKeys), hasError };
}

function differs(a: unknown, b: unknown): boolean {
  return a != null && a !== '' && b != null && b !== '' && a !== b;
}

function merge(group: CustomerGroup, row: RowRecord): void {
  group.rows.push(row.row);
  group.hasError ||= row.hasError;
  const target = group.record;
  for (const key of customerScalars) {
    if ((target[key] == null || target[key] === '') && row.record[key] != null) (target as unknown as Record<string, unknown>)[key] = row.record[key];
  }
  target.customFields = { ...row.record.customFields, ...target.customFields };
  row.record.phones.forEach((phone, index) => {
    const key = row.phoneKeys[index];
    if (group.phoneKeys.has(key)) return;
    group.phoneKeys.add(key);
    target.phones.push({ raw: phone.raw, isPrimary: false });
  });
  for (const vehicle of row.record.vehicles) {
    const repeat = target.vehicles.some((v) => (vehicle.plate && v.plate === vehicle.plate) || (vehicle.vin && v.vin === vehicle.vin));
    if (!repeat) target.vehicles.push(vehicle);
  }
}
