// Import: file → preview with a guessed column mapping → run → report. Export of the results on
// screen. A run with skipInvalidRows=false is all-or-nothing (committed=false on any bad row).
import type { ContractError } from '../../src-shared/contract/errors';
import type { ImportField, ImportPreview, ImportReport } from '../../src-shared/contract/transfer';
import { asContractError, patch, type ActionDeps } from './action-deps';
import { bytesToBase64 } from '../transfer/base64';

export interface ImportState {
  phase: 'idle' | 'reading' | 'previewing' | 'preview' | 'running' | 'report' | 'error';
  fileName: string | null;
  base64: string | null;
  preview: ImportPreview | null;
  mapping: Array<ImportField | null>;
  report: ImportReport | null;
  /** Whether the report on screen came from a run that skipped invalid rows. */
  skippedInvalidRows: boolean;
  error: ContractError | null;
}

export interface ExportState {
  status: 'idle' | 'running' | 'done' | 'error';
  rows: number | null;
  fileName: string | null;
  error: ContractError | null;
}

export interface TransferState {
  panel: 'closed' | 'import' | 'backup';
  import: ImportState;
  export: ExportState;
}

export const initialImportState: ImportState = {
  phase: 'idle', fileName: null, base64: null, preview: null, mapping: [], report: null, skippedInvalidRows: false, error: null,
};
export const initialTransferState: TransferState = {
  panel: 'closed',
  import: initialImportState,
  export: { status: 'idle', rows: null, fileName: null, error: null },
};

type ImportReducer<A extends unknown[] = []> = (state: ImportState, ...args: A) => ImportState;

export const fileReading: ImportReducer<[string]> = (_state, fileName) => ({ ...initialImportState, phase: 'reading', fileName });
export const fileRead: ImportReducer<[string, string]> = (state, fileName, base64) =>
  state.fileName === fileName ? { ...state, phase: 'previewing', base64 } : state;
export const previewArrived: ImportReducer<[ImportPreview]> = (state, preview) => ({
  ...state, phase: 'preview', preview, mapping: normalizeMapping(preview.mapping, preview.headers.length), error: null,
});
export const importFailed: ImportReducer<[ContractError]> = (state, error) => ({ ...state, phase: 'error', error });
export const importStarted: ImportReducer<[boolean]> = (state, skipInvalidRows) => ({ ...state, phase: 'running', skippedInvalidRows: skipInvalidRows, error: null });
export const reportArrived: ImportReducer<[ImportReport]> = (state, report) => ({ ...state, phase: 'report', report });
/** Back from the report to the mapping, keeping file and choices. */
export const mappingReopened: ImportReducer = (state) => (state.preview ? { ...state, phase: 'preview', report: null } : state);

/** A field is taken by at most one column: choosing it for one column frees it everywhere else. */
export const columnMapped: ImportReducer<[number, ImportField | null]> = (state, column, field) => {
  if (column < 0 || column >= state.mapping.length) return state;
  const mapping = state.mapping.map((current, index) => (index === column ? field : field !== null && current === field ? null : current));
  return { ...state, mapping };
};

export function normalizeMapping(mapping: Array<ImportField | null>, columns: number): Array<ImportField | null> {
  const seen = new Set<ImportField>();
  return Array.from({ length: columns }, (_, index) => {
    const field = mapping[index] ?? null;
    if (field === null || seen.has(field)) return null;
    seen.add(field);
    return field;
  });
}

/** Name and phone are what make a row a customer; without them a run cannot succeed. */
export function missingRequiredFields(mapping: Array<ImportField | null>): Array<'name' | 'phone'> {
  const missing: Array<'name' | 'phone'> = [];
  if (!mapping.includes('name')) missing.push('name');
  if (!mapping.includes('mobile') && !mapping.includes('phone')) missing.push('phone');
  return missing;
}

export interface SaveFile {
  (file: { fileName: string; base64: string; mime: string }): void;
}

export interface PickedFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export function createTransferActions({ client, store }: ActionDeps, saveFile: SaveFile) {
  const update = (fn: (slice: TransferState) => TransferState) => patch(store, 'transfer', fn);
  const updateImport = (fn: (slice: ImportState) => ImportState) => update((s) => ({ ...s, import: fn(s.import) }));

  async function run(skipInvalidRows: boolean) {
    const { fileName, base64, mapping } = store.getState().transfer.import;
    if (!fileName || !base64) return;
    updateImport((s) => importStarted(s, skipInvalidRows));
    try {
      const report = await client.call('transfer.runImport', { fileName, base64, mapping, skipInvalidRows });
      updateImport((s) => reportArrived(s, report));
    } catch (error) {
      updateImport((s) => importFailed(s, asContractError(error)));
    }
  }

  return {
    openPanel: (panel: TransferState['panel']) => update((s) => ({ ...s, panel })),
    closePanel: () => update((s) => ({ ...s, panel: 'closed', import: s.import.phase === 'running' ? s.import : initialImportState })),
    async chooseFile(file: PickedFile) {
      updateImport((s) => fileReading(s, file.name));
      try {
        const base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
        updateImport((s) => fileRead(s, file.name, base64));
        const preview = await client.call('transfer.previewImport', { fileName: file.name, base64 });
        if (store.getState().transfer.import.fileName === file.name) updateImport((s) => previewArrived(s, preview));
      } catch (error) {
        updateImport((s) => importFailed(s, asContractError(error)));
      }
    },
    mapColumn: (column: number, field: ImportField | null) => updateImport((s) => columnMapped(s, column, field)),
    runImport: () => run(false),
    importValidRows: () => run(true),
    backToMapping: () => updateImport(mappingReopened),
    resetImport: () => updateImport(() => initialImportState),
    async exportResults(format: 'csv' | 'xlsx') {
      const query = store.getState().search.shownQuery;
      update((s) => ({ ...s, export: { status: 'running', rows: null, fileName: null, error: null } }));
      try {
        const file = await client.call('transfer.exportCustomers', { query, format, limit: 100_000 });
        saveFile(file);
        update((s) => ({ ...s, export: { status: 'done', rows: file.rows, fileName: file.fileName, error: null } }));
      } catch (error) {
        update((s) => ({ ...s, export: { status: 'error', rows: null, fileName: null, error: asContractError(error) } }));
      }
    },
  };
}
export type TransferActions = ReturnType<typeof createTransferActions>;
