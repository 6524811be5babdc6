import type { MatchingMode } from './problem-file';
import { prefers } from './stable';
import type { LexValue, MatchingInput } from './types';

export type WhyNotQuestion = {
  input: MatchingInput;
  /** Per edge, the guide's own score (stable mode); the fit score when absent. */
  guideScore?: Float64Array;
  mode: MatchingMode;
  /** The run's assignment: per mentee, its edge or -1. */
  menteeEdge: Int32Array;
  /** The run's prices (optimal, or fair's at its threshold): null where unknown. */
  menteeValue: (mentee: number) => LexValue | null;
  mentorPrice: (mentor: number) => LexValue | null;
  /** Fair mode's guaranteed worst fit. */
  threshold: number | null;
  mentee: number;
  mentor: number;
  menteeName: (mentee: number) => string;
  mentorName: (mentor: number) => string;
};

export type WhyNotAnswer = { reason: string; change: string | null };

const fit = (value: number) => (Math.round(value * 1000) / 1000).toString();

function edgeBetween(input: MatchingInput, mentee: number, mentor: number): number {
  for (let e = 0; e < input.edgeMentee.length; e++)
    if (input.edgeMentee[e] === mentee && input.edgeMentor[e] === mentor) return e;
  return -1;
}

/**
 * "Why not this guide?" for one member of a run, in the run's own terms: the seat's price and who would
 * lose it (optimal, and fair above its bottleneck), whom the guide preferred (stable), or the bottleneck
 * itself (fair). Reads only the run's assignment and prices, so it explains what was published.
 */
export function whyNot(question: WhyNotQuestion): WhyNotAnswer {
  const { input, mode, menteeEdge, mentee: i, mentor: j } = question;
  const member = question.menteeName(i);
  const guide = question.mentorName(j);
  const e = edgeBetween(input, i, j);
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
  const ownScore = own >= 0 ? (input.edgeScore[own] ?? 0) : null;
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
      reason: `${member} and ${guide} fit ${fit(score)}, below the worst fit the fair run gives anyone (${fit(question.threshold)}): choosing them would make the worst-off pair worse.`,
      change: `Only a fit of at least ${fit(question.threshold)} would, or publishing the optimal run instead.`,
    };

  const value = question.menteeValue(i) ?? { count: own >= 0 ? 1 : 0, score: ownScore ?? 0 };
  const price = question.mentorPrice(j) ?? { count: 0, score: 0 };
  // The pair's reduced cost: how far it falls short of what its two seats already earn elsewhere.
  const shortCount = value.count + price.count - 1;
  const short = value.score + price.score - score;
  const weakest = holders.reduce<number | null>(
    (worst, h) => (worst === null || (input.edgeScore[h] ?? 0) < (input.edgeScore[worst] ?? 0) ? h : worst),
    null,
  );
  const loser = weakest === null ? null : question.menteeName(input.edgeMentee[weakest] ?? 0);
  if (shortCount > 0)
    return {
      reason: `Giving ${member} a seat with ${guide} would leave someone unmatched: ${guide}'s seats${own >= 0 ? ` and ${member}'s own match with ${ownGuide}` : ''} are each needed to match as many people as possible.`,
      change: `Only another seat with ${guide} would${loser ? ` (today ${loser} would lose theirs)` : ''}.`,
    };
  const full = holders.length >= seats;
  const demand = full
    ? `${guide}'s seats are in demand: each is worth ${fit(price.score)} to the total where it is`
    : `${guide} has a free seat`;
  const ownPart =
    own >= 0 ? `${member}'s match with ${ownGuide} adds ${fit(value.score)}` : `${member} is unmatched`;
  return {
    reason: `${demand}, and ${ownPart}; ${member} with ${guide} fits ${fit(score)}, ${fit(short)} short of both together.`,
    change: `The pair's fit would have to rise by more than ${fit(short)}${full && loser ? `; then ${loser} would lose their seat with ${guide}` : ''}.`,
  };
}

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
  const guideScore = question.guideScore ?? input.edgeScore;
  const { e, own, ownGuide, holders, seats, member, guide } = context;
  const score = input.edgeScore[e] ?? 0;
  if (own >= 0 && prefers(input.edgeScore[own] ?? 0, input.edgeMentor[own] ?? 0, score, question.mentor))
    return {
      reason: `${member} prefers ${ownGuide} (fit ${fit(input.edgeScore[own] ?? 0)}) to ${guide} (fit ${fit(score)}); stable mode gives each member the best guide who would keep them.`,
      change: `Only if ${member}'s fit with ${guide} rose above ${fit(input.edgeScore[own] ?? 0)}.`,
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
    (h) => `${question.menteeName(input.edgeMentee[h] ?? 0)} (${fit(guideScore[h] ?? 0)})`,
  );
  return {
    reason: `${guide}'s seats went to people ${guide} ranks higher: ${names.join(', ')}; ${guide} ranks ${member} at ${fit(guideScore[e] ?? 0)}.`,
    change: `${guide} would have to rank ${member} above ${question.menteeName(input.edgeMentee[worst] ?? 0)}, who would then lose the seat.`,
  };
}
