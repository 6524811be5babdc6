import { solveFair } from './fair';
import { indexPairEdges, totalFit } from './pair-edges';
import type { MatchingMode } from './problem-file';
import { solveMatching } from './solve';
import { prefers } from './stable';
import type { MatchingConstraints, MatchingInput } from './types';

export type WhyNotQuestion = {
  input: MatchingInput;
  /** Per edge, the guide's own score (stable mode); the fit score when absent. */
  guideScore?: Float64Array;
  mode: MatchingMode;
  /** The run's assignment: per mentee, its edge or -1. */
  menteeEdge: Int32Array;
  /** The run's pins and blocks. */
  constraints?: MatchingConstraints;
  /** Fair mode's guaranteed worst fit. */
  threshold: number | null;
  mentee: number;
  mentor: number;
  menteeName: (mentee: number) => string;
  mentorName: (mentor: number) => string;
  /** How a fit is written in the answer: a plain number unless the caller says (the web app: percent). */
  formatFit?: (value: number) => string;
};

export type WhyNotAnswer = { reason: string; change: string | null };

const plainFit = (value: number) => (Math.round(value * 1000) / 1000).toString();

/**
 * "Why not this guide?" for one member of a run, in the run's own terms. Optimal and fair: the best run
 * of the same mode that keeps the pair, and what it costs (people unmatched, a lower worst fit, or total
 * fit: the seat's price) and whom it moves. Stable: whom the guide preferred. The pair's fit would have
 * to rise by more than that cost for the engine to choose it.
 */
export function whyNot(question: WhyNotQuestion): WhyNotAnswer {
  const { input, mode, menteeEdge, mentee: i, mentor: j } = question;
  const formatFit = question.formatFit ?? plainFit;
  const member = question.menteeName(i);
  const guide = question.mentorName(j);
  const e = indexPairEdges(input).edgeOf(i, j);
  if (e < 0)
    return {
      reason: `${member} and ${guide} are not an allowed pair: the cohort's rules leave it out (the same organization, no shared hours, or a guide without seats), or an admin blocked it.`,
      change: `Pin the pair if you know better: a pin keeps it past those rules.`,
    };
  if (menteeEdge[i] === e)
    return { reason: `${member} and ${guide} are matched together in this run.`, change: null };

  const own = menteeEdge[i] ?? -1;
  const ownGuide = own >= 0 ? question.mentorName(input.edgeMentor[own] ?? 0) : null;
  const score = input.edgeScore[e] ?? 0;
  const holders: number[] = [];
  for (let k = 0; k < menteeEdge.length; k++) {
    const held = menteeEdge[k] ?? -1;
    if (held >= 0 && input.edgeMentor[held] === j) holders.push(held);
  }
  const seats = input.capacity[j] ?? 0;
  if (seats === 0)
    return { reason: `${guide} has no seats in this cohort.`, change: `Ask ${guide} to offer a seat.` };

  if (mode === 'stable') return whyNotStable(question, { e, own, ownGuide, holders, seats, member, guide });

  if (mode === 'fair' && question.threshold !== null && score < question.threshold)
    return {
      reason: `${member} and ${guide} fit ${formatFit(score)}, below the worst fit the fair run gives anyone (${formatFit(question.threshold)}): choosing them would make the worst-off pair worse.`,
      change: `Only a fit of at least ${formatFit(question.threshold)} would, or publishing the optimal run instead.`,
    };

  const pinnedTo = (question.constraints?.pinned ?? []).find(([mentee]) => mentee === i);
  if (pinnedTo)
    return {
      reason: `${member} is pinned to ${question.mentorName(pinnedTo[1])} by an admin.`,
      change: 'Clear the pin to let matching choose.',
    };
  const pinnedSeats = (question.constraints?.pinned ?? []).filter(([, mentor]) => mentor === j).length;
  if (pinnedSeats >= seats)
    return {
      reason: `Every seat with ${guide} is pinned by an admin.`,
      change: `Clear one of ${guide}'s pins.`,
    };

  // The best run that keeps this pair, in the same mode: what it costs, and who it moves.
  const constraints = {
    pinned: [...(question.constraints?.pinned ?? []), [i, j] as const],
    blocked: question.constraints?.blocked ?? [],
  };
  const forced = mode === 'fair' ? solveFair(input, constraints) : solveMatching(input, constraints);
  const matched = menteeEdge.reduce((count, edge) => count + (edge >= 0 ? 1 : 0), 0);
  const total = totalFit(input, menteeEdge);
  const displaced = holders
    .map((h) => input.edgeMentee[h] ?? 0)
    .filter((k) => forced.menteeMentor[k] !== j)
    .map((k) => question.menteeName(k));
  const loses = displaced.length > 0 ? ` (${displaced.join(', ')} would lose their seat with ${guide})` : '';
  if (forced.matched < matched)
    return {
      reason: `Giving ${member} a seat with ${guide} would leave ${plural(matched - forced.matched)} unmatched${loses}: this run matches as many people as the cohort can.`,
      change: `Only another seat with ${guide}, or another guide for those left out, would.`,
    };
  if (mode === 'fair') {
    let worst = Number.POSITIVE_INFINITY;
    for (let k = 0; k < forced.menteeEdge.length; k++) {
      const edge = forced.menteeEdge[k] ?? -1;
      if (edge >= 0 && forced.menteePinned[k] === 0) worst = Math.min(worst, input.edgeScore[edge] ?? 0);
    }
    if (question.threshold !== null && worst < question.threshold)
      return {
        reason: `Giving ${member} a seat with ${guide} would push someone else's fit down to ${formatFit(worst)}, below the worst fit the fair run gives anyone (${formatFit(question.threshold)})${loses}.`,
        change: 'Publishing the optimal run instead would weigh total fit over the worst-off pair.',
      };
  }
  const cost = total - forced.objective;
  return {
    reason:
      holders.length >= seats
        ? `${guide}'s seats do more good where they are: giving one to ${member} would lower the total fit by ${formatFit(cost)}${loses}.`
        : `${member}'s own ${own >= 0 ? `match with ${ownGuide}` : 'place'} does more good: taking ${guide} instead would lower the total fit by ${formatFit(cost)}.`,
    change: `The pair's fit (${formatFit(score)}) would have to rise by more than ${formatFit(cost)}.`,
  };
}

