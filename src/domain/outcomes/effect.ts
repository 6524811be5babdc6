import {
  EFFECT_BOOTSTRAP_RESAMPLES,
  EFFECT_INTERVAL_LEVEL,
  OUTCOMES_MIN_GROUP_SIZE,
} from '../settings/outcomes';
import { bootstrapMeanDifferences, mean, quantile } from './statistics';

/** How an outcome is measured: a yes/no (shown in percentage points) or a score (shown in its units). */
export type OutcomeScale = 'binary' | 'score';

export type Effect = {
  difference: number;
  low: number;
  high: number;
  matched: number;
  waiting: number;
  randomised: boolean;
  sentence: string;
};

export const NOT_RANDOMISED = 'not randomised: may reflect who applied';

// Difference of means (matched minus waiting) and a percentile bootstrap interval: each resample draws
// both groups with replacement, from a PRNG seeded by `seed`, so the same data and seed give the same
// interval on every machine.
export function estimateEffect(input: {
  matched: readonly number[];
  waiting: readonly number[];
  scale: OutcomeScale;
  randomised: boolean;
  seed: string;
  resamples?: number;
}): Effect | null {
  const { matched, waiting } = input;
  if (matched.length < OUTCOMES_MIN_GROUP_SIZE || waiting.length < OUTCOMES_MIN_GROUP_SIZE) return null;
  const factor = input.scale === 'binary' ? 100 : 1;
  const difference = (mean(matched) - mean(waiting)) * factor;
  const resamples = input.resamples ?? EFFECT_BOOTSTRAP_RESAMPLES;
  const differences = bootstrapMeanDifferences(
    Float64Array.from(matched),
    Float64Array.from(waiting),
    resamples,
    input.seed,
  ).map((d) => d * factor);
  const sorted = Array.from(differences.sort());
  const tail = (1 - EFFECT_INTERVAL_LEVEL) / 2;
  const low = quantile(sorted, tail);
  const high = quantile(sorted, 1 - tail);
  const rounded = {
    difference: roundTo(difference, input.scale),
    low: roundTo(low, input.scale),
    high: roundTo(high, input.scale),
  };
  return {
    ...rounded,
    matched: matched.length,
    waiting: waiting.length,
    randomised: input.randomised,
    sentence: effectSentence({ ...rounded, scale: input.scale, randomised: input.randomised }),
  };
}

const roundTo = (n: number, scale: OutcomeScale) =>
  scale === 'binary' ? Math.round(n) : Math.round(n * 10) / 10;

const signed = (n: number) => (n > 0 ? `+${n}` : n === 0 ? '0' : `${n}`);

/** "+13 points, likely between +4 and +22" — and, without a lottery, why to read it with care. */
export function effectSentence(e: {
  difference: number;
  low: number;
  high: number;
  scale: OutcomeScale;
  randomised: boolean;
}): string {
  const unit = e.scale === 'binary' ? (Math.abs(e.difference) === 1 ? ' point' : ' points') : '';
  const base = `${signed(e.difference)}${unit}, likely between ${signed(e.low)} and ${signed(e.high)}`;
  return e.randomised ? base : `${base} (${NOT_RANDOMISED})`;
}
