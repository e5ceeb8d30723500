// The follow-up call screen: the questionnaire script read aloud and answered with the keyboard
// (number keys pick, Enter next, Backspace previous), outcome codes for calls that did not get
// through (retried later by the queue), and what the answers caused (a complaint, a booking).
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { followUpOutcomes } from '../../../src-shared/domain/workflows/follow-up-rules';
import { overallSatisfied, visibleQuestions, type Question } from '../../../src-shared/domain/workflows/questionnaire';
import { CardPane } from '../../customers/customer-card';
import { showScreen } from '../navigation';
import { useWf, useWfActions } from '../start';
import { answeredCount, currentQuestion } from '../state/follow-up-call';
import { codeLabel } from './labels';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
}

export function FollowUpCallView() {
  const { t } = useTranslation();
  const actions = useWfActions();
  const call = useWf((s) => s.followUps.call)!;
  const q = call.questionnaire;
  const current = q ? currentQuestion(q, call.answers) : null;
  const visible = q ? visibleQuestions(q, call.answers.answers) : [];
  const done = call.result !== null;
  const isLast = current !== null && visible[visible.length - 1]?.id === current.id;

  useEffect(() => {
    if (done || !q) return;
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const typing = isTyping(event.target);
      if (/^[0-9]$/.test(event.key) && !typing) {
        event.preventDefault();
        actions.followUps.digit(Number(event.key));
      } else if (event.key === 'Enter' && !(event.target instanceof HTMLTextAreaElement && event.shiftKey) && !(event.target instanceof HTMLButtonElement)) {
        event.preventDefault();
        if (isLast) void actions.followUps.record('completed');
        else actions.followUps.next();
      } else if (event.key === 'Backspace' && !typing) {
        event.preventDefault();
        actions.followUps.previous();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, done, q, isLast]);

  const satisfied = q && done ? overallSatisfied(q, call.answers.answers) : null;
  return (
    <div className="wf-split wf-call">
      <section className="wf-list-pane wf-call-left" data-testid="follow-up-call" data-id={call.item.id}>
        <div className="wf-toolbar">
          <button type="button" className="btn btn-small btn-ghost" data-testid="follow-up-back" onClick={() => actions.followUps.back()}>← {t('wf.followUps.back')}</button>
          <h1>{call.item.customerName ?? ''} <span className="muted small">{call.item.plate ?? ''}</span></h1>
          <span className="wf-grow" />
          {q ? <span className="muted small" data-testid="answered-count">{t('wf.followUps.answered', answeredCount(q, call.answers))}</span> : null}
        </div>
        {q ? (
          <>
            <div className="wf-script"><span className="wf-script-label">{t('wf.followUps.script')}</span>{q.script}</div>
            <p className="muted small">{t('wf.followUps.keyboardHint')}</p>
            <ol className="wf-questions" data-testid="questionnaire">
              {visible.map((question) => (
                <QuestionView key={question.id} question={question} number={q.questions.filter((x) => x.numbered).indexOf(question) + 1} current={current?.id === question.id && !done} disabled={done} />
              ))}
            </ol>
            {call.problems.length ? <p className="notice is-error small" data-testid="answer-problems">{t('wf.followUps.problems', { list: call.problems.join('；') })}</p> : null}
            <div className="wf-closing">
              <div><span className="wf-script-label">{t('wf.followUps.closingSatisfied')}</span>{q.closing.satisfied}</div>
              <div><span className="wf-script-label">{t('wf.followUps.closingNot')}</span>{q.closing.notSatisfied}</div>
            </div>
          </>
        ) : <p className="notice">{t('wf.followUps.noQuestionnaire')}</p>}
        {done ? <Result satisfied={satisfied} /> : (
          <div className="wf-outcomes" data-testid="follow-up-outcomes">
            <button type="button" className="btn btn-primary" data-testid="outcome-completed" disabled={call.busy} onClick={() => void actions.followUps.record('completed')}>{t('wf.followUps.finish')}</button>
            <span className="muted small">{t('wf.followUps.outcome')}:</span>
            {followUpOutcomes.filter((o) => o !== 'completed').map((o) => (
              <button key={o} type="button" className="btn btn-small" data-testid={`outcome-${o}`} disabled={call.busy} onClick={() => void actions.followUps.record(o)}>{codeLabel(t, 'outcome', o)}</button>
            ))}
          </div>
        )}
      </section>
      <CardPane />
    </div>
  );
}

function QuestionView({ question, number, current, disabled }: { question: Question; number: number; current: boolean; disabled: boolean }) {
  const { t } = useTranslation();
  const actions = useWfActions();
  const value = useWf((s) => s.followUps.call?.answers.answers[question.id]);
  const ref = useRef<HTMLLIElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!current) return;
    ref.current?.scrollIntoView({ block: 'nearest' });
    if (question.type === 'text') textRef.current?.focus();
    else if (document.activeElement instanceof HTMLTextAreaElement) document.activeElement.blur();
  }, [current, question.type]);
  const selected = (v: string) => (Array.isArray(value) ? value.includes(v) : value === v);
  return (
    <li ref={ref} className={`wf-question${current ? ' is-current' : ''}${question.numbered ? '' : ' is-conditional'}`} data-testid="question" data-question={question.id} data-current={current} onClick={() => !disabled && actions.followUps.focus(question.id)}>
      <div className="wf-question-text">{question.numbered ? <span className="wf-qnum">{number}</span> : <span className="wf-qnum is-sub">↳</span>}{question.text}</div>
      {question.options ? (
        <div className="wf-options">
          {question.options.map((o, i) => (
            <button key={o.value} type="button" tabIndex={-1} disabled={disabled} className={`wf-option${selected(o.value) ? ' is-selected' : ''}${o.action === 'open_complaint' ? ' is-negative' : ''}`} data-testid="option" data-value={o.value}
              onClick={(e) => { e.stopPropagation(); actions.followUps.focus(question.id); actions.followUps.digit(i + 1); }}>
              <kbd>{i + 1}</kbd>{o.label}
            </button>
          ))}
        </div>
      ) : null}
      {question.type === 'rating' && question.scale ? (
        <div className="wf-options">
          {Array.from({ length: question.scale.max - question.scale.min + 1 }, (_, i) => question.scale!.min + i).map((n) => (
            <button key={n} type="button" tabIndex={-1} disabled={disabled} className={`wf-option${value === n ? ' is-selected' : ''}`} onClick={(e) => { e.stopPropagation(); actions.followUps.focus(question.id); actions.followUps.digit(n % 10); }}><kbd>{n % 10}</kbd>{n}</button>
          ))}
        </div>
      ) : null}
      {question.type === 'text' ? (
        <textarea ref={textRef} rows={2} disabled={disabled} data-testid="answer-text" placeholder={t('wf.followUps.textHint')} value={typeof value === 'string' ? value : ''} onFocus={() => actions.followUps.focus(question.id)} onChange={(e) => actions.followUps.set(question.id, e.target.value)} />
      ) : null}
    </li>
  );
}

