// One question in the editor: type, text, required/numbered, options with answer actions (not
// satisfied → complaint, wants service → appointment), rating scale with an action at or below a
// score, and "show only if" an earlier question was answered with one of the chosen values.
import { useTranslation } from 'react-i18next';
import type { AnswerAction, Question, QuestionType } from '../../../src-shared/domain/workflows/questionnaire';
import { addOption, conditionValues, moveQuestion, removeOption, removeQuestion, updateOption, updateQuestion, type Draft, type Problem } from '../state/questionnaire-draft';

export const questionTypes: QuestionType[] = ['single', 'multiple', 'rating', 'text'];
const actions: AnswerAction[] = ['open_complaint', 'book_appointment'];

export function QuestionCard({ q, index, draft, problems, edit }: { q: Question; index: number; draft: Draft; problems: Problem[]; edit: (step: (d: Draft) => Draft) => void }) {
  const { t } = useTranslation();
  const earlier = draft.questions.slice(0, index).filter((x) => conditionValues(x).length > 0);
  const source = q.showIf ? draft.questions.find((x) => x.id === q.showIf!.questionId) ?? null : null;
  const set = (patch: Partial<Question>) => edit((d) => updateQuestion(d, q.id, patch));
  return (
    <li className={`wf-q-card${problems.length ? ' has-problem' : ''}${q.showIf ? ' is-conditional' : ''}`} data-testid="q-card" data-id={q.id} data-type={q.type}>
      <div className="wf-q-head">
        <span className="wf-q-no">{index + 1}</span>
        <select data-testid="q-type" value={q.type} onChange={(e) => set({ type: e.target.value as QuestionType })}>
          {questionTypes.map((x) => <option key={x} value={x}>{t(`wf.qe.types.${x}`)}</option>)}
        </select>
        <input className="wf-q-text" data-testid="q-text" placeholder={t('wf.qe.questionText')} value={q.text} onChange={(e) => set({ text: e.target.value })} />
        <label className="wf-check"><input type="checkbox" data-testid="q-required" checked={q.required} onChange={(e) => set({ required: e.target.checked })} />{t('wf.qe.required')}</label>
        <label className="wf-check"><input type="checkbox" checked={q.numbered} onChange={(e) => set({ numbered: e.target.checked })} />{t('wf.qe.numbered')}</label>
        <button type="button" className="btn-link" aria-label={t('wf.qe.up')} disabled={index === 0} onClick={() => edit((d) => moveQuestion(d, q.id, -1))}>↑</button>
        <button type="button" className="btn-link" aria-label={t('wf.qe.down')} disabled={index === draft.questions.length - 1} onClick={() => edit((d) => moveQuestion(d, q.id, 1))}>↓</button>
        <button type="button" className="btn-link wf-danger" data-testid="q-remove" onClick={() => edit((d) => removeQuestion(d, q.id))}>{t('wf.qe.remove')}</button>
      </div>
      {q.options ? (
        <ul className="wf-q-options">
          {q.options.map((o, k) => (
            <li key={k} data-testid="q-option">
              <input data-testid="q-option-label" placeholder={t('wf.qe.optionLabel')} value={o.label} onChange={(e) => edit((d) => updateOption(d, q.id, k, { label: e.target.value }))} />
              <select data-testid="q-option-action" value={o.action ?? ''} onChange={(e) => edit((d) => updateOption(d, q.id, k, { action: (e.target.value || undefined) as AnswerAction | undefined }))}>
                <option value="">{t('wf.qe.noAction')}</option>
                {actions.map((a) => <option key={a} value={a}>{t(`wf.qe.actions.${a}`)}</option>)}
              </select>
              <button type="button" className="btn-link" aria-label={t('wf.qe.remove')} onClick={() => edit((d) => removeOption(d, q.id, k))}>×</button>
            </li>
          ))}
          <li><button type="button" className="btn-link" data-testid="q-add-option" onClick={() => edit((d) => addOption(d, q.id))}>+ {t('wf.qe.addOption')}</button></li>
        </ul>
      ) : null}
      {q.type === 'rating' && q.scale ? (
        <div className="wf-q-row">
          <label className="wf-inline">{t('wf.qe.scale')}
            <input type="number" className="wf-num" data-testid="q-scale-min" value={q.scale.min} onChange={(e) => set({ scale: { ...q.scale!, min: Number(e.target.value) } })} />–
            <input type="number" className="wf-num" data-testid="q-scale-max" value={q.scale.max} onChange={(e) => set({ scale: { ...q.scale!, max: Number(e.target.value) } })} />
          </label>
          <label className="wf-inline">{t('wf.qe.atOrBelow')}
            <input type="number" className="wf-num" data-testid="q-scale-threshold" value={q.scale.actionAtOrBelow?.value ?? ''} onChange={(e) => {
              const { actionAtOrBelow, ...rest } = q.scale!;
              set({ scale: e.target.value === '' ? rest : { ...rest, actionAtOrBelow: { value: Number(e.target.value), action: actionAtOrBelow?.action ?? 'open_complaint' } } });
            }} />
            <select data-testid="q-scale-action" value={q.scale.actionAtOrBelow?.action ?? ''} disabled={!q.scale.actionAtOrBelow} onChange={(e) => set({ scale: { ...q.scale!, actionAtOrBelow: { value: q.scale!.actionAtOrBelow!.value, action: e.target.value as AnswerAction } } })}>
              {actions.map((a) => <option key={a} value={a}>{t(`wf.qe.actions.${a}`)}</option>)}
            </select>
          </label>
        </div>
      ) : null}
      <div className="wf-q-row wf-q-cond">
        <label className="wf-inline">{t('wf.qe.showIf')}
          <select data-testid="q-condition" value={q.showIf?.questionId ?? ''} onChange={(e) => set(e.target.value ? { showIf: { questionId: e.target.value, anyOf: [] }, numbered: false } : { showIf: undefined })}>
            <option value="">{t('wf.qe.always')}</option>
            {earlier.map((x) => <option key={x.id} value={x.id}>{draft.questions.indexOf(x) + 1}. {x.text || x.id}</option>)}
            {q.showIf && !earlier.some((x) => x.id === q.showIf!.questionId) ? <option value={q.showIf.questionId}>{q.showIf.questionId}</option> : null}
          </select>
        </label>
        {q.showIf && source ? (
          <span className="wf-q-anyof">
            {t('wf.qe.answeredAs')}
            {conditionValues(source).map((v) => (
              <label key={v.value} className="wf-check">
                <input type="checkbox" data-testid="q-condition-value" data-value={v.value} checked={q.showIf!.anyOf.includes(v.value)} onChange={(e) => set({ showIf: { questionId: q.showIf!.questionId, anyOf: e.target.checked ? [...q.showIf!.anyOf, v.value] : q.showIf!.anyOf.filter((x) => x !== v.value) } })} />
                {v.label}
              </label>
            ))}
          </span>
        ) : null}
      </div>
      {problems.length ? <ul className="wf-problems" data-testid="q-problems">{problems.map((p, k) => <li key={k}>{t(`wf.qe.problems.${p.code}`, { defaultValue: p.detail ?? p.code })}</li>)}</ul> : null}
    </li>
  );
}
