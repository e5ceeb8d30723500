// Import problems in the agent's language: the importer sends a code with params and an English
// reason; the reason is shown only for a code this renderer has no text for (a newer host).
import type { i18n } from 'i18next';
import type { ImportIssue } from '../../src-shared/contract/transfer';

export function issueText(t: i18n['t'], exists: i18n['exists'], issue: ImportIssue): string {
  const key = `import.issue.${issue.code}`;
  if (!exists(key)) return issue.reason;
  const params: Record<string, string> = { ...issue.params };
  // duplicate_number names the differing field by its import field name.
  if (params.field && exists(`fields.${params.field}`)) params.field = t(`fields.${params.field}`);
  return t(key, params);
}

/** Rows kept out of the import; warnings don't count, their rows go in. */
export function rowsWithErrors(issues: ImportIssue[]): number {
  return new Set(issues.filter((issue) => issue.severity === 'error').map((issue) => issue.row)).size;
}
