import { SHORTLIST_DEFAULT_SIZE, SHORTLIST_MAX_SIZE, SHORTLIST_MIN_SIZE } from '../settings/matching';
import { prepareProblem } from './prepare';
import { minimalPrices } from './prices';
import type { LexValue, MatchingConstraints, MatchingDuals, MatchingInput, MatchingSolution } from './types';

/**
 * Explanations and shortlists read the lowest optimal prices (prices.ts). A mentor's price is what the
 * best other use of one of its seats is worth (zero when it has seats to spare); a pair's net value is its value (1 match,
 * score) minus the mentor's price. At the optimum every mentee holds an option of highest net value,
 * so comparing net values says why a pair won and how close the runner-up came — an argument the
 * prices prove, unlike comparing raw scores, which ignores that others wanted the same guide.
 * The count part of a value is about matches: a price of (1, …) means taking that seat would cost
 * another mentee their match.
 */
export type MatchOption = {
  /** The mentor, or null for staying unmatched. */
  mentor: number | null;
  edge: number;
  score: number;
  price: LexValue;
  net: LexValue;
};

export type PairExplanation = {
  mentee: number;
  pinned: boolean;
  chosen: MatchOption;
  /** The best other option (another allowed mentor, or staying unmatched), or null if there is none. */
  runnerUp: MatchOption | null;
  /**
   * How far the chosen option's net value is ahead of the runner-up's (never negative unless pinned).
   * The result stays optimal while the runner-up's score rises by less than this.
   */
  margin: LexValue | null;
};

const UNMATCHED_OPTION: MatchOption = {
  mentor: null,
  edge: -1,
  score: 0,
  price: { count: 0, score: 0 },
  net: { count: 0, score: 0 },
};

function compare(a: LexValue, b: LexValue): number {
  return a.count !== b.count ? a.count - b.count : a.score - b.score;
}

function option(input: MatchingInput, duals: MatchingDuals, edge: number): MatchOption {
  const mentor = input.edgeMentor[edge] ?? 0;
  const score = input.edgeScore[edge] ?? 0;
  const price = { count: duals.mentorPriceCount[mentor] ?? 0, score: duals.mentorPriceScore[mentor] ?? 0 };
  return { mentor, edge, score, price, net: { count: 1 - price.count, score: score - price.score } };
}

/** Allowed edges of every mentee (blocked pairs left out), in input order. */
function edgesByMentee(input: MatchingInput, constraints: MatchingConstraints): number[][] {
  const { active } = prepareProblem(input, { blocked: constraints.blocked });
  const lists: number[][] = Array.from({ length: input.menteeCount }, () => []);
  for (let e = 0; e < input.edgeMentee.length; e++) {
    if (active !== null && active[e] === 0) continue;
    lists[input.edgeMentee[e] ?? 0]?.push(e);
  }
  return lists;
}

function explainWith(
  input: MatchingInput,
  solution: MatchingSolution,
  duals: MatchingDuals,
  mentee: number,
  edges: number[],
): PairExplanation {
  const chosenEdge = solution.menteeEdge[mentee] ?? -1;
  const chosen = chosenEdge >= 0 ? option(input, duals, chosenEdge) : UNMATCHED_OPTION;
  let runnerUp: MatchOption | null = chosenEdge >= 0 ? UNMATCHED_OPTION : null;
  for (const edge of edges) {
    if (edge === chosenEdge) continue;
    const candidate = option(input, duals, edge);
    if (candidate.mentor === chosen.mentor) continue;
    if (runnerUp === null || compare(candidate.net, runnerUp.net) > 0) runnerUp = candidate;
  }
  return {
    mentee,
    pinned: solution.menteePinned[mentee] === 1,
    chosen,
    runnerUp,
    margin:
      runnerUp === null
        ? null
        : { count: chosen.net.count - runnerUp.net.count, score: chosen.net.score - runnerUp.net.score },
  };
}

/** Why each mentee got what it got (its pair, or nothing), and how close the runner-up came. */
export function explainMatching(
  input: MatchingInput,
  solution: MatchingSolution,
  constraints: MatchingConstraints = {},
): PairExplanation[] {
  const lists = edgesByMentee(input, constraints);
  const duals = minimalPrices(input, solution, constraints);
  return lists.map((edges, mentee) => explainWith(input, solution, duals, mentee, edges));
}

/**
 * Explanations and shortlists together, from one price computation: what a cohort's match run shows
 * for every member. Same results as explainMatching and shortlistMatching called apart.
 */
