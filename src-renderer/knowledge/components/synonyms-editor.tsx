// The dealership's synonym list (首保 = 首次保养, 保险 ≈ 车险…): one row per group. Everyone can
// read it; supervisors and admins edit it (main checks). Searches use the saved list at once.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKbActions } from '../start';
import { useIsEditor } from './article-view';

interface Row {
  key: number;
  kind: 'equivalent' | 'related';
  text: string;
}

let nextKey = 1;
const toRows = (groups: { kind: 'equivalent' | 'related'; terms: string[] }[]): Row[] => groups.map((g) => ({ key: nextKey++, kind: g.kind, text: g.terms.join('，') }));
const terms = (text: string) => [...new Set(text.split(/[,，、;；\s]+/).map((s) => s.trim()).filter(Boolean))];

export function SynonymsEditor() {
  const { t } = useTranslation();
  const actions = useKbActions();
  const editor = useIsEditor();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void actions.synonyms().then((groups) => live && setRows(toRows(groups)), () => live && setRows([]));
    return () => {
      live = false;
    };
  }, [actions]);
  const update = (key: number, patch: Partial<Row>) => {
    setSaved(null);
    setRows((list) => (list ?? []).map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };
  const save = async () => {
    const groups = (rows ?? []).map((r) => ({ kind: r.kind, terms: terms(r.text) })).filter((g) => g.terms.length >= 2);
    const result = await actions.saveSynonyms(groups);
    if (result) {
      setRows(toRows(result));
      setSaved(t('kb.synonyms.saved', { count: result.length }));
    }
  };
  return (
    <section className="kb-synonyms panel" data-testid="kb-synonyms">
      <header className="kb-pane-head">
        <h1>{t('kb.synonyms.title')}</h1>
        <span className="kb-grow" />
        {editor ? (
          <>
            <button type="button" className="btn btn-small" data-testid="kb-synonym-add" onClick={() => setRows((list) => [{ key: nextKey++, kind: 'equivalent', text: '' }, ...(list ?? [])])}>＋ {t('kb.synonyms.add')}</button>
            <button type="button" className="btn btn-small btn-primary" data-testid="kb-synonyms-save" onClick={() => void save()}>{t('kb.synonyms.save')}</button>
          </>
        ) : null}
      </header>
      <p className="muted small">{editor ? t('kb.synonyms.hint') : t('kb.synonyms.readOnly')}</p>
      {saved ? <div className="notice is-ok" data-testid="kb-synonyms-saved">{saved}</div> : null}
      <div className="kb-synonym-rows">
        {(rows ?? []).map((row) => (
          <div key={row.key} className="kb-synonym-row" data-testid="kb-synonym-row">
            <select value={row.kind} disabled={!editor} aria-label={t('kb.synonyms.equivalent')} onChange={(e) => update(row.key, { kind: e.target.value as Row['kind'] })}>
              <option value="equivalent">{t('kb.synonyms.equivalent')}</option>
              <option value="related">{t('kb.synonyms.related')}</option>
            </select>
            <input value={row.text} readOnly={!editor} aria-label={t('kb.synonyms.terms')} data-testid="kb-synonym-terms" onChange={(e) => update(row.key, { text: e.target.value })} />
            {editor ? <button type="button" className="btn btn-small btn-ghost" onClick={() => setRows((list) => (list ?? []).filter((r) => r.key !== row.key))}>{t('kb.synonyms.remove')}</button> : null}
          </div>
        ))}
      </div>
    </section>
  );
}
