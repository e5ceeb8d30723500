// The template editor: the ten seed 002 SMS templates (editable defaults), variables inserted at
// the cursor, and a live preview rendered for a chosen customer with missing-variable errors.
import { useMemo, useRef } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { templateVariables, templateVariablesOf } from '../../../src-shared/domain/workflows/templates';
import { isEdited, previewOf, type Messages } from '../state/messages';
import { CustomerPicker } from './customer-picker';

export function TemplateEditor({ m }: { m: Messages }) {
  const { t } = useTranslation();
  const s = useStore(m.store);
  const body = useRef<HTMLTextAreaElement>(null);
  const d = s.draft;
  const preview = useMemo(() => (d ? previewOf(d, s.previewCustomer ? s.previewValues : null) : null), [d, s.previewCustomer, s.previewValues]);
  const insert = (name: string) => {
    const el = body.current;
    if (!el || !d) return;
    const at = el.selectionStart ?? d.body.length;
    const next = `${d.body.slice(0, at)}{{${name}}}${d.body.slice(el.selectionEnd ?? at)}`;
    m.editDraft({ body: next });
    requestAnimationFrame(() => { el.focus(); el.selectionStart = el.selectionEnd = at + name.length + 4; });
  };
  return (
    <div className="wf-msg-split">
      <ul className="wf-msg-list" data-testid="template-list">
        {s.templates.map((x) => (
          <li key={x.id}>
            <button type="button" className={`wf-row${x.id === s.selectedId ? ' is-selected' : ''}`} data-testid="template-item" data-id={x.id} onClick={() => m.select(x.id)}>
              <span className="wf-row-top"><span className="wf-row-title">{x.title}</span><span className={`wf-tag is-${x.purpose}`}>{t(`wf.msg.purpose.${x.purpose}`)}</span></span>
              <span className="wf-row-sub muted">{x.id}{isEdited(x) ? ` · ${t('wf.msg.edited')}` : ''}</span>
            </button>
          </li>
        ))}
      </ul>
      {d && preview ? (
        <div className="wf-msg-editor" data-testid="template-editor" data-id={d.id}>
          <div className="wf-form-row">
            <label className="wf-field"><span>{t('wf.msg.titleLabel')}</span><input data-testid="template-title" value={d.title} onChange={(e) => m.editDraft({ title: e.target.value })} /></label>
            <label className="wf-field"><span>{t('wf.msg.purposeLabel')}</span>
              <select data-testid="template-purpose" value={d.purpose} onChange={(e) => m.editDraft({ purpose: e.target.value as 'service' | 'marketing' })}>
                <option value="service">{t('wf.msg.purpose.service')}</option>
                <option value="marketing">{t('wf.msg.purpose.marketing')}</option>
              </select>
            </label>
            <label className="wf-field"><span>{t('wf.msg.providerCode')}</span><input data-testid="template-code" value={d.providerTemplateCode ?? ''} placeholder="SMS_123456789" onChange={(e) => m.editDraft({ providerTemplateCode: e.target.value || undefined })} /></label>
          </div>
          <label className="wf-field"><span>{t('wf.msg.body')}</span><textarea ref={body} rows={5} data-testid="template-body" value={d.body} onChange={(e) => m.editDraft({ body: e.target.value })} /></label>
          <div className="wf-vars" data-testid="template-vars">
            <span className="muted">{t('wf.msg.insertVar')}</span>
            {templateVariables.map((v) => (
              <button key={v} type="button" className={`wf-var${templateVariablesOf(d.body).includes(v) ? ' is-used' : ''}`} data-testid={`var-${v}`} onClick={() => insert(v)} title={`{{${v}}}`}>{t(`wf.msg.vars.${v}`)}</button>
            ))}
          </div>
          {preview.problems.length ? (
            <ul className="wf-problems" data-testid="template-problems">{preview.problems.map((p) => <li key={p}>{problemText(t, p)}</li>)}</ul>
          ) : null}
          <div className="wf-preview">
            <div className="wf-preview-head">
              <strong>{t('wf.msg.preview')}</strong>
              <CustomerPicker testId="preview-customer" chosen={s.previewCustomer} onChoose={(c) => void m.choosePreviewCustomer(c)} />
            </div>
            {!preview.result ? <p className="muted">{t('wf.msg.pickCustomer')}</p> : preview.result.ok ? (
              <div data-testid="template-preview" data-ok="true">
                <div className="wf-sms">{preview.result.text}</div>
                <div className="muted">{t('wf.msg.segments', { n: [...preview.result.text].length, count: preview.segments })}</div>
              </div>
            ) : (
              <div className="wf-problems" data-testid="template-preview" data-ok="false" data-missing={preview.result.missing.join(',')}>
                {preview.result.missing.length ? <div>{t('wf.msg.missing', { list: preview.result.missing.map((v) => t(`wf.msg.vars.${v}`, { defaultValue: v })).join('、') })}</div> : null}
                {preview.result.unknown.length ? <div>{t('wf.msg.unknown', { list: preview.result.unknown.join('、') })}</div> : null}
              </div>
            )}
          </div>
          <div className="wf-form-actions">
            <button type="button" className="btn" data-testid="template-restore" onClick={() => m.restoreDefault()}>{t('wf.msg.restore')}</button>
            <button type="button" className="btn btn-primary" data-testid="template-save" disabled={s.busy || preview.problems.length > 0} onClick={() => void m.saveDraft()}>{t('wf.msg.save')}</button>
            {s.saved === d.id ? <span className="wf-ok" data-testid="template-saved">{t('wf.msg.saved')}</span> : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}

function problemText(t: TFunction, p: string): string {
  if (p.startsWith('unknown variable: ')) return t('wf.msg.unknown', { list: p.slice('unknown variable: '.length) });
  if (p === 'unbalanced {{ }}') return t('wf.msg.unbalanced');
  if (p === 'empty body') return t('wf.msg.emptyBody');
  return p;
}
