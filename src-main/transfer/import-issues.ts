// The one table of import problems: each code's severity and English reason (CLI, logs). The
// renderer shows the translated `import.issue.<code>` instead; the params are shared by both.
import type { ImportIssue, ImportIssueCode, ImportIssueParamsOf, ImportIssueSeverity } from '../../src-shared/contract/transfer';

/** A problem found in one cell, before it is tied to a row and a column. */
export type Problem = { [C in ImportIssueCode]: { code: C; params: ImportIssueParamsOf<C> } }[ImportIssueCode];

type IssueText = { [C in ImportIssueCode]: { severity: ImportIssueSeverity; reason: (p: ImportIssueParamsOf<C>) => string } };

const issueText: IssueText = {
  name_required: { severity: 'error', reason: () => 'name is required' },
  text_too_long: { severity: 'error', reason: (p) => `longer than ${p.limit} characters (${p.length})` },
  scientific_notation: {
    severity: 'error',
    reason: (p) => `"${p.value}" is in scientific notation: Excel dropped the last digits when it saved the file; format the column as text and export again`,
  },
  phone_invalid: { severity: 'error', reason: (p) => `not a phone number: "${p.value}"` },
  mobile_length: { severity: 'error', reason: (p) => `"${p.value}" has ${p.digits} digits; a mobile number has 11` },
  // Foreign numbers (00…) and odd service numbers are kept.
  phone_unusual: { severity: 'warning', reason: (p) => `unusual phone number "${p.value}", imported as given` },
  phone_required: { severity: 'error', reason: () => 'at least one phone number is required' },
  date_invalid: { severity: 'error', reason: (p) => `not a date: "${p.value}" (use YYYY-MM-DD)` },
  date_ambiguous: { severity: 'error', reason: (p) => `ambiguous date "${p.value}": write it as YYYY-MM-DD` },
  date_out_of_range: { severity: 'error', reason: (p) => `date out of range: "${p.value}"` },
  birthday_future: { severity: 'error', reason: (p) => `birthday ${p.value} is in the future` },
  gender_invalid: { severity: 'error', reason: (p) => `gender must be 男/女 or M/F, got "${p.value}"` },
  email_invalid: { severity: 'error', reason: (p) => `not an e-mail address: "${p.value}"` },
  mileage_invalid: { severity: 'error', reason: (p) => `mileage must be a number of kilometres, got "${p.value}"` },
  mileage_implausible: { severity: 'error', reason: (p) => `mileage ${p.km} km is not plausible` },
  model_year_invalid: { severity: 'error', reason: (p) => `model year must be a year such as 2021, got "${p.value}"` },
  plate_invalid: { severity: 'error', reason: (p) => `not a licence plate: "${p.value}"` },
  vin_length: { severity: 'error', reason: (p) => `VIN must have 17 characters, "${p.value}" has ${p.length}` },
  vin_characters: { severity: 'error', reason: (p) => `VIN "${p.value}" has characters a VIN never uses (I, O, Q or symbols)` },
  // Real data carries typos and non-Chinese-market VINs without a check digit (field-values.ts).
  vin_check_digit: {
    severity: 'warning',
    reason: (p) => `VIN "${p.value}" check digit wrong (position 9 is ${p.actual}, expected ${p.expected}); imported as given`,
  },
  number_exists: { severity: 'error', reason: (p) => `customer number ${p.number} already exists in the database` },
  duplicate_number: {
    severity: 'error',
    reason: (p) => `duplicate customer number ${p.number} (row ${p.firstRow}) with a different ${p.field}`,
  },
  skipped_with_row: { severity: 'error', reason: (p) => `skipped with row ${p.firstRow}: same customer number ${p.number}` },
  extra_cell: { severity: 'warning', reason: (p) => `cell "${p.value}" outside the header columns was ignored` },
};

export function problem<C extends ImportIssueCode>(code: C, params: ImportIssueParamsOf<C>): Problem {
  return { code, params } as Problem;
}

export function toIssue(row: number, column: string, { code, params }: Problem): ImportIssue {
  const text = issueText[code] as { severity: ImportIssueSeverity; reason: (p: Record<string, string>) => string };
  const hasParams = Object.keys(params).length > 0;
  return { row, column, code, severity: text.severity, ...(hasParams ? { params: { ...params } } : {}), reason: text.reason(params) };
}

export function isError(issue: ImportIssue): boolean {
  return issue.severity === 'error';
}
