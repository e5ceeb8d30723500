// Contract handlers for transfer.* (src-shared/contract/transfer.ts). Roles are checked again
// inside the services so the CLI and any other caller are covered as well as the dispatcher.
import type { HandlersFor } from '../contract/dispatcher';
import { startSyncIfConfigured, stopSync } from '../sync/handlers';
import type { DeskContext } from '../host/context';
import { backupDatabase, listBackups, restoreDatabase } from './backup-service';
import { exportCustomers } from './export-service';
import { previewImport, runImport } from './import-service';

type TransferMethod =
  | 'transfer.previewImport'
  | 'transfer.runImport'
  | 'transfer.exportCustomers'
  | 'transfer.backup'
  | 'transfer.listBackups'
  | 'transfer.restore';

function fromBase64(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

export const transferHandlers: HandlersFor<TransferMethod, DeskContext> = {
  'transfer.previewImport': (input, ctx) => previewImport(ctx, { fileName: input.fileName, bytes: fromBase64(input.base64) }),
  'transfer.runImport': (input, ctx) =>
    runImport(ctx, { fileName: input.fileName, bytes: fromBase64(input.base64) }, { mapping: input.mapping, skipInvalidRows: input.skipInvalidRows }),
  'transfer.exportCustomers': async (input, ctx) => {
    const file = await exportCustomers(ctx, input);
    return { fileName: file.fileName, base64: Buffer.from(file.bytes).toString('base64'), rows: file.rows, mime: file.mime };
  },
  'transfer.backup': (_input, ctx) => backupDatabase(ctx),
  'transfer.listBackups': (_input, ctx) => listBackups(ctx),
  'transfer.restore': async (input, ctx) => {
    // The sync engine must not push or pull while the file under it is replaced.
    await stopSync(ctx);
    try {
      const { restoredFrom } = await restoreDatabase(ctx, input.path);
      return { restoredFrom };
    } finally {
      startSyncIfConfigured(ctx);
    }
  },
};
