// Virtualized: only the rows in view (plus overscan) are in the DOM, so 200 hits scroll as
// smoothly as 20. The selected row is kept in view as the agent moves with the arrow keys.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerHit } from '../../src-shared/contract/customers';
import { useActions, useDesk, useDeskStore } from '../app/desk-context';
import { DialButton } from './dial-button';
import { PlateBadge } from './plate-badge';
import { resultKeyHandler } from './search-box';
import { TierBadge } from './tier-badge';

const rowHeight = 62;

export function ResultsList() {
  const hits = useDesk((s) => s.search.hits);
  const selected = useDesk((s) => s.search.selected);
  const openId = useDesk((s) => s.card.openId);
  const actions = useActions();
  const store = useDeskStore();
  const scroller = useRef<HTMLDivElement>(null);
  const onOpen = useCallback((index: number, id: number) => {
    actions.search.select(index);
    void actions.card.openCard(id);
  }, [actions]);
  const virtualizer = useVirtualizer({
    count: hits.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    getItemKey: (index) => hits[index].id,
  });

  useEffect(() => {
    // scrollToIndex forces a layout of the whole page; a clicked row is in view already.
    if (hits.length > 0 && !rowInView(virtualizer, selected)) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, hits, virtualizer]);

  return (
    <div
      ref={scroller}
      className="results-scroll"
      data-testid="results-list"
      role="listbox"
      tabIndex={-1}
      aria-activedescendant={hits[selected] ? `hit-${hits[selected].id}` : undefined}
      onKeyDown={resultKeyHandler(store, actions)}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const hit = hits[item.index];
          return (
            <ResultRow
              key={item.key}
              hit={hit}
              index={item.index}
              top={item.start}
              selected={item.index === selected}
              open={hit.id === openId}
              onOpen={onOpen}
            />
          );
        })}
      </div>
    </div>
  );
}

/** From the virtualizer's cached scroll position and viewport size: reads no layout. */
function rowInView(virtualizer: { scrollOffset: number | null; scrollRect: { height: number } | null }, index: number): boolean {
  const { scrollOffset, scrollRect } = virtualizer;
  if (scrollOffset === null || scrollRect === null) return false;
  const top = index * rowHeight;
  return top >= scrollOffset && top + rowHeight <= scrollOffset + scrollRect.height;
}

interface RowProps {
  hit: CustomerHit;
  index: number;
  top: number;
  selected: boolean;
  open: boolean;
  onOpen(index: number, id: number): void;
}

const ResultRow = memo(function ResultRow({ hit, index, top, selected, open, onOpen }: RowProps) {
  const { t } = useTranslation();
  return (
    <div
      id={`hit-${hit.id}`}
      role="option"
      aria-selected={selected}
      data-testid="result-row"
      data-customer-id={hit.id}
      className={`result-row${selected ? ' is-selected' : ''}${open ? ' is-open' : ''}`}
      style={{ transform: `translateY(${top}px)`, height: rowHeight }}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => onOpen(index, hit.id)}
    >
      <div className="result-line">
        <span className="result-name">{hit.name}</span>
        <TierBadge tier={hit.membershipTier} hideWhenNone />
        <span className="result-number">{hit.number}</span>
        <span className="match-chip" title={t(`match.${hit.match}`)}>
          {t(`match.${hit.match}`)}
          {hit.matched && hit.matched !== hit.name ? <b>{hit.matched}</b> : null}
        </span>
      </div>
      <div className="result-line result-sub">
        <span className="result-phone">{hit.phones[0] ?? '—'}</span>
        {hit.phones[0] ? <DialButton customerId={hit.id} display={hit.phones[0]} /> : null}
        {hit.phones.length > 1 ? <span className="result-more">+{hit.phones.length - 1}</span> : null}
        <span className="result-plates">
          {hit.plates.slice(0, 2).map((plate) => <PlateBadge key={plate} plate={plate} size="small" />)}
          {hit.plates.length > 2 ? <span className="result-more">+{hit.plates.length - 2}</span> : null}
        </span>
      </div>
    </div>
  );
});
