import { mulberry32 } from '../prng';
import type { MatchingInput } from './types';

/**
 * The open benchmark's instance families (docs/matching-benchmark.md), reproducible from their seed:
 * - random: each mentee may take `degree` guides drawn uniformly, fits uniform in [0, 1);
 * - popular: a few guides are much better, every mentee is offered some of them, so they are
 *   over-subscribed and fits correlate (the hard case for auctions and the usual case in programs);
 * - dense: every mentee may take every guide.
 */
export const INSTANCE_KINDS = ['random', 'popular', 'dense'] as const;
export type InstanceKind = (typeof INSTANCE_KINDS)[number];

export type InstanceRecipe = {
  mentees: number;
  guides: number;
  /** Allowed guides per mentee (ignored by dense, where it is every guide). */
  degree: number;
  kind: InstanceKind;
  seed: number;
  /** Seats per guide, or [min, max] for seats drawn uniformly per guide (from their own stream). */
  capacity: number | readonly [min: number, max: number];
  /** Also draw each guide's own score for each mentee (uniform in [0, 1)), for stable mode. */
  guideScores?: boolean;
};

export type GeneratedInstance = { input: MatchingInput; guideScore: Float64Array | null };

/** How many guides are "popular" in the popular kind, and how many of them each mentee is offered. */
export const POPULAR_GUIDES = 20;
export const POPULAR_PER_MENTEE = 10;

export function generateMatchingInstance(recipe: InstanceRecipe): GeneratedInstance {
  const random = mulberry32(recipe.seed);
  const { mentees, guides, kind } = recipe;
  const degree = kind === 'dense' ? guides : Math.min(recipe.degree, guides);
  const popular = Math.min(POPULAR_GUIDES, guides);
  const popularPerMentee = Math.min(POPULAR_PER_MENTEE, popular, degree);
  const edgeCount = mentees * degree;
  const edgeMentee = new Int32Array(edgeCount);
  const edgeMentor = new Int32Array(edgeCount);
  const edgeScore = new Float64Array(edgeCount);
  const guideScore = recipe.guideScores ? new Float64Array(edgeCount) : null;
  const capacity = new Int32Array(guides);
  if (typeof recipe.capacity === 'number') capacity.fill(recipe.capacity);
  else {
    const [least, most] = recipe.capacity;
    const seats = mulberry32(recipe.seed ^ 0x2545f491);
    for (let j = 0; j < guides; j++) capacity[j] = least + Math.floor(seats() * (most - least + 1));
  }
  // Every kind draws qualities and affinities, so one seed gives the same stream whatever the kind.
  const quality = new Float64Array(guides);
  for (let j = 0; j < guides; j++) quality[j] = j < popular ? 0.9 + 0.1 * random() : random();
  const stamp = new Int32Array(guides).fill(-1);
  let e = 0;
  for (let i = 0; i < mentees; i++) {
    const affinity = random();
    let count = 0;
    const take = (j: number): void => {
      stamp[j] = i;
      edgeMentee[e] = i;
      edgeMentor[e] = j;
      edgeScore[e] =
        kind === 'popular' ? 0.6 * (quality[j] ?? 0) + 0.2 * affinity + 0.2 * random() : random();
      e++;
      count++;
    };
    if (degree === guides) {
      for (let j = 0; j < guides; j++) take(j);
      continue;
    }
    if (kind === 'popular') {
      while (count < popularPerMentee) {
        const j = Math.floor(random() * popular);
        if (stamp[j] !== i) take(j);
      }
    }
    while (count < degree) {
      const j = Math.floor(random() * guides);
      if (stamp[j] !== i) take(j);
    }
  }
  // Guide scores come from their own stream, so adding them leaves the fits unchanged.
  if (guideScore !== null) {
    const guideRandom = mulberry32(recipe.seed ^ 0x5bd1e995);
    for (let k = 0; k < edgeCount; k++) guideScore[k] = guideRandom();
  }
  return {
    input: { menteeCount: mentees, mentorCount: guides, capacity, edgeMentee, edgeMentor, edgeScore },
    guideScore,
  };
}
