import {
  FIT_WEIGHTS,
  OVERLAP_COMFORTABLE_MINUTES_PER_WEEK,
  RESPONSIVENESS_MIN_REQUESTS,
  RESPONSIVENESS_SLOW_REPLY_HOURS,
} from '../settings/directory';
import { overlapMinutes } from './week-slots';

export type Leaning = 'blend' | string;
export const seniorityLevels = ['early', 'mid', 'senior', 'executive'] as const;
export type Seniority = (typeof seniorityLevels)[number];

/**
 * What a member is looking for. Every part is optional: an unstated preference neither helps nor
 * hurts a guide. The program matching engine fills the same shape from an application.
 */
export type MemberNeeds = {
  /** Skill gaps or areas of expertise wanted, in the directory's words ("pricing", "leadership"). */
  wanted?: string[];
  style?: 'supportive' | 'challenging' | 'blend' | null;
  structure?: 'structured' | 'client-led' | 'blend' | null;
  approach?: 'person' | 'craft' | 'blend' | null;
  formats?: string[];
  languages?: string[];
  /** The member's working week as UTC slots (see workdaySlotsUtc); null when unknown. */
  weekSlots?: number[] | null;
  seniority?: Seniority | null;
};

export type GuideFacts = {
  expertise: string[];
  style: 'supportive' | 'challenging' | 'blend';
  structure: 'structured' | 'client-led' | 'blend';
  approach: 'person' | 'craft' | 'blend';
  formats: string[];
  languages: string[];
  weekSlots: number[];
  seniorityLevels: string[];
  /** How the guide has answered intro requests; absent or null when unknown (the part is left out). */
  replies?: ReplyRecord | null;
};

/**
 * A guide's verified history with intro requests: how many were asked (not withdrawn before an
 * answer), how many they answered, and the median time to answer in seconds (null when none).
 */
export type ReplyRecord = { asked: number; answered: number; medianReplySeconds: number | null };

const SECONDS_PER_HOUR = 3600;

/**
 * Responsiveness, 0..1: half for how often the guide answers (answered / asked), half for how fast
 * (a linear fall from an instant reply to RESPONSIVENESS_SLOW_REPLY_HOURS). Null (left out of the
 * fit) below RESPONSIVENESS_MIN_REQUESTS, so new guides are never punished. The directory's SQL
 * computes the same arithmetic in float8 (fit-sql.ts; fit-sql.test.ts checks they agree).
 */
export const responsivenessScore = (replies: ReplyRecord | null | undefined): number | null => {
  if (!replies || replies.asked < RESPONSIVENESS_MIN_REQUESTS) return null;
  const rate = replies.answered / replies.asked;
  const speed =
    replies.answered === 0 || replies.medianReplySeconds === null
      ? 0
      : Math.max(0, 1 - replies.medianReplySeconds / (RESPONSIVENESS_SLOW_REPLY_HOURS * SECONDS_PER_HOUR));
  return (rate + speed) / 2;
};

const replyWords = (replies: ReplyRecord, audience: FitAudience): string => {
  const who = audience === 'member' ? 'Answers' : 'The guide answers';
  const counted = `(${replies.answered} of ${replies.asked})`;
  if (replies.answered === 0 || replies.medianReplySeconds === null)
    return `${audience === 'member' ? 'Has' : 'The guide has'} not answered any of ${replies.asked} intro requests yet.`;
  const hours = Math.round(replies.medianReplySeconds / SECONDS_PER_HOUR);
  const when =
    hours < 1
      ? 'in under an hour'
      : hours < 48
        ? `in about ${hours} hour${hours === 1 ? '' : 's'}`
        : `in about ${Math.round(hours / 24)} days`;
  return `${who} intro requests ${when} ${counted}.`;
};

export type FitPart = keyof typeof FIT_WEIGHTS;
export type FitScore = {
  /** 0..1, higher is a better fit. */
  score: number;
  /** Sentences saying why this guide, strongest first; always at least one. */
  why: string[];
  /** Each part's own 0..1 score, for the matching engine's per-pair explanation. */
  parts: Record<FitPart, number>;
  overlapMinutesPerWeek: number | null;
};

const norm = (value: string): string => value.trim().toLowerCase();
const NEUTRAL = 0.5;

// A blend sits halfway between the two ends, so it is a partial match for either end.
const leaningMatch = (wanted: string | null | undefined, offered: string): number | null => {
  if (!wanted) return null;
  if (wanted === offered) return 1;
  if (wanted === 'blend' || offered === 'blend') return NEUTRAL;
  return 0;
};

const listMatch = (
  wanted: string[] | undefined,
  offered: string[],
): { score: number | null; hits: string[] } => {
  if (!wanted || wanted.length === 0) return { score: null, hits: [] };
  const offeredSet = new Set(offered.map(norm));
  const hits = wanted.filter((item) => offeredSet.has(norm(item)));
  return { score: hits.length > 0 ? 1 : 0, hits };
};

// Expertise rewards covering more of what is wanted; a partial word match ("growth" in
// "growth experiments") counts half, since profiles are written freely.
const expertiseMatch = (wanted: string[] | undefined, offered: string[]) => {
  if (!wanted || wanted.length === 0) return { score: null, hits: [] as string[] };
  const offeredNorm = offered.map(norm);
  let points = 0;
  const hits: string[] = [];
  for (const item of wanted) {
    const want = norm(item);
    if (offeredNorm.includes(want)) {
      points += 1;
      hits.push(item);
    } else if (offeredNorm.some((o) => o.includes(want) || want.includes(o))) {
      points += NEUTRAL;
      hits.push(item);
    }
  }
  return { score: points / wanted.length, hits };
};

