// 问卷编辑: the seed 002 repair (7) and sales (8) questionnaires as editable defaults and new
// ones; problems are listed on each question and block saving.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { addQuestion, editorProblems } from '../state/questionnaire-draft';
import { createQuestionnaires } from '../state/questionnaires';
import { perClient } from '../state/per-client';
import { useWfClient } from '../start';
import '../care/care.css';
import { QuestionCard, questionTypes } from './question-card';

const questionnairesFor = perClient(createQuestionnaires);
const purposes = ['repair_follow_up', 'sales_follow_up', 'survey'] as const;

export function QuestionnaireEditor() {
  const { t } = useTranslation();
  const qs = questionnairesFor(useWfClient());
  const s = useStore(qs.store);
  useEffect(() => {
    if (!qs.store.getState().list.length) void qs.load();
  }, [qs]);
  const d = s.draft;
  const problems = useMemo(() => (d ? editorProblems(d) : []), [d]);
  return (
    <section className="wf-care" data-testid="questionnaire-editor">
      <div className="wf-msg-split">
        <div className="wf-msg-list-pane">
          <ul className="wf-msg-list" data-testid="questionnaire-list">
            {s.list.map((x) => (
              <li key={x.id}>
                <button type="button" className={`wf-row${x.id === d?.id ? ' is-selected' : ''}`} data-testid="questionnaire-item" data-id={x.id} onClick={() => qs.open(x.id)}>
                  <span className="wf-row-top"><span className="wf-row-title">{x.title}</span></span>
                  <span className="wf-row-sub muted">{t(`wf.qe.purposes.${x.purpose}`)} · {t('wf.qe.questionCount', { count: x.questions.length })}</span>
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="btn btn-small" data-testid="questionnaire-new" onClick={() => qs.create()}>+ {t('wf.qe.new')}</button>
        </div>
        {d ? (
          <div className="wf-msg-editor" data-testid="questionnaire-form" data-id={d.id}>
            <div className="wf-form-row">
              <label className="wf-field wf-field-wide"><span>{t('wf.qe.title')}</span><input data-testid="qe-title" value={d.title} onChange={(e) => qs.edit((x) => ({ ...x, title: e.target.value }))} /></label>
              <label className="wf-field"><span>{t('wf.qe.purpose')}</span>
                <select data-testid="qe-purpose" value={d.purpose} onChange={(e) => qs.edit((x) => ({ ...x, purpose: e.target.value as (typeof purposes)[number] }))}>
                  {purposes.map((p) => <option key={p} value={p}>{t(`wf.qe.purposes.${p}`)}</option>)}
                </select>
              </label>
            </div>
            <label className="wf-field"><span>{t('wf.qe.script')}</span><textarea rows={3} data-testid="qe-script" value={d.script} onChange={(e) => qs.edit((x) => ({ ...x, script: e.target.value }))} /></label>
            {problems.some((p) => p.questionId === null) ? <ul className="wf-problems" data-testid="qe-problems">{problems.filter((p) => p.questionId === null).map((p) => <li key={p.code}>{t(`wf.qe.problems.${p.code}`, { defaultValue: p.detail ?? p.code })}</li>)}</ul> : null}
            <ol className="wf-q-list">
              {d.questions.map((q, i) => <QuestionCard key={q.id} q={q} index={i} draft={d} problems={problems.filter((p) => p.questionId === q.id)} edit={qs.edit} />)}
            </ol>
            <div className="wf-vars">
              <span className="muted">{t('wf.qe.addQuestion')}</span>
              {questionTypes.map((x) => <button key={x} type="button" className="wf-var" data-testid={`qe-add-${x}`} onClick={() => qs.edit((dd) => addQuestion(dd, x))}>+ {t(`wf.qe.types.${x}`)}</button>)}
            </div>
            <div className="wf-form-row">
              <label className="wf-field wf-field-wide"><span>{t('wf.qe.closingSatisfied')}</span><textarea rows={2} value={d.closing.satisfied} onChange={(e) => qs.edit((x) => ({ ...x, closing: { ...x.closing, satisfied: e.target.value } }))} /></label>
              <label className="wf-field wf-field-wide"><span>{t('wf.qe.closingNot')}</span><textarea rows={2} value={d.closing.notSatisfied} onChange={(e) => qs.edit((x) => ({ ...x, closing: { ...x.closing, notSatisfied: e.target.value } }))} /></label>
            </div>
            <div className="wf-form-actions">
              <button type="button" className="btn btn-primary" data-testid="qe-save" disabled={s.busy || problems.length > 0 || !s.dirty} onClick={() => void qs.save()}>{t('wf.msg.save')}</button>
              {problems.length ? <span className="wf-care-note is-error" style={{ flexBasis: 'auto' }} data-testid="qe-problem-count">{t('wf.qe.problemCount', { count: problems.length })}</span> : null}
              {s.saved ? <span className="wf-ok" data-testid="qe-saved">{t('wf.msg.saved')}</span> : null}
              {s.error ? <span className="wf-care-note is-error" style={{ flexBasis: 'auto' }} data-testid="qe-error">{s.error.issues?.map((i) => i.message).join('；') || s.error.message}</span> : null}
            </div>
          </div>
        ) : null}
      </div>
    </section>
  );
}
