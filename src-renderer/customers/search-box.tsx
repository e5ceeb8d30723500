import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { registerSearchInput } from '../app/focus';
import { useActions, useDesk, useDeskStore } from '../app/desk-context';
import { selectedHit } from '../state/customer-search-slice';

/** ↑/↓/PageUp/PageDown move through the results, Enter opens the selected customer. */
export function resultKeyHandler(store: ReturnType<typeof useDeskStore>, actions: ReturnType<typeof useActions>) {
  return (event: KeyboardEvent) => {
    const page = 8;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (event.key in moves) {
      event.preventDefault();
      actions.search.moveSelection(moves[event.key]);
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      const hit = selectedHit(store.getState().search);
      if (hit) void actions.card.openCard(hit.id);
      else void actions.search.searchNow();
    }
  };
}

export function SearchBox() {
  const { t } = useTranslation();
  const actions = useActions();
  const store = useDeskStore();
  const query = useDesk((s) => s.search.query);
  const loading = useDesk((s) => s.search.status === 'loading');
  return (
    <div className="search-box">
      <span className="search-icon" aria-hidden>⌕</span>
      <input
        ref={registerSearchInput}
        data-testid="search-input"
        type="text"
        role="searchbox"
        autoFocus
        spellCheck={false}
        autoComplete="off"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={query}
        onChange={(event) => actions.search.typeQuery(event.target.value)}
        onKeyDown={resultKeyHandler(store, actions)}
      />
      {loading ? <span className="search-spinner" aria-label={t('search.loading')} /> : <kbd className="search-kbd">{t('search.shortcut')}</kbd>}
    </div>
  );
}
