// Benchmark hook (bench measures click → painted): after the card for customer X has been
// committed, the next animation frame records body[data-card-painted-for=X] and a
// 'card-painted' performance mark.
import { useEffect } from 'react';
import type { CustomerCard } from '../../src-shared/contract/customers';

export function useCardPainted(card: CustomerCard | null): void {
  useEffect(() => {
    if (!card) return;
    const frame = requestAnimationFrame(() => {
      document.body.dataset.cardPaintedFor = String(card.id);
      performance.mark('card-painted', { detail: { customerId: card.id } });
    });
    return () => cancelAnimationFrame(frame);
  }, [card]);
}
