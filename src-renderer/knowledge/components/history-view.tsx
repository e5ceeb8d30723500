// Version history of an article: every saved version, a line diff between any two (inserted
// lines green, deleted red, long unchanged runs folded) with the other fields that changed,
// and restore (editors; it saves the old text as a new version, nothing is lost).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { KbArticle, KbDiffSchema, KbVersionSchema } from '../../../src-shared/contract/knowledge';
import { asContractError } from '../../state/action-deps';
import { useKbActions } from '../start';
import { useIsEditor } from './article-view';
import { dateTime } from './format';

type Version = z.infer<typeof KbVersionSchema>;
type Diff = z.infer<typeof KbDiffSchema>;

export function HistoryView({ article }: { article: KbArticle }) {
  const { t } = useTranslation();
  const actions = useKbActions();
  const editor = useIsEditor();
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [diff, setDiff] = useState<Diff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void actions.history(article.id).then(
      (list) => {
        if (!live) return;
        const sorted = [...list].sort((a, b) => b.version - a.version);
        setVersions(sorted);
        setTo(sorted[0]?.version ?? null);
        setFrom(sorted[1]?.version ?? sorted[0]?.version ?? null);
      },
      (e) => live && setError(asContractError(e).message),
    );
    return () => {
      live = false;
    };
  }, [actions, article.id, article.version]);

  useEffect(() => {
    let live = true;
    if (from === null || to === null || from === to) {
      setDiff(null);
      return;
    }
    void actions.diff(article.id, Math.min(from, to), Math.max(from, to)).then(
      (d) => live && setDiff(d),
      (e) => live && setError(asContractError(e).message),
    );
    return () => {
      live = false;
    };
  }, [actions, article.id, from, to]);

  const restore = async (version: number) => {
    setConfirming(null);
    const restored = await actions.restore(article.id, version);
    if (restored) setDone(t('kb.history.restored', { v: version, nv: restored.version }));
  };

  return (
    <section className="kb-history" data-testid="kb-history-view">
      <header className="kb-pane-head">
        <button type="button" className="btn btn-small btn-ghost" onClick={() => actions.showPane('article')}>← {t('kb.article.back')}</button>
        <h1>{t('kb.history.title')} · {article.title}</h1>
      </header>
      {error ? <div className="notice is-error">{error}</div> : null}
      {done ? <div className="notice is-ok" data-testid="kb-restored">{done}</div> : null}
      <div className="kb-history-grid">
        <ol className="kb-versions" data-testid="kb-versions">
          {(versions ?? []).map((v) => (
            <li key={v.version} className="kb-version" data-testid="kb-version" data-version={v.version}>
              <div className="kb-version-line">
                <strong>{t('kb.article.version', { v: v.version })}</strong>
                {v.version === article.version ? <span className="kb-chip kb-status-published">{t('kb.history.current')}</span> : null}
                <span className="kb-version-picks">
                  <label title={t('kb.history.from')}><input type="radio" name="kb-from" checked={from === v.version} onChange={() => setFrom(v.version)} data-testid="kb-diff-from" />{t('kb.history.from')}</label>
                  <label title={t('kb.history.to')}><input type="radio" name="kb-to" checked={to === v.version} onChange={() => setTo(v.version)} data-testid="kb-diff-to" />{t('kb.history.to')}</label>
                </span>
              </div>
              <div className="muted small">{t('kb.history.by', { editor: v.editor ?? '—', at: dateTime(v.createdAt) })}</div>
              {v.note ? <div className="small">{t('kb.history.note', { note: v.note === 'imported' ? t('kb.history.imported') : v.note })}</div> : null}
              {editor && v.version !== article.version ? (
                confirming === v.version ? (
                  <div className="kb-confirm">
                    <span className="small">{t('kb.history.confirmRestore', { v: v.version })}</span>
                    <button type="button" className="btn btn-small btn-primary" data-testid="kb-restore-confirm" onClick={() => void restore(v.version)}>{t('kb.history.restore')}</button>
                    <button type="button" className="btn btn-small btn-ghost" onClick={() => setConfirming(null)}>{t('kb.editor.cancel')}</button>
                  </div>
                ) : (
                  <button type="button" className="btn-link small" data-testid="kb-restore" onClick={() => setConfirming(v.version)}>{t('kb.history.restore')}</button>
                )
              ) : null}
            </li>
          ))}
        </ol>
        <div className="kb-diff" data-testid="kb-diff">
          {from === to ? <div className="muted">{t('kb.history.same')}</div> : diff ? <DiffView diff={diff} /> : null}
        </div>
      </div>
    </section>
  );
}

const context = 3;

function DiffView({ diff }: { diff: Diff }) {
  const { t } = useTranslation();
  const changed = diff.lines.some((l) => l.op !== 'equal') || diff.fields.length > 0;
  if (!changed) return <div className="muted">{t('kb.history.noChanges')}</div>;
  // Unchanged lines far from any change are folded into one "⋯" row.
  const near = diff.lines.map((_, i) => diff.lines.slice(Math.max(0, i - context), i + context + 1).some((l) => l.op !== 'equal'));
  const rows: ({ op: string; text: string } | null)[] = [];
  diff.lines.forEach((line, i) => {
    if (near[i]) rows.push(line);
    else if (rows[rows.length - 1] !== null) rows.push(null);
  });
  return (
    <>
      <div className="kb-diff-title">{t('kb.article.version', { v: diff.from })} → {t('kb.article.version', { v: diff.to })}</div>
      {diff.fields.length ? (
        <table className="kb-diff-fields">
          <caption>{t('kb.history.fields')}</caption>
          <tbody>
            {diff.fields.map((f) => (
              <tr key={f.field}><th>{t(`kb.history.field.${f.field}`, { defaultValue: f.field })}</th><td className="kb-del">{f.before || '—'}</td><td className="kb-ins">{f.after || '—'}</td></tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <pre className="kb-diff-lines">
        {rows.map((row, i) =>
          row === null ? (
            <div key={i} className="kb-diff-fold">⋯</div>
          ) : (
            <div key={i} className={`kb-diff-${row.op}`} data-op={row.op}>
              <span className="kb-diff-sign">{row.op === 'insert' ? '+' : row.op === 'delete' ? '−' : ' '}</span>
              {row.text || ' '}
            </div>
          ),
        )}
      </pre>
    </>
  );
}
