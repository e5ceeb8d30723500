// Seeded randomness for the demo data. mulberry32: 32-bit state, one multiply-xorshift round per
// draw; fast, and a fixed seed gives the same sequence on every platform (Math.imul and >>> are
// exact 32-bit integer operations), which is what makes a seeded database reproducible.

export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 2^32). */
  nextU32(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Roughly normal (Irwin–Hall of 3 uniforms), clamped to [min, max]. */
  around(mean: number, spread: number, min: number, max: number): number {
    const value = mean + (this.next() + this.next() + this.next() - 1.5) * spread;
    return value < min ? min : value > max ? max : value;
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** A UUID v4-shaped id drawn from this generator, so identical seeds give identical ids. */
  uuid(): string {
    const a = this.nextU32();
    const b = this.nextU32();
    const c = this.nextU32();
    const d = this.nextU32();
    return (
      hex8(a) +
      '-' +
      hex4(b >>> 16) +
      '-4' +
      hex4(b & 0xfff).slice(1) +
      '-' +
      hex4(0x8000 | ((c >>> 16) & 0x3fff)) +
      '-' +
      hex4(c & 0xffff) +
      hex8(d)
    );
  }
}

const hexBytes = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex8(n: number): string {
  return hexBytes[n >>> 24] + hexBytes[(n >>> 16) & 0xff] + hexBytes[(n >>> 8) & 0xff] + hexBytes[n & 0xff];
}

function hex4(n: number): string {
  return hexBytes[(n >>> 8) & 0xff] + hexBytes[n & 0xff];
}

/** Picks by weight in O(log n) from a precomputed cumulative table. */
export class WeightedPool<T> {
  readonly items: readonly T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.items = entries.map(([item]) => item);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, weight], i) => {
      sum += weight;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  /** Index of the drawn item (lets callers keep parallel per-item caches). */
  pickIndex(rng: Prng): number {
    const target = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  pick(rng: Prng): T {
    return this.items[this.pickIndex(rng)];
  }
}
