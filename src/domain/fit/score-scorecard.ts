import {
  FIT_ANSWER_POINTS,
  FIT_POSSIBLE_MIN_SCORE,
  FIT_STRONG_MIN_SCORE,
  RED_FLAG_SCORE_PENALTY,
  RED_FLAGS_FOR_POOR_FIT,
  UNSAFE_SCORE_CAP,
} from '../settings/fit';
import {
  type FitAnswer,
  type FitQuestionId,
  fitQuestions,
  type GuideQuestionId,
  guideQuestions,
  type RedFlagId,
  redFlags,
} from './scorecard';

export type ScorecardAnswers = {
  fit: Partial<Record<FitQuestionId, FitAnswer>>;
  redFlags: RedFlagId[];
  /** Notes on what the candidate said to each question. */
  guideAnswers?: Partial<Record<GuideQuestionId, string>>;
};

export type FitVerdict = 'strong-fit' | 'possible-fit' | 'poor-fit' | 'incomplete';

export type ScorecardSummary = {
  verdict: FitVerdict;
  /** 0–100 over the answered fit questions; null when none is answered. */
  score: number | null;
  strengths: FitQuestionId[];
  concerns: FitQuestionId[];
  redFlags: RedFlagId[];
  unanswered: FitQuestionId[];
  missingGuideAnswers: GuideQuestionId[];
  summary: string;
};

const joinPhrases = (phrases: string[]): string => {
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(', ')} and ${phrases.at(-1) ?? ''}`;
};

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const verdictLead: Record<FitVerdict, string> = {
  'strong-fit': 'Strong fit',
  'possible-fit': 'Possible fit',
  'poor-fit': 'Poor fit',
  incomplete: 'Not finished yet',
};

const verdictClose: Record<FitVerdict, string> = {
  'strong-fit': 'Worth a serious look.',
  'possible-fit': 'Compare it with your other intros before deciding.',
  'poor-fit':
    'Trust that feeling: it is fine to move on, and one poor fit says little about the next candidate.',
  incomplete: '',
};

/**
 * Turns an intro-session scorecard into a verdict. Feeling safe is treated as the floor: without it
 * nothing else in the relationship works, so it decides on its own.
 */
export const scoreScorecard = (answers: ScorecardAnswers): ScorecardSummary => {
  const flags = redFlags.filter((flag) => answers.redFlags.includes(flag.id));
  const answered = fitQuestions.flatMap((q) => {
    const answer = answers.fit[q.id];
    return answer === undefined ? [] : [{ question: q, answer }];
  });
  const unanswered = fitQuestions.filter((q) => answers.fit[q.id] === undefined).map((q) => q.id);
  const maxPoints = answered.length * FIT_ANSWER_POINTS.yes;
  const points = answered.reduce((sum, { answer }) => sum + FIT_ANSWER_POINTS[answer], 0);
  const unsafe = answers.fit['safe-to-be-honest'] === 'no' || flags.some((f) => f.id === 'did-not-feel-safe');
  // The score must agree with the verdict: red flags take points off and feeling unsafe caps it.
  const answeredScore = maxPoints === 0 ? null : Math.round((points / maxPoints) * 100);
  const flagged =
    answeredScore === null ? null : Math.max(0, answeredScore - flags.length * RED_FLAG_SCORE_PENALTY);
  const score = flagged === null ? null : unsafe ? Math.min(flagged, UNSAFE_SCORE_CAP) : flagged;
  const verdict: FitVerdict =
    unsafe || flags.length >= RED_FLAGS_FOR_POOR_FIT
      ? 'poor-fit'
      : unanswered.length > 0 || score === null
        ? 'incomplete'
        : score >= FIT_STRONG_MIN_SCORE && flags.length === 0
          ? 'strong-fit'
          : score >= FIT_POSSIBLE_MIN_SCORE
            ? 'possible-fit'
            : 'poor-fit';

  const strengths = answered.filter((a) => a.answer === 'yes');
  const concerns = answered.filter((a) => a.answer === 'no');
  const sentences: string[] = [];
  if (verdict === 'incomplete') {
    sentences.push(
      `${verdictLead.incomplete}: answer ${unanswered.length} more question${unanswered.length === 1 ? '' : 's'} to compare this intro with the others.`,
    );
  } else {
    const good = joinPhrases(strengths.map((a) => a.question.whenYes));
    const bad = joinPhrases(concerns.map((a) => a.question.whenNo));
    const body = good !== '' && bad !== '' ? `${good}, but ${bad}` : good !== '' ? good : bad;
    sentences.push(body === '' ? `${verdictLead[verdict]}.` : `${verdictLead[verdict]}: ${body}.`);
  }
  if (flags.length > 0) {
    sentences.push(
      `Red flag${flags.length === 1 ? '' : 's'}: ${joinPhrases(flags.map((f) => f.inSummary))}.`,
    );
  }
  if (verdictClose[verdict] !== '') sentences.push(verdictClose[verdict]);

  return {
    verdict,
    score,
    strengths: strengths.map((a) => a.question.id),
    concerns: concerns.map((a) => a.question.id),
    redFlags: flags.map((f) => f.id),
    unanswered,
    missingGuideAnswers: guideQuestions
      .filter((q) => (answers.guideAnswers?.[q.id] ?? '').trim() === '')
      .map((q) => q.id),
    summary: capitalize(sentences.join(' ')),
  };
};

const verdictOrder: Record<FitVerdict, number> = {
  'strong-fit': 0,
  'possible-fit': 1,
  incomplete: 2,
  'poor-fit': 3,
};

/** Scorecards of a shortlist, best first, for the side-by-side comparison. */
export const compareScorecards = <T extends { answers: ScorecardAnswers }>(
  candidates: T[],
): (T & { result: ScorecardSummary })[] =>
  candidates
    .map((candidate) => ({ ...candidate, result: scoreScorecard(candidate.answers) }))
    .sort(
      (a, b) =>
        verdictOrder[a.result.verdict] - verdictOrder[b.result.verdict] ||
        (b.result.score ?? -1) - (a.result.score ?? -1) ||
        a.result.redFlags.length - b.result.redFlags.length,
    );
