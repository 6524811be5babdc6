import { DEFAULT_TUNING } from './assignment';
import { CardinalityMatcher, type ProbeResult } from './cardinality';
import { preferenceRows } from './preference-rows';
import { prepareProblem, validateMatchingInput } from './prepare';
import { solveMatching } from './solve';
import type { PlainSolution } from './stable';
import type { MatchingConstraints, MatchingDuals, MatchingInput, MatchingSolution } from './types';

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

/** The distinct scores in [from, to] of the given edges, ascending. */
function distinctScoresBetween(
  input: MatchingInput,
  edges: Int32Array,
  from: number,
  to: number,
): Float64Array {
  let count = 0;
  const within = new Float64Array(edges.length);
  for (const e of edges) {
    const score = input.edgeScore[e] ?? 0;
    if (score >= from && score <= to) within[count++] = score;
  }
  const sorted = within.subarray(0, count).sort();
  let unique = 0;
  for (let k = 0; k < sorted.length; k++)
    if (k === 0 || sorted[k] !== sorted[unique - 1]) sorted[unique++] = sorted[k] ?? 0;
  return sorted.slice(0, unique);
}

/**
 * When the last solve starts from the optimum: while the threshold drops at most `warmStartPairs` plus
 * `warmStartShare` of the matched mentees' optimal pairs. Speed only; the result is the same exact
 * optimum either way (tests drive both paths).
 */
export type FairTuning = { warmStartPairs: number; warmStartShare: number };

// Random 10k×2k and 40k×10k drop 1 pair (warm: ~20 ms instead of a full solve); popular 10k×2k drops
// ~900, whose searches took 2–5× longer than the cold solve.
export const DEFAULT_FAIR_TUNING: FairTuning = { warmStartPairs: 16, warmStartShare: 0.002 };

/**
 * Fair mode (PRODUCT.md §5): first the most mentees matched, then the worst fit among chosen pairs as
 * high as it can be, then the highest total fit. The bottleneck is found by binary search over the
 * distinct scores: a threshold is feasible when the pairs fitting at least that well still match as many
 * mentees as the whole problem can. Probes are cardinality-only (Hopcroft–Karp), each warm-started from
 * the matchings either side of it, and the search starts between two bounds: the worst fit of a maximum
 * matching (feasible) and the k-th best of the mentees' best fits (no higher threshold can match k).
 * The last solve is the exact optimiser on the pairs at or above the bottleneck (see FairTuning).
 */
