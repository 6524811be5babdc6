import { seededRandom } from './statistics';

export type LotteryDraw = { seed: string; selected: string[]; waiting: string[] };

// A recorded, reproducible lottery: the candidates are put in a canonical order (sorted ids, so the
// order they were read in cannot change the draw), shuffled by Fisher–Yates with a PRNG seeded from
// the recorded seed, and the first `seats` are matched this round. Anyone can re-run it from the seed.
export function drawLottery(candidateIds: readonly string[], seats: number, seed: string): LotteryDraw {
  const order = [...new Set(candidateIds)].sort();
  const random = seededRandom(seed);
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const a = order[i] as string;
    order[i] = order[j] as string;
    order[j] = a;
  }
  const take = Math.max(0, Math.min(seats, order.length));
  return { seed, selected: order.slice(0, take).sort(), waiting: order.slice(take).sort() };
}

/** A cohort is oversubscribed when more members applied than there are seats. */
export const isOversubscribed = (applicants: number, seats: number): boolean => applicants > seats;
