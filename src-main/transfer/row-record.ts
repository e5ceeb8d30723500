// One spreadsheet row → the customer, phones and vehicle it describes, plus every problem found,
// each tied to the column a user sees. Errors keep the row out; warnings ("warning: …") are
// reported but the row is imported (the report format has no severity field).
import type { ImportField, ImportIssue } from '../../src-shared/contract/transfer';
import { normalizePhone, splitPhoneList } from '../../src-shared/domain/phone';
import { normalizePlate } from '../../src-shared/domain/plate';
import { toHalfWidth } from '../../src-shared/domain/text';
import type { NewCustomerRecord, NewVehicleRecord } from '../customers/customer-writer';
import { exportHeaders, isIgnoredHeader } from './header-mapping';
import { checkVin, cleanCell, isScientificNotation, parseDate, parseEmail, parseGender, parseMileage, parseModelYear, type Parsed } from './field-values';

export const warningPrefix = 'warning: ';

export interface RowRecord {
  row: number;
  record: NewCustomerRecord;
  /** Normalized phone numbers, to merge continuation rows without duplicates. */
  phoneKeys: string[];
  /** The row has no phone: an error unless it continues a customer from an earlier row. */
  missingPhoneColumn: string | null;
  issues: ImportIssue[];
  hasError: boolean;
  blank: boolean;
}

const textLimit = 500;
const vehicleFields = ['plate', 'vin', 'brand', 'model', 'modelYear', 'colour', 'purchaseDate', 'mileageKm', 'insuranceCompany', 'insuranceExpiry', 'nextInspection'] as const;