export function explainAndShortlist(
  input: MatchingInput,
  solution: MatchingSolution,
  size: number = SHORTLIST_DEFAULT_SIZE,
  constraints: MatchingConstraints = {},
): { explanations: PairExplanation[]; shortlists: ShortlistEntry[][] } {
  assertShortlistSize(size);
  const lists = edgesByMentee(input, constraints);
  const duals = minimalPrices(input, solution, constraints);
  return {
    explanations: lists.map((edges, mentee) => explainWith(input, solution, duals, mentee, edges)),
    shortlists: lists.map((edges, mentee) => shortlistWith(input, solution, duals, mentee, edges, size)),
  };
}

export type ShortlistEntry = MatchOption & {
  mentor: number;
  /** How much net value choosing this guide gives up against the mentee's own optimal option. */
  reducedCost: LexValue;
  assigned: boolean;
};

/**
 * A shortlist of 3–5 guides per mentee, ranked by reduced cost rather than by raw score: a guide that
 * everyone scores highly carries a high price, so it tops only the lists of mentees for whom it is
 * really the best use of its seats, and each list keeps guides the mentee could actually get.
 * The assigned guide comes first; ties go to the higher score, then to input order.
 */
export function shortlistMatching(
  input: MatchingInput,
  solution: MatchingSolution,
  size: number = SHORTLIST_DEFAULT_SIZE,
  constraints: MatchingConstraints = {},
): ShortlistEntry[][] {
  assertShortlistSize(size);
  const lists = edgesByMentee(input, constraints);
  const duals = minimalPrices(input, solution, constraints);
  return lists.map((edges, mentee) => shortlistWith(input, solution, duals, mentee, edges, size));
}

function assertShortlistSize(size: number): void {
  if (!Number.isInteger(size) || size < SHORTLIST_MIN_SIZE || size > SHORTLIST_MAX_SIZE) {
    throw new RangeError(
      `a shortlist has ${SHORTLIST_MIN_SIZE} to ${SHORTLIST_MAX_SIZE} guides, not ${size}`,
    );
  }
}

function shortlistWith(
  input: MatchingInput,
  solution: MatchingSolution,
  duals: MatchingDuals,
  mentee: number,
  edges: number[],
  size: number,
): ShortlistEntry[] {
  const chosenEdge = solution.menteeEdge[mentee] ?? -1;
  const chosenNet = chosenEdge >= 0 ? option(input, duals, chosenEdge).net : UNMATCHED_OPTION.net;
  const seen = new Set<number>();
  const entries: ShortlistEntry[] = [];
  for (const edge of edges) {
    const candidate = option(input, duals, edge);
    const mentor = candidate.mentor ?? -1;
    if (seen.has(mentor)) continue;
    seen.add(mentor);
    entries.push({
      ...candidate,
      mentor,
      assigned: edge === chosenEdge,
      reducedCost: {
        count: chosenNet.count - candidate.net.count,
        score: chosenNet.score - candidate.net.score,
      },
    });
  }
  entries.sort(
    (a, b) =>
      Number(b.assigned) - Number(a.assigned) ||
      compare(a.reducedCost, b.reducedCost) ||
      b.score - a.score ||
      a.edge - b.edge,
  );
  return entries.slice(0, size);
}

function formatValue(value: LexValue): string {
  const score = Math.round(value.score * 1000) / 1000;
  return value.count === 0
    ? `${score}`
    : `${value.count} match${Math.abs(value.count) === 1 ? '' : 'es'} and ${score}`;
}

/** One sentence for an admin, e.g. "m1 → g1: fit 0.82, g1's seats are in demand (price 0.1) …". */
export function describeExplanation(
  explanation: PairExplanation,
  names: { mentee: (index: number) => string; mentor: (index: number) => string },
): string {
  const who = names.mentee(explanation.mentee);
  const label = (choice: MatchOption): string =>
    choice.mentor === null ? 'staying unmatched' : names.mentor(choice.mentor);
  const { chosen, runnerUp, margin } = explanation;
  const head =
    chosen.mentor === null
      ? `${who} stays unmatched`
      : `${who} → ${label(chosen)}: fit ${formatValue({ count: 0, score: chosen.score })}, price ${formatValue(chosen.price)}`;
  if (runnerUp === null || margin === null) return `${head}; there was no other option.`;
  const other =
    runnerUp.mentor === null
      ? 'staying unmatched'
      : `${label(runnerUp)} (fit ${formatValue({ count: 0, score: runnerUp.score })}, price ${formatValue(runnerUp.price)})`;
  const pinned = explanation.pinned ? ' (pinned by hand)' : '';
  return `${head}${pinned}; the next best option, ${other}, is ${formatValue(margin)} behind.`;
}
