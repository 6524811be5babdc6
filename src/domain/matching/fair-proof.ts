import { checkCertificate } from './certificate';
import { type CountCover, edgesAtThreshold, type FairCertificate, restrictEdges } from './fair';
import { totalFit } from './pair-edges';
import { prepareProblem } from './prepare';
import type { MatchingConstraints, MatchingInput } from './types';

export type FairProof = {
  ok: boolean;
  violations: string[];
  matched: number;
  /** The most mentees any assignment can match, as the first cover proves (null when it does not). */
  maxMatched: number | null;
  threshold: number | null;
  worstFit: number | null;
};

/**
 * Checks a vertex cover: non-negative integer weights with mentee + guide ≥ 1 on every pair that
 * `counts`. Its weight (mentee weights plus each guide's weight times its free seats) bounds how many
 * mentees those pairs can match (weak duality), which is all the proof needs.
 */
function coverWeight(
  input: MatchingInput,
  cover: CountCover,
  seats: Int32Array,
  counts: (e: number) => boolean,
  name: string,
  fail: (message: string) => void,
): number | null {
  if (cover.mentee.length !== input.menteeCount || cover.mentor.length !== input.mentorCount) {
    fail(`${name}: it has ${cover.mentee.length} mentee and ${cover.mentor.length} guide weights`);
    return null;
  }
  const whole = (value: number) => Number.isInteger(value) && value >= 0;
  let weight = 0;
  for (let i = 0; i < input.menteeCount; i++) {
    const value = cover.mentee[i] ?? 0;
    if (!whole(value)) {
      fail(`${name}: mentee ${i} has weight ${value}`);
      return null;
    }
    weight += value;
  }
  for (let j = 0; j < input.mentorCount; j++) {
    const value = cover.mentor[j] ?? 0;
    if (!whole(value)) {
      fail(`${name}: guide ${j} has weight ${value}`);
      return null;
    }
    weight += value * (seats[j] ?? 0);
  }
  for (let e = 0; e < input.edgeMentee.length; e++) {
    if (!counts(e)) continue;
    const i = input.edgeMentee[e] ?? 0;
    const j = input.edgeMentor[e] ?? 0;
    if ((cover.mentee[i] ?? 0) + (cover.mentor[j] ?? 0) < 1) {
      fail(`${name}: the pair (mentee ${i}, guide ${j}) is not covered`);
      return null;
    }
  }
  return weight;
}

/**
 * Proves a fair-mode assignment without re-solving: (1) a cover of every allowed pair weighs as much as
 * the assignment's size, so no assignment matches more; (2) every chosen pair fits at least the
 * threshold, and a cover of the pairs fitting strictly better weighs less, so no assignment of that size
 * has a better worst fit; (3) LP prices on the pairs at or above the threshold prove the total fit.
 * Pinned pairs are fixed by the admin and sit outside the bottleneck, as in solveFair.
 */
export function checkFair(
  input: MatchingInput,
  menteeEdge: Int32Array,
  certificate: FairCertificate,
  constraints: MatchingConstraints = {},
): FairProof {
  const violations: string[] = [];
  const fail = (message: string): void => {
    if (violations.length < 20) violations.push(message);
  };
  const { pinnedEdge, active, capacity } = prepareProblem(input, constraints);
  const isFree = (e: number) =>
    (pinnedEdge[input.edgeMentee[e] ?? 0] ?? -1) < 0 && (active === null || active[e] === 1);

  let matched = 0;
  let freeMatched = 0;
  let worstFit: number | null = null;
  for (let i = 0; i < input.menteeCount; i++) {
    const e = menteeEdge[i] ?? -1;
    if (e < 0) continue;
    if (e >= input.edgeMentee.length || input.edgeMentee[e] !== i) {
      fail(`mentee ${i} is matched through a pair that is not theirs`);
      continue;
    }
    matched++;
    if ((pinnedEdge[i] ?? -1) >= 0) continue;
    freeMatched++;
    const score = input.edgeScore[e] ?? 0;
    worstFit = worstFit === null ? score : Math.min(worstFit, score);
  }
  const { threshold } = certificate;

  const allWeight = coverWeight(
    input,
    certificate.coverAll,
    capacity,
    isFree,
    'the cover of all pairs',
    fail,
  );
  if (allWeight !== null && allWeight !== freeMatched)
    fail(`the cover of all pairs weighs ${allWeight}, not the ${freeMatched} mentees matched by choice`);
  const maxMatched = allWeight === null ? null : allWeight + (matched - freeMatched);

  if (threshold === null) {
    if (freeMatched > 0) fail('there is no threshold, but some mentees were matched by choice');
  } else {
    if (worstFit !== null && worstFit < threshold)
      fail(`a chosen pair fits ${worstFit}, below the threshold ${threshold}`);
    if (certificate.coverAbove === null) fail('the cover of the pairs above the threshold is missing');
    else {
      const above = coverWeight(
        input,
        certificate.coverAbove,
        capacity,
        (e) => isFree(e) && (input.edgeScore[e] ?? 0) > threshold,
        'the cover above the threshold',
        fail,
      );
      if (above !== null && above >= freeMatched)
        fail(`the cover above the threshold weighs ${above}, so it does not rule out a better worst fit`);
    }
  }

  const keep =
    threshold === null
      ? new Uint8Array(input.edgeMentee.length).fill(1)
      : edgesAtThreshold(input, pinnedEdge, threshold, false);
  const restricted = restrictEdges(input, keep);
  const restrictedEdge = Int32Array.from(menteeEdge, (e) => (e < 0 ? -1 : (restricted.position[e] ?? -1)));
  const objective = totalFit(input, menteeEdge);
  const report = checkCertificate(
    restricted.input,
    {
      menteeMentor: Int32Array.from(restrictedEdge, (e) =>
        e < 0 ? -1 : (restricted.input.edgeMentor[e] ?? 0),
      ),
      menteeEdge: restrictedEdge,
      menteePinned: Uint8Array.from(pinnedEdge, (e) => (e >= 0 ? 1 : 0)),
      matched,
      objective,
      duals: certificate.dualsAtThreshold,
    },
    constraints,
  );
  for (const violation of report.violations) fail(`total fit above the threshold: ${violation}`);

  return { ok: violations.length === 0, violations, matched, maxMatched, threshold, worstFit };
}