function Result({ satisfied }: { satisfied: boolean | null }) {
  const { t } = useTranslation();
  const actions = useWfActions();
  const call = useWf((s) => s.followUps.call)!;
  const result = call.result!;
  return (
    <div className="wf-result" data-testid="follow-up-result" data-satisfied={satisfied === null ? '' : String(satisfied)}>
      <p className="notice is-ok">{t('wf.followUps.finished')} · {codeLabel(t, 'outcome', String(result.item.fields.lastOutcome ?? 'completed'))}{result.item.open ? ` · ${t('wf.followUps.retry')}` : ''}</p>
      {result.complaintId ? (
        <p className="notice is-warning" data-testid="follow-up-complaint" data-id={result.complaintId}>
          {t('wf.followUps.complaintOpened', { id: result.complaintId })}{' '}
          <button type="button" className="btn-link" onClick={() => { showScreen('workOrders'); actions.setTab('queue'); void actions.detail.open(result.complaintId!); }}>#{result.complaintId}</button>
        </p>
      ) : null}
      {result.appointmentId ? <p className="notice is-ok">{t('wf.followUps.appointmentBooked', { id: result.appointmentId })}</p> : null}
      {result.appointmentProblem ? <p className="notice is-warning">{t('wf.followUps.appointmentProblem', { reason: result.appointmentProblem })}</p> : null}
      <button type="button" className="btn btn-primary" data-testid="follow-up-next" onClick={() => actions.followUps.back()}>{t('wf.followUps.back')}</button>
    </div>
  );
}
