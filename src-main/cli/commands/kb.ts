// `npx dealerdesk kb import DIR | export DIR | search "QUERY"` (issue 7). The CLI acts as admin
// on the user's own data folder (transfer/cli-context.ts).
import { kbCategories, type KbCategory } from '../../../src-shared/domain/knowledge/categories';
import { exportFolder, importFolder } from '../../knowledge/markdown-folder';
import { searchArticles } from '../../knowledge/search-service';
import { ensureDefaultSynonyms } from '../../knowledge/synonym-store';
import { openCliContext } from '../../transfer/cli-context';
import { CliUsageError, numberFlag, stringFlag, type CliCommand } from '../command';

const usage = [
  'Usage:',
  '  npx dealerdesk kb import DIR [--json] [--data-dir DIR]',
  '  npx dealerdesk kb export DIR [--json] [--data-dir DIR]',
  '  npx dealerdesk kb search "QUERY" [--model M] [--category C] [--mileage KM] [--limit N] [--json] [--data-dir DIR]',
  '',
  'DIR holds Markdown files with YAML front matter (title, category, tags, models, mileage, ageMonths, status).',
  `Categories: ${kbCategories.join(', ')}. --model/--category/--mileage rank articles that fit the caller's car first.`,
].join('\n');

export const kbCommand: CliCommand = {
  name: 'kb',
  summary: 'knowledge base: import/export a Markdown folder, search',
  usage,
  async run(args, io) {
    const [action, target] = args.positionals;
    if (!target || !['import', 'export', 'search'].includes(action)) throw new CliUsageError(usage);
    const ctx = openCliContext(args.dataDir, io);
    try {
      if (action === 'import') {
        const report = importFolder(ctx, target);
        const lines = [`imported ${report.files} files: ${report.created} new, ${report.updated} updated, ${report.unchanged} unchanged, ${report.failed.length} problems`];
        for (const f of report.failed) lines.push(`  ${f.file}: ${f.reason}`);
        const { ids: _ids, ...json } = report;
        io.result(json, lines.join('\n'));
        return report.failed.length ? 1 : 0;
      }
      if (action === 'export') {
        const report = exportFolder(ctx, target);
        io.result({ path: target, ...report }, `exported ${report.articles} articles and ${report.attachments} attachments to ${target}`);
        return 0;
      }
      const limit = numberFlag(args, 'limit', 10);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new CliUsageError('--limit must be a whole number from 1 to 100');
      const category = stringFlag(args, 'category');
      if (category !== undefined && !(kbCategories as readonly string[]).includes(category)) throw new CliUsageError(`--category must be one of ${kbCategories.join(', ')}`);
      const mileage = stringFlag(args, 'mileage') === undefined ? undefined : numberFlag(args, 'mileage', 0);
      const model = stringFlag(args, 'model');
      ensureDefaultSynonyms(ctx.sqlite);
      const context = model || category || mileage !== undefined ? { model, category: category as KbCategory | undefined, mileageKm: mileage } : undefined;
      const hits = searchArticles(ctx.sqlite, { query: target, context, limit });
      io.result(
        { query: target, hits: hits.map((h) => ({ id: h.id, slug: h.slug, title: h.title, category: h.category, score: h.score, fitsContext: h.fitsContext })) },
        hits.length ? hits.map((h, i) => `${String(i + 1).padStart(2)}. [${h.id}] ${h.title}  (${h.score})`).join('\n') : 'no articles found',
      );
      return 0;
    } finally {
      ctx.close();
    }
  },
};
