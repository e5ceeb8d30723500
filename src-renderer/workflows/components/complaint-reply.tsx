// 回复 a complaint: the reply text, with standard answers (知识库, category 投诉标准答案) that
// can be inserted and are recorded on the complaint (seed 004: standard answers to common problems).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWfActions } from '../start';

export function ComplaintReply({ busy, onCancel, onSubmit }: { busy: boolean; onCancel: () => void; onSubmit: (reply: string, standardIds: number[]) => void }) {
  const { t } = useTranslation();
  const actions = useWfActions();
  const [text, setText] = useState('');
  const [used, setUsed] = useState<number[]>([]);
  const [answers, setAnswers] = useState<{ id: number; title: string }[] | null>(null);
  useEffect(() => {
    let live = true;
    void actions.kb.standardAnswers().then((list) => live && setAnswers(list));
    return () => { live = false; };
  }, [actions]);
  const insert = async (id: number) => {
    const body = await actions.kb.article(id);
    if (body === null) return;
    setText((before) => (before.trim() ? `${before.trimEnd()}\n\n${body.trim()}` : body.trim()));
    setUsed((ids) => (ids.includes(id) ? ids : [...ids, id]));
  };
  return (
    <form className="wf-action-form wf-reply" data-testid="complaint-reply" onSubmit={(e) => { e.preventDefault(); if (text.trim()) onSubmit(text.trim(), used); }}>
      <div className="wf-reply-head">
        <strong>{t('wf.detail.replyTitle')}</strong>
        {answers && answers.length > 0 ? (
          <select data-testid="insert-standard-answer" value="" aria-label={t('wf.detail.insertStandard')} onChange={(e) => e.target.value && void insert(Number(e.target.value))}>
            <option value="">{t('wf.detail.insertStandard')}…</option>
            {answers.map((a) => <option key={a.id} value={a.id}>{a.title}</option>)}
          </select>
        ) : answers ? <span className="muted small">{t('wf.detail.noStandard')}</span> : null}
      </div>
      <textarea rows={5} data-testid="reply-text" placeholder={t('wf.detail.replyPlaceholder')} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="wf-form-buttons">
        {used.length ? <span className="muted small wf-grow">{t('wf.detail.standardUsed', { count: used.length })}</span> : <span className="wf-grow" />}
        <button type="button" className="btn btn-small" onClick={onCancel}>{t('wf.detail.cancel')}</button>
        <button type="submit" className="btn btn-small btn-primary" data-testid="reply-submit" disabled={busy || !text.trim()}>{t('wf.action.reply')}</button>
      </div>
    </form>
  );
}
