// One spreadsheet row → the customer, phones and vehicle it describes, plus every problem found,
// each tied to the column a user sees. Errors keep the row out; warnings are reported but the
// row is imported (the severity of each code is in import-issues.ts).
import type { ImportField, ImportIssue } from '../../src-shared/contract/transfer';
import { normalizePhone, splitPhoneList } from '../../src-shared/domain/phone';
import { normalizePlate } from '../../src-shared/domain/plate';
import { toHalfWidth } from '../../src-shared/domain/text';
import type { NewCustomerRecord, NewVehicleRecord } from '../customers/customer-writer';
import { exportHeaders, isIgnoredHeader } from './header-mapping';
import { checkVin, cleanCell, isScientificNotation, parseDate, parseEmail, parseGender, parseMileage, parseModelYear, type Parsed } from './field-values';
import { isError, problem, toIssue, type Problem } from './import-issues';

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
  const report = (column: string, found: Problem) => issues.push(toIssue(row, column, found));

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
    const extra = cleanCell(cells[index]);
    if (extra !== '') report(columnLetter(index), problem('extra_cell', { value: extra }));
  }

  function text(field: ImportField): string | null {
    const cell = single.get(field);
    if (!cell) return null;
    if (cell.text.length > textLimit) {
      report(cell.column, problem('text_too_long', { limit: String(textLimit), length: String(cell.text.length) }));
      return null;
    }
    return cell.text;
  }
  function parsed<T>(field: ImportField, parse: (raw: string) => Parsed<T>): T | null {
    const cell = single.get(field);
    if (!cell) return null;
    const result = parse(cell.text);
    if ('error' in result) {
      report(cell.column, result.error);
      return null;
    }
    return result.value;
  }

  const name = (text('name') ?? '').replace(/\s+/g, ' ');
  if (!name) report(single.get('name')?.column ?? exportHeaders.name, problem('name_required', {}));
  else if (name.length > 64) report(single.get('name')!.column, problem('text_too_long', { limit: '64', length: String(name.length) }));

  let number: string | undefined;
  const numberCell = single.get('number');
  if (numberCell) {
    const value = toHalfWidth(numberCell.text).trim();
    if (isScientificNotation(value)) report(numberCell.column, problem('scientific_notation', { value }));
    else if (value.length > 32) report(numberCell.column, problem('text_too_long', { limit: '32', length: String(value.length) }));
    else number = value;
  }

  const phones: { raw: string; isPrimary?: boolean; mobile: boolean; key: string }[] = [];
  for (const cell of phoneCells) {
    if (isScientificNotation(cell.text)) {
      report(cell.column, problem('scientific_notation', { value: cell.text }));
      continue;
    }
    for (const piece of splitPhoneList(cell.text)) {
      const phone = normalizePhone(piece);
      if (!phone) {
        report(cell.column, problem('phone_invalid', { value: piece }));
        continue;
      }
      if (phone.kind === 'other') {
        // A mobile number with a digit missing or extra is the commonest typo; foreign numbers
        // (00…) and odd service numbers are kept with a warning.
        if (/^1\d+$/.test(phone.normalized) && phone.normalized.length !== 11) {
          report(cell.column, problem('mobile_length', { value: piece, digits: String(phone.normalized.length) }));
          continue;
        }
        report(cell.column, problem('phone_unusual', { value: piece }));
      }
      if (!phones.some((p) => p.key === phone.normalized)) phones.push({ raw: piece, mobile: phone.kind === 'mobile', key: phone.normalized });
    }
    if (splitPhoneList(cell.text).length === 0) report(cell.column, problem('phone_invalid', { value: cell.text }));
  }
  // Whether a row without phones is an error depends on its neighbours: a further vehicle row of
  // a customer listed above needs none (row-groups.ts decides).
  const missingPhoneColumn =
    phones.length === 0 && !issues.some((i) => phoneCells.some((c) => c.column === i.column))
      ? (headers[mapping.findIndex((f) => f === 'mobile' || f === 'phone')] ?? exportHeaders.mobile)
      : null;
  const primary = Math.max(0, phones.findIndex((p) => p.mobile));

  const birthday = parsed('birthday', parseDate);
  if (birthday && birthday > now.toISOString().slice(0, 10)) report(single.get('birthday')!.column, problem('birthday_future', { value: birthday }));

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
      else report(plateCell.column, problem('plate_invalid', { value: plateCell.text }));
    }
    let vin: string | null = null;
    const vinCell = single.get('vin');
    if (vinCell) {
      const checked = checkVin(vinCell.text);
      if ('error' in checked) report(vinCell.column, checked.error);
      else {
        vin = checked.vin;
        if ('warning' in checked) report(vinCell.column, checked.warning);
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

  const hasError = issues.some(isError);
  return { row, record, phoneKeys: phones.map((p) => p.key), missingPhoneColumn, issues, hasError, blank };
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
