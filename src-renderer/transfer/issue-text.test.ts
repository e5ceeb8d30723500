import { describe, expect, it } from 'vitest';
import { importIssueCodes, importIssueParams, type ImportIssue } from '../../src-shared/contract/transfer';
import { en } from '../i18n/en';
import { createI18n } from '../i18n/index';
import { zhCN } from '../i18n/zh-CN';
import { issueText, rowsWithErrors } from './issue-text';

const issue = (over: Partial<ImportIssue>): ImportIssue => ({ row: 3, column: '手机', code: 'phone_invalid', severity: 'error', reason: 'english reason', ...over });

describe('import issue texts', () => {
  it.each(importIssueCodes)('%s has a zh-CN and an en text using only its own params', (code) => {
    const allowed = new Set<string>(importIssueParams[code]);
    for (const [locale, text] of [['zh-CN', (zhCN.import.issue as Record<string, string>)[code]], ['en', (en.import.issue as Record<string, string>)[code]]]) {
      expect(typeof text, `${locale} ${code}`).toBe('string');
      expect(text.trim().length, `${locale} ${code}`).toBeGreaterThan(0);
      for (const [, name] of text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) expect(allowed, `${locale} ${code} uses {{${name}}}`).toContain(name);
    }
    expect(zhCN.import.issue[code]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('has no text for a code the contract does not know', () => {
    expect(Object.keys(zhCN.import.issue).sort()).toEqual([...importIssueCodes].sort());
  });

  it('translates code and params, the differing field included, and falls back to the reason', () => {
    const i18n = createI18n('zh-CN');
    const text = (i: ImportIssue) => issueText(i18n.t, i18n.exists.bind(i18n), i);
    expect(text(issue({ code: 'mobile_length', params: { value: '1380013800', digits: '10' } }))).toBe('手机号码应为 11 位，“1380013800” 是 10 位');
    expect(text(issue({ code: 'duplicate_number', params: { number: 'B001', firstRow: '2', field: 'advisor' } }))).toBe('客户编号 B001 与第 2 行重复，但服务顾问不同');
    expect(text(issue({ code: 'name_required' }))).toBe('姓名不能为空');
    expect(text(issue({ code: 'from_a_newer_host' as ImportIssue['code'], reason: 'something new' }))).toBe('something new');
    void i18n.changeLanguage('en');
    expect(text(issue({ code: 'vin_length', params: { value: 'LSVAM41', length: '7' } }))).toBe('A VIN has 17 characters, "LSVAM41" has 7');
  });

  it('counts rows with errors, not warnings', () => {
    expect(
      rowsWithErrors([
        issue({ row: 3 }),
        issue({ row: 3, code: 'plate_invalid' }),
        issue({ row: 9, code: 'vin_check_digit', severity: 'warning' }),
        issue({ row: 10 }),
      ]),
    ).toBe(2);
  });
});
