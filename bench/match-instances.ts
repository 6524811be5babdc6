import { generateMatchingInstance } from '../src/domain/matching/generate';
import type { MatchingInput } from '../src/domain/matching/types';

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

/** Builds an instance from its fixed seed with the open benchmark's generator (corner match generate). */
export function generateInstance(spec: InstanceSpec): MatchingInput {
  const kind = spec.fits === 'correlated' ? 'popular' : spec.perMentee === spec.mentors ? 'dense' : 'random';
  return generateMatchingInstance({
    mentees: spec.mentees,
    guides: spec.mentors,
    degree: spec.perMentee,
    kind,
    seed: spec.seed,
    capacity: spec.capacity,
  }).input;
}
