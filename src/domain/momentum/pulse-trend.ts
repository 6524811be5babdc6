import {
  PULSE_TREND_MIN_CHANGE,
  PULSE_TREND_MIN_SCORES,
  PULSE_TREND_SAMPLE_SIZE,
} from '../settings/momentum';

export type PulseTrend = 'rising' | 'steady' | 'falling' | 'unknown';

export type PulseReading = { at: number; score: number };

export type PulseTrendResult = {
  trend: PulseTrend;
  /** Average of the older and the newer half of the sample; null when the trend is unknown. */
  olderAverage: number | null;
  newerAverage: number | null;
};

const average = (values: number[]): number =>
  values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);

/**
 * Compares the newer half of the latest scores with the older half. Halves rather than a fitted slope:
 * with a handful of ratings a slope swings on one bad session, and "lower than a few sessions ago" is
 * something both people can check for themselves.
 */
export const computePulseTrend = (readings: PulseReading[], now: number): PulseTrendResult => {
  const sample = readings
    .filter((reading) => reading.at <= now)
    .sort((a, b) => a.at - b.at)
    .slice(-PULSE_TREND_SAMPLE_SIZE)
    .map((reading) => reading.score);
  if (sample.length < PULSE_TREND_MIN_SCORES) {
    return { trend: 'unknown', olderAverage: null, newerAverage: null };
  }
  const half = Math.floor(sample.length / 2);
  const olderAverage = average(sample.slice(0, half));
  const newerAverage = average(sample.slice(-half));
  const change = newerAverage - olderAverage;
  const trend: PulseTrend =
    change <= -PULSE_TREND_MIN_CHANGE ? 'falling' : change >= PULSE_TREND_MIN_CHANGE ? 'rising' : 'steady';
  return { trend, olderAverage, newerAverage };
};
