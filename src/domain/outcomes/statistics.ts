/** The median and the middle half (25th–75th percentile) of some durations, in days. */
export type Spread = { median: number; p25: number; p75: number; count: number };

// Linear interpolation between closest ranks (the "R-7" rule spreadsheets use), so the figures match
// what an admin would compute from the CSV.
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const a = sorted[low] ?? 0;
  const b = sorted[high] ?? a;
  return a + (b - a) * (position - low);
}

export function spread(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    median: round(quantile(sorted, 0.5)),
    p25: round(quantile(sorted, 0.25)),
    p75: round(quantile(sorted, 0.75)),
    count: sorted.length,
  };
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** FNV-1a of a seed string: the starting state of the seeded generators below. */
function seedState(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32 seeded from a string (FNV-1a): the same seed gives the same sequence everywhere. */
export function seededRandom(seed: string): () => number {
  let state = seedState(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Bootstrap differences of means (a resampled with replacement minus b resampled), `resamples` times.
 * It draws the very sequence `seededRandom(seed)` would, in the same order (all of a, then all of b, per
 * resample), but with the generator inlined over typed arrays: 2,000 resamples of 25,000 people are 50
 * million draws, and a closure call per draw made that several times slower.
 */
export function bootstrapMeanDifferences(
  a: Float64Array,
  b: Float64Array,
  resamples: number,
  seed: string,
): Float64Array {
  let state = seedState(seed);
  const differences = new Float64Array(resamples);
  const na = a.length;
  const nb = b.length;
  for (let r = 0; r < resamples; r += 1) {
    let sumA = 0;
    for (let i = 0; i < na; i += 1) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      sumA += a[Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * na)] as number;
    }
    let sumB = 0;
    for (let i = 0; i < nb; i += 1) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      sumB += b[Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * nb)] as number;
    }
    differences[r] = sumA / na - sumB / nb;
  }
  return differences;
}
