// Keyboard model of the desk: Ctrl+K (⌘K) focuses search from anywhere; Esc steps back one
// level — dialog → card → search box (selecting its text so the next number replaces it).
import { useEffect } from 'react';
import type { DeskActions } from '../state/desk-actions';
import type { DeskStore } from '../state/store';
import { focusSearch } from './focus';

export function useGlobalKeys(store: DeskStore, actions: DeskActions): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        focusSearch();
        return;
      }
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const state = store.getState();
      if (state.transfer.panel !== 'closed') {
        if (state.transfer.import.phase !== 'running') actions.transfer.closePanel();
      } else if (state.card.openId !== null) {
        actions.card.closeCard();
        focusSearch(false);
      } else {
        focusSearch();
      }
      event.preventDefault();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, actions]);
}