export function solveFair(
  input: MatchingInput,
  constraints: MatchingConstraints = {},
  /** The optimal-mode solution of the same problem, when the caller has it (compareModes does). */
  optimal?: MatchingSolution,
  tuning: FairTuning = DEFAULT_FAIR_TUNING,
): FairSolution {
  validateMatchingInput(input);
  const { pinnedEdge, active, capacity } = prepareProblem(input, constraints);
  // The optimum matches the most mentees, and its prices' match counts are a cover proving that most.
  const best = optimal ?? solveMatching(input, constraints);
  const coverAll: CountCover = {
    mentee: Int32Array.from(best.duals.menteeValueCount),
    mentor: Int32Array.from(best.duals.mentorPriceCount),
  };
  let matched = 0;
  // Lower bound: the optimum's worst fit is feasible, so no pair below it can matter.
  let worst = Number.POSITIVE_INFINITY;
  for (let i = 0; i < input.menteeCount; i++) {
    const e = best.menteeEdge[i] ?? -1;
    if (e < 0 || best.menteePinned[i] === 1) continue;
    matched++;
    worst = Math.min(worst, input.edgeScore[e] ?? 0);
  }

  let threshold: number | null = null;
  let coverAbove: CountCover | null = null;
  let keep: Uint8Array = new Uint8Array(input.edgeMentee.length).fill(1);
  if (matched > 0) {
    // Only pairs at or above the lower bound are sorted and searched: on a dense cohort that is a few %.
    const usable = new Uint8Array(input.edgeMentee.length);
    for (let e = 0; e < usable.length; e++)
      usable[e] = (active === null || active[e] === 1) && (input.edgeScore[e] ?? 0) >= worst ? 1 : 0;
    const rows = preferenceRows(input, usable);
    const matcher = new CardinalityMatcher(input, rows.start, rows.edge, capacity);
    // The optimum (pins left out) is the search's first feasible matching.
    const all = {
      matched,
      menteeEdge: Int32Array.from(best.menteeEdge, (e, i) => (best.menteePinned[i] === 1 ? -1 : e)),
    };
    // Upper bound: k mentees need a pair at the threshold, so it is at most the k-th best "best fit".
    const bestFits: number[] = [];
    for (let i = 0; i < input.menteeCount; i++) {
      const first = rows.start[i] ?? 0;
      if (first < (rows.start[i + 1] ?? 0)) bestFits.push(input.edgeScore[rows.edge[first] ?? 0] ?? 0);
    }
    bestFits.sort((a, b) => b - a);
    const ceiling = bestFits[all.matched - 1] ?? Number.POSITIVE_INFINITY;

    // Only scores between the bounds can be the bottleneck; sorting just those keeps a big cohort quick.
    const distinct = distinctScoresBetween(input, rows.edge, worst, ceiling);
    // Invariant: distinct[low] is feasible; distinct[high] is not (high = length: above every score).
    let low = 0;
    let high = distinct.length;
    let feasible: Int32Array = all.menteeEdge;
    let failing: ProbeResult | null = null;
    // Gallop up from the feasible bound, then bisect: probes near a known matching are cheap to repair,
    // while a probe far above it must rebuild most of the matching (popular cohorts made that 20× slower).
    // What a probe costs is how many of the known matching's pairs it drops, so the gallop doubles
    // that count (1, 2, 4, ... pairs dropped) rather than a step through the scores: on a popular
    // cohort a step of 2^16 scores dropped thousands of pairs at once, and the failing probe that
    // followed cost more than the optimum itself.
    let step = 1;
    let galloping = true;
    while (high - low > 1) {
      const middle = galloping
        ? Math.max(low + 1, Math.min(high - 1, dropping(input, distinct, feasible, step)))
        : (low + high) >> 1;
      const warm = failing === null ? [feasible] : [failing.menteeEdge, feasible];
      const probe = matcher.probe(distinct[middle] ?? 0, warm, all.matched);
      if (probe.matched === all.matched) {
        low = middle;
        feasible = probe.menteeEdge;
        step *= 2;
      } else {
        high = middle;
        failing = probe;
        galloping = false;
      }
    }
    threshold = distinct[low] ?? 0;
    keep = edgesAtThreshold(input, pinnedEdge, threshold, false);
    // The proof that no better worst fit exists: a complete solve strictly above it, with its cover.
    coverAbove = matcher.solve(threshold, true, failing === null ? [feasible] : [failing.menteeEdge]).cover;
  }

  // How many of the optimum's pairs the threshold drops. None: the optimum is already fair (it matches
  // the most, its worst fit is the bottleneck, and no assignment has a higher total), and its prices
  // stay a proof on the fewer pairs. A few: start the last solve from the optimum's prices and the
  // pairs it keeps, so only the dropped mentees need a search. Many (popular cohorts drop ~10%): those
  // searches cost more than solving from scratch, which bidding does faster.
  let dropped = 0;
  for (let i = 0; i < input.menteeCount; i++)
    if ((best.menteeEdge[i] ?? -1) >= 0 && best.menteePinned[i] !== 1 && keep[best.menteeEdge[i] ?? 0] === 0)
      dropped++;
  const certificate = (duals: MatchingDuals): FairCertificate => ({
    threshold,
    coverAll,
    coverAbove,
    dualsAtThreshold: duals,
  });
  if (dropped === 0)
    return {
      menteeMentor: best.menteeMentor.slice(),
      menteeEdge: best.menteeEdge.slice(),
      menteePinned: best.menteePinned.slice(),
      matched: best.matched,
      objective: best.objective,
      certificate: certificate(best.duals),
    };

  const restricted = restrictEdges(input, keep);
  const warm =
    dropped <= tuning.warmStartPairs + tuning.warmStartShare * matched
      ? {
          mentorPriceCount: best.duals.mentorPriceCount,
          mentorPriceScore: best.duals.mentorPriceScore,
          menteeEdge: Int32Array.from(best.menteeEdge, (e) => (e < 0 ? -1 : (restricted.position[e] ?? -1))),
        }
      : undefined;
  const chosen = solveMatching(restricted.input, constraints, DEFAULT_TUNING, warm);
  const menteeEdge = Int32Array.from(chosen.menteeEdge, (e) => (e < 0 ? -1 : (restricted.original[e] ?? 0)));
  return {
    menteeMentor: chosen.menteeMentor,
    menteeEdge,
    menteePinned: chosen.menteePinned,
    matched: chosen.matched,
    objective: chosen.objective,
    certificate: certificate(chosen.duals),
  };
}

/**
 * The index of the lowest of the `distinct` scores (ascending) at which `count` of the pairs `menteeEdge`
 * chose no longer fit: just above the count-th lowest chosen fit (distinct.length when none is above).
 */
function dropping(
  input: MatchingInput,
  distinct: Float64Array,
  menteeEdge: Int32Array,
  count: number,
): number {
  const fits: number[] = [];
  for (const e of menteeEdge) if (e >= 0) fits.push(input.edgeScore[e] ?? 0);
  if (fits.length === 0) return distinct.length;
  fits.sort((a, b) => a - b);
  const last = fits[Math.min(count, fits.length) - 1] ?? 0;
  let low = 0;
  let high = distinct.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((distinct[middle] ?? 0) > last) high = middle;
    else low = middle + 1;
  }
  return low;
}
