// Standard answers (seed 004: 标准答案, KB category complaint_standard) inserted into a reply or
// a note with one key: F2 in any textarea of the desk opens this picker next to it; Enter puts
// the answer's plain text at the cursor. Reusable parts: <StandardAnswerPicker> (the list),
// <StandardAnswerButton> (a button for a given textarea) and insertAtCursor().
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { KbHit } from '../../../src-shared/contract/knowledge';
import { normalizeText } from '../../../src-shared/domain/knowledge/normalize';
import { useKbActions } from '../start';

export const standardAnswerKey = 'F2';

/**
 * Inserts text at the caret of a textarea (replacing a selection) so that React's onChange sees
 * it: the value is set through the native setter and an `input` event is dispatched.
 */
export function insertAtCursor(textarea: HTMLTextAreaElement, text: string): void {
  const start = textarea.selectionStart ?? textarea.value.length;
  const end = textarea.selectionEnd ?? start;
  const before = textarea.value.slice(0, start);
  const after = textarea.value.slice(end);
  const lead = before && !before.endsWith('\n') ? '\n' : '';
  const trail = after && !after.startsWith('\n') ? '\n' : '';
  const next = `${before}${lead}${text}${trail}${after}`;
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  if (setter) setter.call(textarea, next);
  else textarea.value = next;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
  const caret = before.length + lead.length + text.length;
  textarea.focus();
  textarea.setSelectionRange(caret, caret);
}

export function StandardAnswerPicker({ anchor, onPick, onClose }: { anchor: DOMRect | null; onPick: (text: string, id: number) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const actions = useKbActions();
  const [answers, setAnswers] = useState<KbHit[] | null>(null);
  const [filter, setFilter] = useState('');
  const [index, setIndex] = useState(0);
  const [busy, setBusy] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    let live = true;
    void actions.standardAnswers().then((list) => live && setAnswers(list), () => live && setAnswers([]));
    return () => {
      live = false;
    };
  }, [actions]);
  const shown = useMemo(() => {
    const key = normalizeText(filter).replace(/\s+/g, '');
    if (!answers || !key) return answers ?? [];
    return answers.filter((a) => normalizeText(`${a.title}${a.tags.join('')}`).replace(/\s+/g, '').includes(key));
  }, [answers, filter]);
  useEffect(() => setIndex(0), [filter]);
  useEffect(() => {
    listRef.current?.querySelector('.is-selected')?.scrollIntoView({ block: 'nearest' });
  }, [index]);
  const pick = async (hit: KbHit | undefined) => {
    if (!hit || busy) return;
    setBusy(true);
    try {
      onPick(await actions.standardAnswerText(hit.id), hit.id);
    } finally {
      setBusy(false);
    }
  };
  const style = anchor
    ? { left: Math.max(8, Math.min(anchor.left, window.innerWidth - 440)), top: anchor.bottom + 6 + 360 > window.innerHeight ? Math.max(8, anchor.top - 366) : anchor.bottom + 6 }
    : { left: '50%', top: '20%', transform: 'translateX(-50%)' };
  return (
    <div className="kb-picker-backdrop" onMouseDown={onClose}>
      <div className="kb-picker" role="dialog" aria-label={t('kb.standard.title')} data-testid="kb-standard-picker" style={style} onMouseDown={(e) => e.stopPropagation()}>
        <div className="kb-picker-head">
          <strong>{t('kb.standard.title')}</strong>
          <span className="muted small">{t('kb.standard.keys')}</span>
        </div>
        <input
          autoFocus
          data-testid="kb-standard-filter"
          placeholder={t('kb.standard.filter')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') { e.preventDefault(); setIndex((i) => Math.min(i + 1, shown.length - 1)); }
            else if (e.key === 'ArrowUp') { e.preventDefault(); setIndex((i) => Math.max(i - 1, 0)); }
            else if (e.key === 'Enter') { e.preventDefault(); void pick(shown[index]); }
            else if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); onClose(); }
          }}
        />
        <ul ref={listRef} className="kb-picker-list">
          {answers === null ? <li className="muted"><span className="search-spinner" /></li> : null}
          {answers && answers.length === 0 ? <li className="muted">{t('kb.standard.none')}</li> : null}
          {answers && answers.length > 0 && shown.length === 0 ? <li className="muted">{t('kb.standard.noMatch')}</li> : null}
          {shown.map((a, i) => (
            <li key={a.id} className={i === index ? 'is-selected' : undefined} data-testid="kb-standard-option" onMouseMove={() => setIndex(i)} onClick={() => void pick(a)}>
              <span className="kb-picker-title">{a.title}</span>
              {a.snippet.length ? <span className="kb-picker-snippet">{a.snippet.map((p) => p.text).join('')}</span> : null}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** A button that opens the picker for a given textarea (for forms that want it visible). */
export function StandardAnswerButton({ target, onInserted }: { target: RefObject<HTMLTextAreaElement | null>; onInserted?: (id: number) => void }) {
  const { t } = useTranslation();
  const [anchor, setAnchor] = useState<DOMRect | null | false>(false);
  return (
    <>
      <button type="button" className="btn btn-small" data-testid="kb-standard-button" title={t('kb.standard.hint')} onClick={() => setAnchor(target.current?.getBoundingClientRect() ?? null)}>
        {t('kb.standard.button')} <kbd className="kb-kbd">{standardAnswerKey}</kbd>
      </button>
      {anchor !== false ? (
        <StandardAnswerPicker
          anchor={anchor}
          onClose={() => { setAnchor(false); target.current?.focus(); }}
          onPick={(text, id) => {
            setAnchor(false);
            if (target.current) insertAtCursor(target.current, text);
            onInserted?.(id);
          }}
        />
      ) : null}
    </>
  );
}
