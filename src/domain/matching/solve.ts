import { type Adjacency, buildAdjacency } from './adjacency';
import { type AssignmentTuning, DEFAULT_TUNING, solveAssignment, type WarmStart } from './assignment';
import { prepareProblem, validateMatchingInput } from './prepare';
import type { MatchingConstraints, MatchingInput, MatchingSolution } from './types';

/**
 * Where to start instead of from scratch: the mentor prices of an optimum of a problem with the same
 * people and more pairs (say, before low fits were dropped), and that optimum's pairs as edge indices of
 * this input (-1 for a mentee whose pair is gone or who was unmatched). Its seated mentees still sit at
 * their best pair, so only the others need a search. Only the speed changes, not the optimum.
 */
export type MatchingWarmStart = {
  mentorPriceCount: Int32Array;
  mentorPriceScore: Float64Array;
  menteeEdge: Int32Array;
};

/**
 * The exact optimum of PRODUCT.md §5: as many matched mentees as possible, then the highest total score;
 * each mentee at most once, each mentor within capacity, pinned pairs always in, blocked pairs never.
 * Pure and synchronous (the server runs it in a worker thread); the same input gives the same output.
 * Throws MatchingInputError on malformed input or contradictory pins and blocks.
 * `tuning` only changes speed (tests use it to drive every phase); the optimum is the same.
 */
export function solveMatching(
  input: MatchingInput,
  constraints: MatchingConstraints = {},
  tuning: AssignmentTuning = DEFAULT_TUNING,
  warm?: MatchingWarmStart,
): MatchingSolution {
  validateMatchingInput(input);
  const prepared = prepareProblem(input, constraints);
  const adjacency = buildAdjacency(input, prepared.active);
  const core = solveAssignment(
    adjacency,
    prepared.capacity,
    input.menteeCount,
    input.mentorCount,
    tuning,
    warm === undefined ? undefined : warmSeats(input, adjacency, warm),
  );

  const n = input.menteeCount;
  const menteeMentor = new Int32Array(n).fill(-1);
  const menteeEdge = new Int32Array(n).fill(-1);
  const menteePinned = new Uint8Array(n);
  const menteeValueCount = new Int32Array(n);
  const menteeValueScore = new Float64Array(n);
  const { priceCount, priceScore } = core;
  let matched = 0;
  let objective = 0;
  for (let i = 0; i < n; i++) {
    const pinned = prepared.pinnedEdge[i] ?? 0;
    const pos = core.rowPos[i] ?? 0;
    let e = -1;
    if (pinned >= 0) {
      e = pinned;
      menteePinned[i] = 1;
    } else if (pos >= 0) {
      e = adjacency.edge === null ? pos : (adjacency.edge[pos] ?? 0);
      const j = input.edgeMentor[e] ?? 0;
      // A seated mentee's value is its pair's value minus the mentor's price (tight by construction).
      menteeValueCount[i] = 1 - (priceCount[j] ?? 0);
      menteeValueScore[i] = (input.edgeScore[e] ?? 0) - (priceScore[j] ?? 0);
    }
    if (e < 0) continue;
    menteeEdge[i] = e;
    menteeMentor[i] = input.edgeMentor[e] ?? 0;
    matched++;
    objective += input.edgeScore[e] ?? 0;
  }
  return {
    menteeMentor,
    menteeEdge,
    menteePinned,
    matched,
    objective,
    duals: { menteeValueCount, menteeValueScore, mentorPriceCount: priceCount, mentorPriceScore: priceScore },
  };
}

/** The warm start in adjacency positions; pairs the adjacency left out (pinned, blocked) are dropped. */
function warmSeats(input: MatchingInput, adjacency: Adjacency, warm: MatchingWarmStart): WarmStart {
  const rowPos = new Int32Array(input.menteeCount).fill(-1);
  const edgeCount = input.edgeMentee.length;
  let position: Int32Array | null = null;
  if (adjacency.edge !== null) {
    position = new Int32Array(edgeCount).fill(-1);
    for (let p = 0; p < adjacency.edge.length; p++) position[adjacency.edge[p] ?? 0] = p;
  }
  for (let i = 0; i < input.menteeCount; i++) {
    const e = warm.menteeEdge[i] ?? -1;
    if (e < 0 || e >= edgeCount || input.edgeMentee[e] !== i) continue;
    rowPos[i] = position === null ? e : (position[e] ?? -1);
  }
  return { priceCount: warm.mentorPriceCount, priceScore: warm.mentorPriceScore, rowPos };
}
