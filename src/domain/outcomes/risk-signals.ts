import type { Cadence } from '../agreements/vocabulary';
import { CADENCE_SESSIONS_PER_MONTH } from '../settings/agreements';
import {
  RISK_AT_RISK_SIGNALS,
  RISK_CADENCE_SHARE,
  RISK_GUIDE_SLOW_ANSWER_DAYS,
  RISK_LOW_PULSE_SCORE,
  RISK_RECENT_DAYS,
  RISK_UNANSWERED_MESSAGE_DAYS,
} from '../settings/outcomes';

const DAY_MS = 86_400_000;

/** What the early warning reads of one pair: times and counts only, never what anyone wrote. */
export type PairRiskFacts = {
  startedAt: string;
  /** The agreed cadence; null when no agreement is accepted yet. */
  cadence: Cadence | null;
  heldSessionsRecent: number;
  cancelledOrMissedRecent: number;
  /** An open action or an upcoming session counts as a next step. */
  hasNextStep: boolean;
  /** The latest message and who wrote it; null when nobody wrote. */
  lastMessage: { at: string; by: 'member' | 'guide' } | null;
  /** Days the guide took to answer each of the member's recent messages (still waiting: until now). */
  guideAnswerDays: number[];
  /** The lowest score among the latest pulse answers (pulse check-in or session pulse), if any. */
  latestPulseScore: number | null;
};

export const riskSignalCodes = [
  'cadence-behind',
  'no-next-step',
  'unanswered-messages',
  'low-pulse',
  'cancelled-or-missed',
  'guide-slow-to-answer',
] as const;
export type RiskSignalCode = (typeof riskSignalCodes)[number];
export type RiskSignal = { code: RiskSignalCode; reason: string };
export type RiskLevel = 'ok' | 'watch' | 'at-risk';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

// Each signal is one the method and the research name, and each comes with the sentence that says why,
// so an admin never sees a score without its reason. The sentences name times and counts, not content.
export function riskSignals(facts: PairRiskFacts, now: Date): RiskSignal[] {
  const signals: RiskSignal[] = [];
  const daysRunning = (now.getTime() - Date.parse(facts.startedAt)) / DAY_MS;
  if (facts.cadence && daysRunning >= RISK_RECENT_DAYS) {
    const expected = CADENCE_SESSIONS_PER_MONTH[facts.cadence];
    if (facts.heldSessionsRecent < expected * RISK_CADENCE_SHARE) {
      signals.push({
        code: 'cadence-behind',
        reason: `${plural(facts.heldSessionsRecent, 'session')} held in the last ${RISK_RECENT_DAYS} days; the agreement (${facts.cadence}) means about ${expected}.`,
      });
    }
  }
  if (!facts.hasNextStep) {
    signals.push({ code: 'no-next-step', reason: 'No next step: no open action and no session booked.' });
  }
  if (facts.lastMessage) {
    const waited = Math.floor((now.getTime() - Date.parse(facts.lastMessage.at)) / DAY_MS);
    if (waited >= RISK_UNANSWERED_MESSAGE_DAYS) {
      const other = facts.lastMessage.by === 'member' ? 'guide' : 'member';
      signals.push({
        code: 'unanswered-messages',
        reason: `A message from the ${facts.lastMessage.by} has waited ${waited} days for the ${other}'s answer.`,
      });
    }
  }
  if (facts.latestPulseScore !== null && facts.latestPulseScore <= RISK_LOW_PULSE_SCORE) {
    signals.push({
      code: 'low-pulse',
      reason: `The latest pulse was ${facts.latestPulseScore} of 5 (low is ${RISK_LOW_PULSE_SCORE} or below).`,
    });
  }
  if (facts.cancelledOrMissedRecent > 0) {
    signals.push({
      code: 'cancelled-or-missed',
      reason: `${plural(facts.cancelledOrMissedRecent, 'session')} cancelled or missed in the last ${RISK_RECENT_DAYS} days.`,
    });
  }
  const slow = medianOf(facts.guideAnswerDays);
  if (slow !== null && slow > RISK_GUIDE_SLOW_ANSWER_DAYS) {
    signals.push({
      code: 'guide-slow-to-answer',
      reason: `The guide takes about ${Math.round(slow)} days to answer the member (more than ${RISK_GUIDE_SLOW_ANSWER_DAYS}).`,
    });
  }
  return signals;
}

export function riskLevel(signals: readonly RiskSignal[]): RiskLevel {
  if (signals.length >= RISK_AT_RISK_SIGNALS) return 'at-risk';
  return signals.length > 0 ? 'watch' : 'ok';
}

function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}
