// Seeded randomness (mulberry32): a fixed seed gives the same sequence on every platform, since
// Math.imul and >>> are exact 32-bit integer operations. Used wherever "random" must be
// repeatable: survey samples, demo data, benchmark sampling.
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
