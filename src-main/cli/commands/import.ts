import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CliUsageError, type CliCommand } from '../command';
import { openCliContext } from '../../transfer/cli-context';
import { runImport } from '../../transfer/import-service';

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import customers from a CSV or XLSX file (all-or-nothing by default)',
  usage: [
    'Usage: npx dealerdesk import customers FILE [--skip-invalid] [--json] [--data-dir DIR]',
    '',
    'Columns are mapped from their headers (客户编号, 姓名, 手机, 电话, 车牌号, VIN/车架号, …).',
    'CSV may be UTF-8 (with or without BOM), UTF-16 or GBK/GB18030 as saved by Chinese Excel.',
    'Without --skip-invalid any bad row rejects the whole file; with it the good rows are',
    'imported in one transaction and the bad rows are listed. Exit code 1 when nothing was committed.',
  ].join('\n'),
  async run(args, io) {
    const [what, file] = args.positionals;
    if (what !== 'customers' || !file) throw new CliUsageError('usage: dealerdesk import customers FILE');
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch {
      throw new CliUsageError(`cannot read ${file}`);
    }
    const ctx = openCliContext(args.dataDir, io);
    try {
      const report = await runImport(ctx, { fileName: basename(file), bytes }, { skipInvalidRows: args.flags['skip-invalid'] === true });
      const lines = [
        report.committed
          ? `imported ${report.imported} of ${report.totalRows} rows${report.skipped ? `, skipped ${report.skipped}` : ''}`
          : `nothing imported: ${report.issues.filter((i) => i.severity === 'error').length} problems in ${report.totalRows} rows`,
        ...report.issues.map((issue) => `  row ${issue.row}, ${issue.column}: ${issue.severity === 'warning' ? 'warning: ' : ''}${issue.reason}`),
      ];
      io.result(report, lines.join('\n'));
      // The report is the result, not an error: exit non-zero when nothing was committed.
      if (!report.committed) return 1;
    } finally {
      ctx.close();
    }
  },
};
