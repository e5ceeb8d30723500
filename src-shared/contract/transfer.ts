import { z } from 'zod';
import { request } from './define';

/** Fields an import column can map to (customer + first phone + first vehicle per row). */
export const importFields = [
  'number', 'name', 'gender', 'birthday', 'district', 'address', 'email', 'category', 'membershipTier', 'advisor',
  'mobile', 'phone', 'plate', 'vin', 'brand', 'model', 'modelYear', 'colour', 'purchaseDate', 'mileageKm',
  'insuranceCompany', 'insuranceExpiry', 'nextInspection',
] as const;
export const ImportFieldSchema = z.enum(importFields);
export type ImportField = z.infer<typeof ImportFieldSchema>;

/** A file travels as base64 over the contract; 50 MB is a very large customer export. */
const FilePayload = z.object({
  fileName: z.string().min(1).max(255),
  base64: z.string().max(70_000_000),
});

export const importIssueCodes = [
  'name_required', 'text_too_long', 'scientific_notation', 'phone_invalid', 'mobile_length', 'phone_unusual', 'phone_required',
  'date_invalid', 'date_ambiguous', 'date_out_of_range', 'birthday_future', 'gender_invalid', 'email_invalid', 'mileage_invalid',
  'mileage_implausible', 'model_year_invalid', 'plate_invalid', 'vin_length', 'vin_characters', 'vin_check_digit', 'number_exists',
  'duplicate_number', 'skipped_with_row', 'extra_cell',
] as const;
export const ImportIssueCodeSchema = z.enum(importIssueCodes);
export type ImportIssueCode = z.infer<typeof ImportIssueCodeSchema>;

/**
 * Every problem the importer can report, with the names of the params it carries. The renderer
 * translates `import.issue.<code>` with these params; `reason` is the English text for the CLI
 * and logs. Adding a code means adding its zh-CN and en text (a test checks).
 */
export const importIssueParams = {
  name_required: [],
  text_too_long: ['limit', 'length'],
  scientific_notation: ['value'],
  phone_invalid: ['value'],
  mobile_length: ['value', 'digits'],
  phone_unusual: ['value'],
  phone_required: [],
  date_invalid: ['value'],
  date_ambiguous: ['value'],
  date_out_of_range: ['value'],
  birthday_future: ['value'],
  gender_invalid: ['value'],
  email_invalid: ['value'],
  mileage_invalid: ['value'],
  mileage_implausible: ['km'],
  model_year_invalid: ['value'],
  plate_invalid: ['value'],
  vin_length: ['value', 'length'],
  vin_characters: ['value'],
  vin_check_digit: ['value', 'actual', 'expected'],
  number_exists: ['number'],
  /** `field` is an ImportField name (name, gender, advisor, …). */
  duplicate_number: ['number', 'firstRow', 'field'],
  skipped_with_row: ['number', 'firstRow'],
  extra_cell: ['value'],
} as const satisfies Record<ImportIssueCode, readonly string[]>;

export type ImportIssueParamsOf<C extends ImportIssueCode> = Record<(typeof importIssueParams)[C][number], string>;

/** error: the row is not imported; warning: the row is imported as given and the user told why. */
export const ImportIssueSeveritySchema = z.enum(['error', 'warning']);
export type ImportIssueSeverity = z.infer<typeof ImportIssueSeveritySchema>;

export const ImportIssueSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  code: ImportIssueCodeSchema,
  severity: ImportIssueSeveritySchema,
  params: z.record(z.string(), z.string()).optional(),
  reason: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssueSchema>;

export const ImportPreviewSchema = z.object({
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string(),
  headers: z.array(z.string()),
  sampleRows: z.array(z.array(z.string())),
  totalRows: z.number().int(),
  /** header index → field, guessed from Chinese and English header names. */
  mapping: z.array(ImportFieldSchema.nullable()),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportReportSchema = z.object({
  totalRows: z.number().int(),
  imported: z.number().int(),
  skipped: z.number().int(),
  committed: z.boolean(),
  issues: z.array(ImportIssueSchema),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

export const transferRequests = {
  'transfer.previewImport': request({
    input: FilePayload,
    output: ImportPreviewSchema,
    roles: ['admin', 'supervisor'],
  }),
  'transfer.runImport': request({
    input: FilePayload.extend({
      mapping: z.array(ImportFieldSchema.nullable()).max(200),
      /** false: any bad row rejects the whole file; true: import the good rows in one transaction. */
      skipInvalidRows: z.boolean().default(false),
    }),
    output: ImportReportSchema,
    roles: ['admin', 'supervisor'],
  }),
  'transfer.exportCustomers': request({
    input: z.object({ query: z.string().max(200).default(''), format: z.enum(['csv', 'xlsx']), limit: z.number().int().min(1).max(100_000).default(10_000) }),
    output: FilePayload.extend({ rows: z.number().int(), mime: z.string() }),
    roles: ['admin', 'supervisor'],
  }),
  'transfer.backup': request({
    input: z.object({}).default({}),
    output: z.object({ path: z.string(), bytes: z.number().int() }),
    roles: ['admin'],
  }),
  'transfer.listBackups': request({
    input: z.object({}).default({}),
    output: z.array(z.object({ path: z.string(), bytes: z.number().int(), createdAt: z.string() })),
    roles: ['admin'],
  }),
  'transfer.restore': request({
    input: z.object({ path: z.string().min(1).max(1024) }),
    output: z.object({ restoredFrom: z.string() }),
    roles: ['admin'],
  }),
};
