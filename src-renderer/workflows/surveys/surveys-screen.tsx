// 问卷调查: the new-survey form (segment, share, seed, agents; live segment and sample size) and
// the surveys with their progress and result charts.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { perClient } from '../state/per-client';
import { churnStatuses, createSurveys, formProblems, type Surveys } from '../state/surveys';
import { useWfClient } from '../start';
import '../care/care.css';
import { SurveyResults } from './survey-results';

const surveysFor = perClient((client: Parameters<typeof createSurveys>[0]) => createSurveys(client));

export function SurveysScreen() {
  const { t } = useTranslation();
  const sv = surveysFor(useWfClient());
  const s = useStore(sv.store);
  useEffect(() => {
    void sv.load();
  }, [sv]);
  const survey = s.list?.surveys.find((x) => x.id === s.selected) ?? null;
  return (
    <section className="wf-care" data-testid="surveys-screen">
      <div className="wf-sv-layout">
        <SurveyFormView sv={sv} />
        <div className="wf-block">
          <h2>{t('wf.sv.list')}</h2>
          {!s.list?.surveys.length ? <p className="muted">{t('wf.sv.none')}</p> : (
            <table className="grid" data-testid="survey-list">
              <thead><tr><th>{t('wf.sv.name')}</th><th>{t('wf.sv.created')}</th><th>{t('wf.sv.progress')}</th><th>{t('wf.sv.responses')}</th></tr></thead>
              <tbody>
                {s.list.surveys.map((x) => (
                  <tr key={x.id} data-testid="survey-row" data-id={x.id} className={x.id === s.selected ? 'is-selected' : ''} onClick={() => void sv.select(x.id)} style={{ cursor: 'pointer' }}>
                    <td><strong>{x.name}</strong></td>
                    <td className="mono">{x.createdAt.slice(0, 10)}</td>
                    <td data-testid="survey-progress">{x.done} / {x.tasks}</td>
                    <td>{x.responses}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {survey && s.stats ? <SurveyResults survey={survey} stats={s.stats} /> : null}
        </div>
      </div>
    </section>
  );
}

function SurveyFormView({ sv }: { sv: Surveys }) {
  const { t } = useTranslation();
  const s = useStore(sv.store);
  const f = s.form;
  const [agent, setAgent] = useState('');
  const problems = formProblems(f);
  const agents = [...new Set([...(s.list?.agents ?? []), ...f.agents])];
  const addAgent = () => {
    const a = agent.trim();
    if (a && !f.agents.includes(a)) sv.setForm({ agents: [...f.agents, a] });
    setAgent('');
  };
  return (
    <form className="wf-block wf-sv-form" data-testid="survey-form" onSubmit={(e) => { e.preventDefault(); void sv.create(); }}>
      <h2>{t('wf.sv.new')}</h2>
      <label className="wf-field"><span>{t('wf.sv.name')}</span><input data-testid="sv-name" value={f.name} onChange={(e) => sv.setForm({ name: e.target.value })} /></label>
      <label className="wf-field"><span>{t('wf.sv.questionnaire')}</span>
        <select data-testid="sv-questionnaire" value={f.questionnaireId} onChange={(e) => sv.setForm({ questionnaireId: e.target.value })}>
          {s.questionnaires.map((q) => <option key={q.id} value={q.id}>{q.title}</option>)}
        </select>
      </label>
      <fieldset className="wf-sv-segment">
        <legend>{t('wf.sv.segment')}</legend>
        <div className="wf-form-row">
          <label className="wf-field"><span>{t('wf.sv.model')}</span><input data-testid="sv-model" value={f.segment.model ?? ''} onChange={(e) => sv.setSegment({ model: e.target.value })} /></label>
          <label className="wf-field"><span>{t('wf.sv.district')}</span>
            <select data-testid="sv-district" value={f.segment.district ?? ''} onChange={(e) => sv.setSegment({ district: e.target.value })}>
              <option value="">{t('wf.sv.any')}</option>
              {(s.list?.districts ?? []).map((d) => <option key={d} value={d}>{d}</option>)}
            </select>
          </label>
          <label className="wf-field"><span>{t('wf.sv.tier')}</span>
            <select data-testid="sv-tier" value={f.segment.membershipTier ?? ''} onChange={(e) => sv.setSegment({ membershipTier: e.target.value })}>
              <option value="">{t('wf.sv.any')}</option>
              {(s.list?.tiers ?? []).map((d) => <option key={d} value={d}>{d}</option>)}
            </select>
          </label>
        </div>
        <div className="wf-q-anyof" data-testid="sv-churn">
          <span className="muted">{t('wf.sv.churn')}</span>
          {churnStatuses.map((c) => (
            <label key={c} className="wf-check">
              <input type="checkbox" data-testid={`sv-churn-${c}`} checked={f.segment.churnStatus?.includes(c) ?? false} onChange={(e) => sv.setSegment({ churnStatus: e.target.checked ? [...(f.segment.churnStatus ?? []), c] : (f.segment.churnStatus ?? []).filter((x) => x !== c) })} />
              {t(`wf.sv.churnStatus.${c}`)}
            </label>
          ))}
        </div>
        <div className="wf-form-row">
          <label className="wf-field"><span>{t('wf.sv.lastVisitFrom')}</span><input type="date" data-testid="sv-visit-from" value={f.segment.lastVisitFrom ?? ''} onChange={(e) => sv.setSegment({ lastVisitFrom: e.target.value || undefined })} /></label>
          <label className="wf-field"><span>{t('wf.sv.lastVisitTo')}</span><input type="date" data-testid="sv-visit-to" value={f.segment.lastVisitTo ?? ''} onChange={(e) => sv.setSegment({ lastVisitTo: e.target.value || undefined })} /></label>
        </div>
      </fieldset>
      <div className="wf-form-row">
        <label className="wf-field"><span>{t('wf.sv.share')}</span><input data-testid="sv-share" value={f.sharePercent} onChange={(e) => sv.setForm({ sharePercent: e.target.value })} /></label>
        <label className="wf-field"><span>{t('wf.sv.seed')}</span>
          <span className="wf-inline"><input className="mono" data-testid="sv-seed" value={f.seed} onChange={(e) => /^\d{0,10}$/.test(e.target.value) && sv.setForm({ seed: Math.min(2 ** 31, Number(e.target.value) || 0) })} />
            <button type="button" className="btn btn-small" onClick={() => sv.reseed()}>{t('wf.sv.reseed')}</button></span>
        </label>
      </div>
      <p className="wf-sv-preview" data-testid="sv-preview" data-segment={s.preview?.segmentSize ?? ''} data-sample={s.preview?.sampleSize ?? ''}>
        {s.preview ? t('wf.sv.previewText', { segment: s.preview.segmentSize, sample: s.preview.sampleSize }) : '—'}
      </p>
      <div className="wf-field"><span>{t('wf.sv.agents')}</span>
        <div className="wf-q-anyof">
          {agents.map((a) => (
            <label key={a} className="wf-check">
              <input type="checkbox" data-testid="sv-agent" data-agent={a} checked={f.agents.includes(a)} onChange={(e) => sv.setForm({ agents: e.target.checked ? [...f.agents, a] : f.agents.filter((x) => x !== a) })} />{a}
            </label>
          ))}
          <input className="wf-input" data-testid="sv-agent-new" placeholder={t('wf.sv.addAgent')} value={agent} onChange={(e) => setAgent(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); addAgent(); } }} />
          <button type="button" className="btn btn-small" data-testid="sv-agent-add" onClick={addAgent}>{t('wf.sv.add')}</button>
        </div>
      </div>
      {problems.length && (f.name || f.agents.length) ? <ul className="wf-problems" data-testid="sv-problems">{problems.map((p) => <li key={p}>{t(`wf.sv.problems.${p}`)}</li>)}</ul> : null}
      <div className="wf-form-actions">
        <button type="submit" className="btn btn-primary" data-testid="sv-create" disabled={s.busy || problems.length > 0 || s.preview?.segmentSize === 0}>{t('wf.sv.create')}</button>
        {s.created ? <span className="wf-ok" data-testid="sv-created">{t('wf.sv.createdText', { tasks: s.created.tasks })}</span> : null}
        {s.error ? <span className="wf-care-note is-error" style={{ flexBasis: 'auto' }} data-testid="sv-error">{s.error.message}</span> : null}
      </div>
    </form>
  );
}