const plural = (count: number) => (count === 1 ? 'someone' : `${count} people`);

function whyNotStable(
  question: WhyNotQuestion,
  context: {
    e: number;
    own: number;
    ownGuide: string | null;
    holders: number[];
    seats: number;
    member: string;
    guide: string;
  },
): WhyNotAnswer {
  const { input } = question;
  const formatFit = question.formatFit ?? plainFit;
  const guideScore = question.guideScore ?? input.edgeScore;
  const { e, own, ownGuide, holders, seats, member, guide } = context;
  const score = input.edgeScore[e] ?? 0;
  if (own >= 0 && prefers(input.edgeScore[own] ?? 0, input.edgeMentor[own] ?? 0, score, question.mentor))
    return {
      reason: `${member} prefers ${ownGuide} (fit ${formatFit(input.edgeScore[own] ?? 0)}) to ${guide} (fit ${formatFit(score)}); stable mode gives each member the best guide who would keep them.`,
      change: `Only if ${member}'s fit with ${guide} rose above ${formatFit(input.edgeScore[own] ?? 0)}.`,
    };
  const ranked = [...holders].sort((a, b) =>
    prefers(guideScore[a] ?? 0, input.edgeMentee[a] ?? 0, guideScore[b] ?? 0, input.edgeMentee[b] ?? 0)
      ? -1
      : 1,
  );
  const worst = ranked[ranked.length - 1];
  if (holders.length < seats || worst === undefined)
    return {
      reason: `${guide} has a free seat and ${member} prefers them: this pair blocks the run, which should not happen in stable mode.`,
      change: 'Run matching again.',
    };
  const names = ranked.map(
    (h) => `${question.menteeName(input.edgeMentee[h] ?? 0)} (${formatFit(guideScore[h] ?? 0)})`,
  );
  return {
    reason: `${guide}'s seats went to people ${guide} ranks higher: ${names.join(', ')}; ${guide} ranks ${member} at ${formatFit(guideScore[e] ?? 0)}.`,
    change: `${guide} would have to rank ${member} above ${question.menteeName(input.edgeMentee[worst] ?? 0)}, who would then lose the seat.`,
  };
}