const styleWords: Record<string, string> = {
  supportive: 'a supportive style',
  challenging: 'a challenging style',
  structured: 'a structured programme',
  'client-led': 'sessions led by what you bring',
  person: 'a focus on you as a person',
  craft: 'a focus on the craft',
};

/** Who reads the reasons: the member in the directory ("you"), or a program admin about a member. */
export type FitAudience = 'member' | 'admin';

const fitWords = {
  member: {
    knows: (hits: string) => `Knows ${hits}, which you are looking for.`,
    expertiseMiss: 'Their expertise is not what you listed; they may still bring a fresh view.',
    noOverlap: 'No shared hours in your working week: sessions would fall outside 9–18 your time.',
    overlap: (h: number) =>
      `About ${h} hour${h === 1 ? '' : 's'} a week of their availability falls in your working day.`,
    offers: (what: string) => `Offers ${what}, as you prefer.`,
    leans: (what: string) => `Leans towards ${what}, not what you prefer.`,
    formatMiss: 'Does not offer the format you asked for.',
    languageMiss: 'Does not list your language.',
    seniority: (level: string) => `Usually works with ${level}-level people like you.`,
    nothing: 'Matches your filters; add skills you want to learn to see a sharper fit.',
  },
  admin: {
    knows: (hits: string) => `The guide knows ${hits}, which the member wants to learn.`,
    expertiseMiss: 'The guide’s expertise is not what the member listed.',
    noOverlap: 'No shared hours in the member’s working week (9–18 their time).',
    overlap: (h: number) =>
      `About ${h} hour${h === 1 ? '' : 's'} a week of the guide’s availability falls in the member’s working day.`,
    offers: (what: string) => `The guide offers ${what}, as the member prefers.`,
    leans: (what: string) => `The guide leans towards ${what}, not what the member prefers.`,
    formatMiss: 'The guide does not offer the format the member asked for.',
    languageMiss: 'The guide does not list the member’s language.',
    seniority: (level: string) => `The guide usually works with ${level}-level people, as the member is.`,
    nothing: 'The member gave no preferences this guide could be matched on.',
  },
} as const;

/**
 * How well a guide fits a member's needs, with the reasons a person would give. Parts the member has
 * no preference on are left out of the average, so a short search is not penalised for being short.
 */
export const scoreFit = (
  needs: MemberNeeds,
  guide: GuideFacts,
  audience: FitAudience = 'member',
): FitScore => {
  const expertise = expertiseMatch(needs.wanted, guide.expertise);
  const formats = listMatch(needs.formats, guide.formats);
  const languages = listMatch(needs.languages, guide.languages);
  const overlap = needs.weekSlots ? overlapMinutes(needs.weekSlots, guide.weekSlots) : null;
  const overlapScore = overlap === null ? null : Math.min(1, overlap / OVERLAP_COMFORTABLE_MINUTES_PER_WEEK);
  const seniority = needs.seniority
    ? guide.seniorityLevels.length === 0
      ? NEUTRAL
      : guide.seniorityLevels.includes(needs.seniority)
        ? 1
        : 0
    : null;
  const raw: Record<FitPart, number | null> = {
    expertise: expertise.score,
    overlap: overlapScore,
    style: leaningMatch(needs.style, guide.style),
    structure: leaningMatch(needs.structure, guide.structure),
    approach: leaningMatch(needs.approach, guide.approach),
    format: formats.score,
    language: languages.score,
    seniority,
    responsiveness: responsivenessScore(guide.replies),
  };
  let weighted = 0;
  let weights = 0;
  const parts = {} as Record<FitPart, number>;
  for (const part of Object.keys(FIT_WEIGHTS) as FitPart[]) {
    const value = raw[part];
    parts[part] = value ?? NEUTRAL;
    if (value === null) continue;
    weighted += value * FIT_WEIGHTS[part];
    weights += FIT_WEIGHTS[part];
  }
  const score = weights === 0 ? NEUTRAL : Math.round((weighted / weights) * 1000) / 1000;

  const w = fitWords[audience];
  const why: string[] = [];
  if (expertise.hits.length > 0) why.push(w.knows(expertise.hits.join(', ')));
  else if (expertise.score === 0) why.push(w.expertiseMiss);
  if (overlap !== null) {
    const hours = Math.round(overlap / 60);
    why.push(overlap === 0 ? w.noOverlap : w.overlap(hours));
  }
  for (const [part, wanted, offered] of [
    ['style', needs.style, guide.style],
    ['structure', needs.structure, guide.structure],
    ['approach', needs.approach, guide.approach],
  ] as const) {
    const match = raw[part];
    if (match === 1 && wanted && wanted !== 'blend') why.push(w.offers(styleWords[offered] ?? offered));
    if (match === 0 && wanted) why.push(w.leans(styleWords[offered] ?? offered));
  }
  if (formats.hits.length > 0) why.push(`Meets by ${formats.hits.join(' or ')}.`);
  else if (formats.score === 0) why.push(w.formatMiss);
  if (languages.hits.length > 0) why.push(`Speaks ${languages.hits.join(', ')}.`);
  else if (languages.score === 0) why.push(w.languageMiss);
  if (seniority === 1 && needs.seniority) why.push(w.seniority(needs.seniority));
  if (raw.responsiveness !== null && guide.replies) why.push(replyWords(guide.replies, audience));
  if (why.length === 0) why.push(w.nothing);
  return { score, why, parts, overlapMinutesPerWeek: overlap };
};
