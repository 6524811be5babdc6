import type { IndexPair, MatchingInput } from './types';

/** Edge lookups by (mentee, guide) index pair, for code that reads assignments written as pairs. */
export type PairEdges = { edgeOf: (mentee: number, mentor: number) => number };

/** Indexes every edge by its pair once; `edgeOf` answers -1 for a pair that is not allowed. */
export function indexPairEdges(input: MatchingInput): PairEdges {
  const edges = new Map<number, number>();
  for (let e = 0; e < input.edgeMentee.length; e++)
    edges.set((input.edgeMentee[e] ?? 0) * input.mentorCount + (input.edgeMentor[e] ?? 0), e);
  return { edgeOf: (mentee, mentor) => edges.get(mentee * input.mentorCount + mentor) ?? -1 };
}

/** The total fit of an assignment given as each mentee's edge (-1 when unmatched). */
export function totalFit(input: Pick<MatchingInput, 'edgeScore'>, menteeEdge: Int32Array): number {
  let total = 0;
  for (const e of menteeEdge) if (e >= 0) total += input.edgeScore[e] ?? 0;
  return total;
}

/** Id pairs as index pairs, leaving out any that name someone not in the problem. */
export function knownPairs(
  ids: { menteeIndex: Map<string, number>; mentorIndex: Map<string, number> },
  pairs: readonly [string, string][],
): IndexPair[] {
  return pairs.flatMap(([menteeId, mentorId]) => {
    const i = ids.menteeIndex.get(menteeId);
    const j = ids.mentorIndex.get(mentorId);
    return i === undefined || j === undefined ? [] : [[i, j] as const];
  });
}
