import { READINESS_RECOMMEND_MIN_SCORE } from '../settings/readiness';
import type { HelpKind } from './help-kinds';
import type { ReadinessAnswers, ReadinessQuestionId } from './readiness-answers';
import { answerLabel, readinessQuestions } from './readiness-questions';
import { readinessRules, type ScoredHelpKind } from './readiness-rules';

export type { HelpKind } from './help-kinds';

export type RecommendationReason = {
  questionId: string;
  /** The human label of the answer given. */
  answer: string;
  why: string;
};

export type Recommendation = {
  kind: HelpKind;
  fit: 'primary' | 'also';
  headline: string;
  explanation: string;
  reasons: RecommendationReason[];
};

export type ReadinessResult = { recommendations: Recommendation[]; summary: string };

type Candidate = { kind: HelpKind; score: number; reasons: RecommendationReason[]; variant?: 'later' };

// Ties go to the kind listed first: the more personal, more lasting help before the lighter kinds.
const tieOrder: readonly HelpKind[] = ['coach', 'mentor', 'peer-group', 'advisor', 'self-coaching'];

const headlines: Readonly<Record<HelpKind, { primary: string; also: string }>> = {
  mentor: { primary: 'Find a mentor', also: 'A mentor could help too' },
  coach: { primary: 'Work with a coach', also: 'A coach could help too' },
  advisor: { primary: 'Ask an advisor', also: 'An advisor for the specific question' },
  'peer-group': { primary: 'Join a peer group', also: 'A peer group alongside' },
  'self-coaching': { primary: 'Start with self-coaching', also: 'Self-coaching alongside' },
  'professional-support': {
    primary: 'Start with a therapist or other professional support',
    also: 'Professional support',
  },
};

const explanations: Readonly<Record<HelpKind, string>> = {
  mentor:
    'Look for someone who is excellent at what you want to learn and can explain how they do it. Bring real, recent problems to each conversation and tell them what happened when you tried their advice.',
  coach:
    'A coach will not hand you answers; they ask the questions that help your own way emerge. Expect regular sessions over several months and real work between them, and talk to a few coaches before you choose.',
  advisor:
    'Find someone with deep experience of that exact topic and ask a focused question. A few conversations are often enough; you do not need an ongoing relationship for this.',
  'peer-group':
    'Meet regularly with a few people at a similar stage, ideally from other companies so you can be candid. Take turns bringing a live problem; everyone learns from each one.',
  'self-coaching':
    'Your answers point to the inner work a coach helps with, but a coach is out of reach right now. Set a goal, use the journal prompts to question your own assumptions, and rate your signs of progress in regular check-ins. Coaching prices vary widely and some employers pay, so it is worth looking again later.',
  'professional-support':
    'Thank you for telling us. What you describe deserves care from someone trained for it: a therapist, a counsellor or your doctor is the right first step. Mentors and coaches help with work and growth, but not in place of that support. If you are in danger or thinking about harming yourself, please call your local emergency number or a crisis line now.',
};

const laterCoaching = {
  headline: 'Coaching, once you want to look inward',
  explanation:
    'Coaching asks what matters to you rather than telling you what to do, which is frustrating while what you want is practical answers. Get those from a mentor first, and come back to coaching when you feel the next step is about you.',
};

const phrases: Readonly<Record<HelpKind, string>> = {
  mentor: 'a mentor',
  coach: 'a coach',
  advisor: 'an advisor',
  'peer-group': 'a peer group',
  'self-coaching': 'self-coaching',
  'professional-support': 'professional support',
};

const reasonFor = (
  answers: ReadinessAnswers,
  questionId: ReadinessQuestionId,
  why: string,
): RecommendationReason => {
  const question = readinessQuestions.find((q) => q.id === questionId);
  const answer = question ? answerLabel(question, answers[questionId]) : String(answers[questionId]);
  return { questionId, answer, why };
};

const scoreKinds = (answers: ReadinessAnswers): Map<ScoredHelpKind, Candidate> => {
  const scored = new Map<ScoredHelpKind, Candidate>();
  for (const rule of readinessRules) {
    if (!rule.applies(answers)) continue;
    const candidate = scored.get(rule.kind) ?? { kind: rule.kind, score: 0, reasons: [] };
    candidate.score += rule.points;
    candidate.reasons.push(reasonFor(answers, rule.questionId, rule.why));
    scored.set(rule.kind, candidate);
  }
  return scored;
};

// Help deferred until later goes last, whatever its score.
const byScore = (a: Candidate, b: Candidate) =>
  Number(a.variant === 'later') - Number(b.variant === 'later') ||
  b.score - a.score ||
  tieOrder.indexOf(a.kind) - tieOrder.indexOf(b.kind);

