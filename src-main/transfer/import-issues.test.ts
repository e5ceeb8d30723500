import { describe, expect, it } from 'vitest';
import { ImportIssueSchema, importIssueCodes, importIssueParams } from '../../src-shared/contract/transfer';
import { problem, toIssue } from './import-issues';

describe('import issues', () => {
  it.each(importIssueCodes)('%s builds a valid issue whose English reason shows its params', (code) => {
    const params = Object.fromEntries(importIssueParams[code].map((name) => [name, `<${name}>`]));
    const issue = toIssue(4, '手机', problem(code, params as never));
    expect(ImportIssueSchema.parse(issue)).toEqual(issue);
    expect(issue).toMatchObject({ row: 4, column: '手机', code });
    expect(issue.reason).not.toMatch(/undefined|warning:/);
    for (const name of importIssueParams[code]) expect(issue.reason).toContain(`<${name}>`);
  });

  it('only rows imported as given are warnings', () => {
    const warnings = importIssueCodes.filter((code) => toIssue(1, 'A', problem(code, {} as never)).severity === 'warning');
    expect(warnings.sort()).toEqual(['extra_cell', 'phone_unusual', 'vin_check_digit']);
  });
});
