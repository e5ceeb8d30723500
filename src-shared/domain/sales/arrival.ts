// Car-arrival reminder (到车提醒, seed 000 销售管理): when a car enters stock, which waiting
// customers does it serve? An order the car was allocated to comes first; then orders and "tell
// me when it arrives" requests that match model (and trim/colour when they name one), oldest
// first. One car serves one order, but every matching request is told (the consultant calls).
export interface ArrivingCar {
  model: string;
  trim: string | null;
  colour: string | null;
  /** The order this car was allocated to, if any. */
  orderId: number | null;
}

export interface Waiting {
  kind: 'order' | 'request';
  id: number;
  customerId: number;
  consultant: string | null;
  model: string;
  trim: string | null;
  colour: string | null;
  createdAt: string;
}

export function normalizeModelText(s: string | null | undefined): string {
  return (s ?? '').normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

function fits(want: string | null, have: string | null): boolean {
  const w = normalizeModelText(want);
  return w === '' || w === normalizeModelText(have);
}

export function matchesCar(car: ArrivingCar, w: Waiting): boolean {
  return normalizeModelText(w.model) !== '' && normalizeModelText(w.model) === normalizeModelText(car.model) && fits(w.trim, car.trim) && fits(w.colour, car.colour);
}

/**
 * Who to tell, in order. The allocated order (when among `waiting`) is first regardless of its
 * model text; an unallocated car can serve the oldest matching order (only one); every matching
 * request follows, oldest first.
 */
export function arrivalMatches(car: ArrivingCar, waiting: readonly Waiting[]): Waiting[] {
  const oldestFirst = (a: Waiting, b: Waiting) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id;
  const allocated = car.orderId === null ? undefined : waiting.find((w) => w.kind === 'order' && w.id === car.orderId);
  const order = car.orderId === null ? waiting.filter((w) => w.kind === 'order' && matchesCar(car, w)).sort(oldestFirst)[0] : allocated;
  const requests = waiting.filter((w) => w.kind === 'request' && matchesCar(car, w)).sort(oldestFirst);
  return order ? [order, ...requests] : requests;
}