/** Recommends kinds of help from readiness answers; every recommendation lists the answers behind it. */
export const recommendHelp = (answers: ReadinessAnswers): ReadinessResult => {
  const scored = scoreKinds(answers);
  const qualifies = (kind: ScoredHelpKind) => (scored.get(kind)?.score ?? 0) >= READINESS_RECOMMEND_MIN_SCORE;
  const candidates: Candidate[] = [];

  for (const kind of ['mentor', 'advisor', 'peer-group'] as const) {
    const candidate = scored.get(kind);
    if (candidate && qualifies(kind)) candidates.push(candidate);
  }

  const coach = scored.get('coach');
  if (coach && qualifies('coach')) {
    // Coaching that is out of reach (no budget, or no time for regular sessions) becomes self-coaching.
    const limit: ReadinessQuestionId | null =
      answers.budget === 'free-only' ? 'budget' : answers.time === 'very-little' ? 'time' : null;
    if (answers.internalWork === 'not-now') {
      // Not ready to look inward: mentoring comes first, and coaching stays on the list for later.
      const mentor = scored.get('mentor') ?? {
        kind: 'mentor',
        score: 0,
        reasons: [reasonFor(answers, 'internalWork', steerToMentor)],
      };
      const mentorFirst: Candidate = { ...mentor, score: Math.max(mentor.score, coach.score + 1) };
      const others = candidates.filter((c) => c.kind !== 'mentor');
      candidates.splice(0, candidates.length, mentorFirst, ...others, { ...coach, variant: 'later' });
    } else if (limit) {
      const why =
        limit === 'budget'
          ? 'Paid coaching is out of reach for now, so the same kind of work starts on your own.'
          : 'Coaching needs regular sessions over several months to keep its momentum; with little time, start on your own.';
      candidates.push({
        kind: 'self-coaching',
        score: coach.score,
        reasons: [reasonFor(answers, limit, why), ...coach.reasons],
      });
      if (!candidates.some((c) => c.kind === 'peer-group')) {
        candidates.push({
          kind: 'peer-group',
          score: READINESS_RECOMMEND_MIN_SCORE,
          reasons: [reasonFor(answers, limit, peerGroupComplement)],
        });
      }
    } else {
      candidates.push(coach);
    }
  }

  // With a wellbeing signal, professional support alone is a complete answer; nothing needs padding it out.
  if (candidates.length === 0 && !answers.wellbeing) candidates.push(fallback(answers, scored));
  candidates.sort(byScore);

  const recommendations: Recommendation[] = [];
  if (answers.wellbeing) {
    recommendations.push({
      kind: 'professional-support',
      fit: 'primary',
      headline: headlines['professional-support'].primary,
      explanation: explanations['professional-support'],
      reasons: [
        reasonFor(answers, 'wellbeing', 'You said something is weighing on you that feels bigger than work.'),
      ],
    });
  }
  for (const candidate of candidates) {
    const fit = recommendations.length === 0 && candidate.variant !== 'later' ? 'primary' : 'also';
    const later = candidate.variant === 'later';
    recommendations.push({
      kind: candidate.kind,
      fit,
      headline: later ? laterCoaching.headline : headlines[candidate.kind][fit],
      explanation: later ? laterCoaching.explanation : explanations[candidate.kind],
      reasons: candidate.reasons,
    });
  }
  return { recommendations, summary: summarize(recommendations) };
};

const steerToMentor =
  'You want practical answers right now. A mentor gives them; coaching works best once you want to look inward.';

const peerGroupComplement =
  'Peers at a similar stage give you the outside view a coach would, at no cost and at your own pace.';

// When no kind reaches the threshold, the strongest weak signal still beats a generic answer — except
// coaching for someone not ready to look inward or without the budget or time for it: the same rule
// as above applies to weak signals too.
const fallback = (answers: ReadinessAnswers, scored: Map<ScoredHelpKind, Candidate>): Candidate => {
  const coachingFits =
    answers.internalWork !== 'not-now' && answers.budget !== 'free-only' && answers.time !== 'very-little';
  const strongest = [...scored.values()].filter((c) => coachingFits || c.kind !== 'coach').sort(byScore)[0];
  if (strongest) return strongest;
  return {
    kind: 'self-coaching',
    score: 0,
    reasons: [
      reasonFor(
        answers,
        'topic',
        'Your answers do not point clearly to one kind of help yet. Setting a goal and asking yourself coaching questions is a good way to find out what you need; you can retake this check any time.',
      ),
    ],
  };
};

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const joinList = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

const summarize = (recommendations: readonly Recommendation[]): string => {
  const [first, ...rest] = recommendations;
  if (!first) return '';
  const isLater = (r: Recommendation) => r.headline === laterCoaching.headline;
  const others = joinList(rest.filter((r) => !isLater(r)).map((r) => phrases[r.kind]));
  const later = rest.some(isLater) ? ' Coaching can come later, once you want to look inward.' : '';
  if (first.kind === 'professional-support') {
    const next = joinList(rest.map((r) => phrases[r.kind]));
    return next
      ? `Please start with professional support. When you feel ready, ${next} can help with your growth too.`
      : 'Please start with professional support.';
  }
  const lead = `${capitalize(phrases[first.kind])} looks like the best fit for you right now`;
  return `${others ? `${lead}, with ${others} alongside.` : `${lead}.`}${later}`;
};
