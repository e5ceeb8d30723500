import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSmsTemplates, escapeForChannel, renderTemplate, smsSegments, templateVariablesOf, validateTemplate } from './templates';

const values = { name: '张先生', plate: '粤B12345', model: '途胜ix35', mileage: 10000, date: '2026-12-01', advisor: '李顾问', dealership: '华南4S店', hotline: '020-12345678', holiday: '春节', event: '车主自驾游', place: '天河广场' };

describe('message templates (seed 002)', () => {
  it('ships the ten SMS templates, all valid and renderable', () => {
    expect(defaultSmsTemplates).toHaveLength(10);
    expect(new Set(defaultSmsTemplates.map((t) => t.id)).size).toBe(10);
    for (const t of defaultSmsTemplates) {
      expect(validateTemplate(t.body)).toEqual([]);
      const r = renderTemplate(t.body, values, 'sms');
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.text).not.toMatch(/\{\{|\}\}/);
    }
    expect(defaultSmsTemplates.find((t) => t.id === 'event_rsvp')!.expectsReply).toBe('rsvp');
    expect(defaultSmsTemplates.find((t) => t.id === 'repair_rating')!.expectsReply).toBe('rating');
  });
  it('renders variables and reports missing and unknown ones', () => {
    expect(renderTemplate('{{name}},您的{{plate}}保养里程{{mileage}}千米', values, 'sms')).toEqual({ ok: true, text: '张先生,您的粤B12345保养里程10000千米' });
    expect(renderTemplate('{{name}} {{plate}} {{date}}', { name: '王' }, 'sms')).toEqual({ ok: false, missing: ['plate', 'date'], unknown: [] });
    expect(renderTemplate('{{name}} {{salary}}', { name: '王' }, 'sms')).toEqual({ ok: false, missing: [], unknown: ['salary'] });
    expect(validateTemplate('你好 {{name} 再见')).toEqual(['unbalanced {{ }}']);
  });
  it('escapes values: HTML for email, forged signatures and control characters for SMS', () => {
    expect(renderTemplate('<p>{{name}}</p>', { name: '<b>"王"&</b>' }, 'email')).toEqual({ ok: true, text: '<p>&#60;b&#62;&#34;王&#34;&#38;&#60;/b&#62;</p>' });
    expect(renderTemplate('{{name}}', { name: '【银行】王\n先生' }, 'sms')).toEqual({ ok: true, text: '[银行]王 先生' });
  });
  it('never expands placeholders inside values (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const r = renderTemplate('{{name}}|{{plate}}', { name: a.trim() ? a : 'x', plate: `{{name}}${b}` }, 'email');
        expect(r).toEqual({ ok: true, text: `${escapeForChannel(a.trim() ? a : 'x', 'email')}|${escapeForChannel(`{{name}}${b}`, 'email')}` });
      }),
    );
  });
  it('lists variables and counts SMS segments', () => {
    expect(templateVariablesOf('{{ name }}{{plate}}{{name}}')).toEqual(['name', 'plate']);
    expect(smsSegments('好'.repeat(70))).toBe(1);
    expect(smsSegments('好'.repeat(71))).toBe(2);
  });
});
