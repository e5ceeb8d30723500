import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../src-shared/contract/transfer';
import { base64ToBytes, bytesToBase64 } from '../transfer/base64';
import { columnMapped, fileRead, fileReading, initialImportState, mappingReopened, missingRequiredFields, normalizeMapping, previewArrived, reportArrived } from './transfer-slice';

const preview: ImportPreview = {
  format: 'csv', encoding: 'gb18030', headers: ['姓名', '手机', '车牌', '手机2'], sampleRows: [['张三', '13800138000', '粤B12345', '']], totalRows: 1,
  mapping: ['name', 'mobile', 'plate', 'mobile'],
};

describe('import reducers', () => {
  it('takes the guessed mapping but never maps one field twice', () => {
    const state = previewArrived(fileRead(fileReading(initialImportState, 'a.csv'), 'a.csv', 'QQ=='), preview);
    expect(state.phase).toBe('preview');
    expect(state.mapping).toEqual(['name', 'mobile', 'plate', null]);
    expect(normalizeMapping(['name'], 3)).toEqual(['name', null, null]);
  });

  it('choosing a field for a column frees it from the column that had it', () => {
    let state = previewArrived(initialImportState, preview);
    state = columnMapped(state, 3, 'mobile');
    expect(state.mapping).toEqual(['name', null, 'plate', 'mobile']);
    state = columnMapped(state, 1, 'phone');
    state = columnMapped(state, 2, null);
    expect(state.mapping).toEqual(['name', 'phone', null, 'mobile']);
    expect(columnMapped(state, 9, 'vin')).toBe(state);
  });

  it('ignores a file read that finished after another file was chosen', () => {
    const state = fileReading(fileReading(initialImportState, 'old.csv'), 'new.xlsx');
    expect(fileRead(state, 'old.csv', 'QQ==')).toBe(state);
  });

  it('goes back from the report to the mapping keeping the choices', () => {
    let state = columnMapped(previewArrived(initialImportState, preview), 0, 'number');
    state = reportArrived(state, { totalRows: 1, imported: 0, skipped: 1, committed: false, issues: [{ row: 2, column: '手机', code: 'phone_invalid', severity: 'error', params: { value: 'x' }, reason: 'bad' }] });
    expect(state.phase).toBe('report');
    state = mappingReopened(state);
    expect(state.phase).toBe('preview');
    expect(state.mapping[0]).toBe('number');
  });

  it('names the missing required fields', () => {
    expect(missingRequiredFields(['name', 'phone'])).toEqual([]);
    expect(missingRequiredFields([null, 'plate'])).toEqual(['name', 'phone']);
  });

  it('round-trips bytes through base64 across chunk boundaries', () => {
    const bytes = new Uint8Array(70_000).map((_, index) => (index * 31) % 256);
    const text = bytesToBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(Array.from(base64ToBytes(text))).toEqual(Array.from(bytes));
  });
});
