import { prepareProblem, validateMatchingInput } from './prepare';
import { solveMatching } from './solve';
import type { PlainSolution } from './stable';
import type { MatchingConstraints, MatchingDuals, MatchingInput } from './types';

/** Integer vertex weights whose seats cover every pair of a problem: a bound on how many can match. */
export type CountCover = { mentee: Int32Array; mentor: Int32Array };

/**
 * Why a fair solution is fair, in numbers anyone can check (see checkFair):
 * `coverAll` proves no assignment matches more mentees; `coverAbove` proves that none matching as many
 * uses only pairs fitting better than `threshold`; `dualsAtThreshold` prove the total fit is the highest
 * among assignments using only pairs fitting at least `threshold`.
 */
export type FairCertificate = {
  threshold: number | null;
  coverAll: CountCover;
  coverAbove: CountCover | null;
  dualsAtThreshold: MatchingDuals;
};

export type FairSolution = PlainSolution & { certificate: FairCertificate };

/** The same problem with only the edges `keep` marks; `original[e]` is the input index of edge e. */
export type RestrictedInput = { input: MatchingInput; original: Int32Array; position: Int32Array };

export function restrictEdges(input: MatchingInput, keep: Uint8Array, zeroScores = false): RestrictedInput {
  let count = 0;
  for (let e = 0; e < keep.length; e++) count += keep[e] ?? 0;
  const original = new Int32Array(count);
  const position = new Int32Array(keep.length).fill(-1);
  const edgeMentee = new Int32Array(count);
  const edgeMentor = new Int32Array(count);
  const edgeScore = new Float64Array(count);
  let k = 0;
  for (let e = 0; e < keep.length; e++) {
    if (keep[e] === 0) continue;
    original[k] = e;
    position[e] = k;
    edgeMentee[k] = input.edgeMentee[e] ?? 0;
    edgeMentor[k] = input.edgeMentor[e] ?? 0;
    edgeScore[k] = zeroScores ? 0 : (input.edgeScore[e] ?? 0);
    k++;
  }
  return { input: { ...input, edgeMentee, edgeMentor, edgeScore }, original, position };
}

/**
 * Edges an assignment may use when every unpinned pair must fit at least `threshold` (strictly more when
 * `strict`). Pinned edges always stay, and blocked ones too: solveMatching removes them itself, and keeping
 * them lets the constraints name them.
 */
export function edgesAtThreshold(
  input: MatchingInput,
  pinnedEdge: Int32Array,
  threshold: number,
  strict: boolean,
): Uint8Array {
  const keep = new Uint8Array(input.edgeMentee.length);
  for (let e = 0; e < keep.length; e++) {
    const score = input.edgeScore[e] ?? 0;
    const pinned = pinnedEdge[input.edgeMentee[e] ?? 0] === e;
    keep[e] = pinned || (strict ? score > threshold : score >= threshold) ? 1 : 0;
  }
  return keep;
}

function countCover(duals: MatchingDuals, menteeCount: number): CountCover {
  return {
    mentee: Int32Array.from(duals.menteeValueCount.subarray(0, menteeCount)),
    mentor: duals.mentorPriceCount,
  };
}

/**
 * Fair mode (PRODUCT.md §5): first the most mentees matched, then the worst fit among chosen pairs as
 * high as it can be, then the highest total fit. The bottleneck is found by binary search over the
 * distinct scores: a threshold is feasible when the pairs fitting at least that well still match as many
 * mentees as the whole problem can. Each probe is a cardinality-only solve, about log2(distinct scores)
 * of them; the last solve uses the real scores on the pairs at or above the bottleneck.
 */
export function solveFair(input: MatchingInput, constraints: MatchingConstraints = {}): FairSolution {
  validateMatchingInput(input);
  const { pinnedEdge, active } = prepareProblem(input, constraints);
  const cardinality = (keep: Uint8Array) => {
    const restricted = restrictEdges(input, keep, true);
    const solution = solveMatching(restricted.input, constraints);
    return { matched: solution.matched, cover: countCover(solution.duals, input.menteeCount) };
  };
  const everyEdge = new Uint8Array(input.edgeMentee.length).fill(1);
  const all = cardinality(everyEdge);

  const scores: number[] = [];
  for (let e = 0; e < input.edgeMentee.length; e++) {
    const free = (pinnedEdge[input.edgeMentee[e] ?? 0] ?? -1) < 0 && (active === null || active[e] === 1);
    if (free) scores.push(input.edgeScore[e] ?? 0);
  }
  const distinct = Float64Array.from(new Set(scores)).sort();
  const pinnedCount = pinnedEdge.reduce((sum, e) => sum + (e >= 0 ? 1 : 0), 0);

  let threshold: number | null = null;
  let coverAbove: CountCover | null = null;
  let keep: Uint8Array = everyEdge;
  if (all.matched > pinnedCount && distinct.length > 0) {
    // Invariant: distinct[low] is feasible; distinct[high] is not (high = length means "above every score").
    let low = 0;
    let high = distinct.length;
    let failing: CountCover | null = null;
    while (high - low > 1) {
      const middle = (low + high) >> 1;
      const probe = cardinality(edgesAtThreshold(input, pinnedEdge, distinct[middle] ?? 0, false));
      if (probe.matched === all.matched) low = middle;
      else {
        high = middle;
        failing = probe.cover;
      }
    }
    threshold = distinct[low] ?? 0;
    keep = edgesAtThreshold(input, pinnedEdge, threshold, false);
    // "Strictly above distinct[low]" is exactly "at least distinct[high]"; reuse that probe when it ran.
    coverAbove = failing ?? cardinality(edgesAtThreshold(input, pinnedEdge, threshold, true)).cover;
  }

  const restricted = restrictEdges(input, keep);
  const chosen = solveMatching(restricted.input, constraints);
  const menteeEdge = Int32Array.from(chosen.menteeEdge, (e) => (e < 0 ? -1 : (restricted.original[e] ?? 0)));
  return {
    menteeMentor: chosen.menteeMentor,
    menteeEdge,
    menteePinned: chosen.menteePinned,
    matched: chosen.matched,
    objective: chosen.objective,
    certificate: { threshold, coverAll: all.cover, coverAbove, dualsAtThreshold: chosen.duals },
  };
}