export function readRow(row: number, cells: string[], headers: string[], mapping: (ImportField | null)[], now: Date): RowRecord {
  const issues: ImportIssue[] = [];
  const label = (index: number) => headers[index] || columnLetter(index);
  const error = (column: string, reason: string) => issues.push({ row, column, reason });
  const warn = (column: string, reason: string) => issues.push({ row, column, reason: warningPrefix + reason });

  const single = new Map<ImportField, { text: string; column: string }>();
  const phoneCells: { text: string; column: string }[] = [];
  const customFields: Record<string, string> = {};
  let blank = true;
  mapping.forEach((field, index) => {
    const text = cleanCell(cells[index]);
    if (text === '') return;
    blank = false;
    if (field === 'mobile' || field === 'phone') phoneCells.push({ text, column: label(index) });
    else if (field) single.set(field, { text, column: label(index) });
    else if (!isIgnoredHeader(headers[index] ?? '')) customFields[headers[index]] = text;
  });
  // Cells beyond the header's width have no column name; they are data nobody mapped.
  for (let index = mapping.length; index < cells.length; index++) {
    if (cleanCell(cells[index]) !== '') warn(columnLetter(index), 'cell outside the header columns was ignored');
  }

  function text(field: ImportField): string | null {
    const cell = single.get(field);
    if (!cell) return null;
    if (cell.text.length > textLimit) {
      error(cell.column, `longer than ${textLimit} characters`);
      return null;
    }
    return cell.text;
  }
  function parsed<T>(field: ImportField, parse: (raw: string) => Parsed<T>): T | null {
    const cell = single.get(field);
    if (!cell) return null;
    const result = parse(cell.text);
    if ('error' in result) {
      error(cell.column, result.error);
      return null;
    }
    return result.value;
  }

  const name = (text('name') ?? '').replace(/\s+/g, ' ');
  if (!name) error(single.get('name')?.column ?? exportHeaders.name, 'name is required');
  else if (name.length > 64) error(single.get('name')!.column, 'name is longer than 64 characters');

  let number: string | undefined;
  const numberCell = single.get('number');
  if (numberCell) {
    const value = toHalfWidth(numberCell.text).trim();
    if (isScientificNotation(value)) error(numberCell.column, scientificReason(value));
    else if (value.length > 32) error(numberCell.column, 'customer number is longer than 32 characters');
    else number = value;
  }

  const phones: { raw: string; isPrimary?: boolean; mobile: boolean; key: string }[] = [];
  for (const cell of phoneCells) {
    if (isScientificNotation(cell.text)) {
      error(cell.column, scientificReason(cell.text));
      continue;
    }
    for (const piece of splitPhoneList(cell.text)) {
      const phone = normalizePhone(piece);
      if (!phone) {
        error(cell.column, `not a phone number: "${piece}"`);
        continue;
      }
      if (phone.kind === 'other') {
        // A mobile number with a digit missing or extra is the commonest typo; foreign numbers
        // (00…) and odd service numbers are kept with a warning.
        if (/^1\d+$/.test(phone.normalized) && phone.normalized.length !== 11) {
          error(cell.column, `"${piece}" has ${phone.normalized.length} digits; a mobile number has 11`);
          continue;
        }
        warn(cell.column, `unusual phone number "${piece}", imported as given`);
      }
      if (!phones.some((p) => p.key === phone.normalized)) phones.push({ raw: piece, mobile: phone.kind === 'mobile', key: phone.normalized });
    }
    if (splitPhoneList(cell.text).length === 0) error(cell.column, `not a phone number: "${cell.text}"`);
  }
  // Whether a row without phones is an error depends on its neighbours: a further vehicle row of
  // a customer listed above needs none (row-groups.ts decides).
  const missingPhoneColumn =
    phones.length === 0 && !issues.some((i) => phoneCells.some((c) => c.column === i.column))
      ? (headers[mapping.findIndex((f) => f === 'mobile' || f === 'phone')] ?? exportHeaders.mobile)
      : null;
  const primary = Math.max(0, phones.findIndex((p) => p.mobile));

  const birthday = parsed('birthday', parseDate);
  if (birthday && birthday > now.toISOString().slice(0, 10)) error(single.get('birthday')!.column, `birthday ${birthday} is in the future`);

  const record: NewCustomerRecord = {
    number,
    name,
    gender: parsed('gender', parseGender),
    birthday,
    district: text('district'),
    address: text('address'),
    email: parsed('email', parseEmail),
    category: text('category'),
    membershipTier: text('membershipTier'),
    advisorName: text('advisor'),
    customFields,
    phones: phones.map((p, index) => ({ raw: p.raw, isPrimary: index === primary })),
    vehicles: [],
  };

  if (vehicleFields.some((field) => single.has(field))) {
    let plate: string | null = null;
    const plateCell = single.get('plate');
    if (plateCell) {
      const normalized = normalizePlate(plateCell.text);
      if (normalized) plate = normalized.plate;
      else error(plateCell.column, `not a licence plate: "${plateCell.text}"`);
    }
    let vin: string | null = null;
    const vinCell = single.get('vin');
    if (vinCell) {
      const checked = checkVin(vinCell.text);
      if ('error' in checked) error(vinCell.column, checked.error);
      else {
        vin = checked.vin;
        if ('warning' in checked) warn(vinCell.column, checked.warning);
      }
    }
    const vehicle: NewVehicleRecord = {
      plate,
      vin,
      brand: text('brand'),
      model: text('model'),
      modelYear: parsed('modelYear', (raw) => parseModelYear(raw, now)),
      colour: text('colour'),
      purchaseDate: parsed('purchaseDate', parseDate),
      mileageKm: parsed('mileageKm', parseMileage),
      insuranceCompany: text('insuranceCompany'),
      insuranceExpiry: parsed('insuranceExpiry', parseDate),
      nextInspection: parsed('nextInspection', parseDate),
    };
    record.vehicles.push(vehicle);
  }

  const hasError = issues.some((issue) => !issue.reason.startsWith(warningPrefix));
  return { row, record, phoneKeys: phones.map((p) => p.key), missingPhoneColumn, issues, hasError, blank };
}

function scientificReason(value: string): string {
  return `"${value}" is in scientific notation: Excel dropped the last digits when it saved the file; format the column as text and export again`;
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return `column ${out}`;
}
