import type { MatchingInput } from '../src/domain/matching/types';
import { mulberry32 } from './prng';

export type InstanceSpec = {
  key: string;
  title: string;
  mentees: number;
  mentors: number;
  /** Allowed guides per mentee; equal to `mentors` for a dense instance. */
  perMentee: number;
  capacity: number;
  fits: 'random' | 'correlated';
  seed: number;
};

export const INSTANCES: InstanceSpec[] = [
  {
    key: 'a',
    title: 'sparse 10,000 × 2,000, 50 guides each, random fits',
    mentees: 10_000,
    mentors: 2_000,
    perMentee: 50,
    capacity: 5,
    fits: 'random',
    seed: 1,
  },
  {
    key: 'b',
    title: 'sparse 10,000 × 2,000, correlated fits, popular guides',
    mentees: 10_000,
    mentors: 2_000,
    perMentee: 50,
    capacity: 5,
    fits: 'correlated',
    seed: 2,
  },
  {
    key: 'c',
    title: 'sparse 3,000 × 1,000, 50 guides each, random fits',
    mentees: 3_000,
    mentors: 1_000,
    perMentee: 50,
    capacity: 5,
    fits: 'random',
    seed: 3,
  },
  {
    key: 'd',
    title: 'dense 3,000 × 1,000 (3 M pairs), random fits',
    mentees: 3_000,
    mentors: 1_000,
    perMentee: 1_000,
    capacity: 5,
    fits: 'random',
    seed: 4,
  },
  {
    key: 'e',
    title: 'dense 10,000 × 2,000 (20 M pairs), random fits',
    mentees: 10_000,
    mentors: 2_000,
    perMentee: 2_000,
    capacity: 5,
    fits: 'random',
    seed: 5,
  },
];

/** Guides every mentee is offered in the correlated instance: few, much better, hence over-subscribed. */
const POPULAR_GUIDES = 20;
const POPULAR_PER_MENTEE = 10;

/** Builds an instance from its fixed seed. Edges come grouped by mentee, as a database query would give. */
export function generateInstance(spec: InstanceSpec): MatchingInput {
  const random = mulberry32(spec.seed);
  const { mentees, mentors, perMentee } = spec;
  const edgeCount = mentees * perMentee;
  const edgeMentee = new Int32Array(edgeCount);
  const edgeMentor = new Int32Array(edgeCount);
  const edgeScore = new Float64Array(edgeCount);
  const capacity = new Int32Array(mentors).fill(spec.capacity);
  const quality = new Float64Array(mentors);
  for (let j = 0; j < mentors; j++) quality[j] = j < POPULAR_GUIDES ? 0.9 + 0.1 * random() : random();
  const stamp = new Int32Array(mentors).fill(-1);
  let e = 0;
  for (let i = 0; i < mentees; i++) {
    const affinity = random();
    let count = 0;
    const take = (j: number): void => {
      stamp[j] = i;
      edgeMentee[e] = i;
      edgeMentor[e] = j;
      edgeScore[e] =
        spec.fits === 'random' ? random() : 0.6 * (quality[j] ?? 0) + 0.2 * affinity + 0.2 * random();
      e++;
      count++;
    };
    if (perMentee === mentors) {
      for (let j = 0; j < mentors; j++) take(j);
      continue;
    }
    if (spec.fits === 'correlated') {
      while (count < POPULAR_PER_MENTEE) {
        const j = Math.floor(random() * POPULAR_GUIDES);
        if (stamp[j] !== i) take(j);
      }
    }
    while (count < perMentee) {
      const j = Math.floor(random() * mentors);
      if (stamp[j] !== i) take(j);
    }
  }
  return { menteeCount: mentees, mentorCount: mentors, capacity, edgeMentee, edgeMentor, edgeScore };
}
