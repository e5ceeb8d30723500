// The search box is reachable from anywhere (Ctrl+K) and is where Esc lands.
let searchInput: HTMLInputElement | null = null;

export function registerSearchInput(element: HTMLInputElement | null): void {
  searchInput = element;
}

export function focusSearch(selectAll = true): void {
  if (!searchInput) return;
  searchInput.focus();
  if (selectAll) searchInput.select();
}
