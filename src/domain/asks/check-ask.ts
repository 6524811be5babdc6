import {
  ABOUT_ME_MIN_FIRST_PERSON_WORDS,
  ABOUT_ME_RATIO,
  ANSWER_SECONDS_PER_QUESTION,
  ASK_MAX_QUESTIONS,
  ASK_MAX_SECONDS_TO_ANSWER,
  ASK_MAX_WORDS,
  HOOK_MIN_WORD_LENGTH,
  MEETING_REQUEST_SECONDS,
  MENTOR_REQUEST_SECONDS,
  READING_WORDS_PER_MINUTE,
  VAGUE_QUESTION_EXTRA_SECONDS,
} from '../settings/asks';
import { countQuestions, firstMatch, personCounts, questionSentences, words } from './text-signals';

export type AskIssueCode =
  | 'too-long'
  | 'several-questions'
  | 'coffee-request'
  | 'mentor-request'
  | 'no-specific-hook'
  | 'no-question'
  | 'vague-question'
  | 'about-me-not-them';

export type AskIssue = { code: AskIssueCode; message: string; suggestion: string };

export type AskCheck = {
  ok: boolean;
  issues: AskIssue[];
  estimatedSecondsToAnswer: number;
  questionCount: number;
};

const SECONDS_PER_MINUTE = 60;

const coffeePatterns = [
  /\b(grab|get|have|buy you)( a| some)? (coffee|lunch|drink|beer|tea|breakfast)\b/i,
  /\b(virtual )?coffee (chat|meeting)\b/i,
  /\b(a|for|up for|over) (virtual |quick )?coffee\b/i,
  /\bpick your brains?\b/i,
  /\b(hop|jump|get) on a (quick |short |brief )?(call|zoom|chat|meet)\b/i,
  /\b(quick|short|brief|\d+[- ]?min(ute)?s?) (call|chat|zoom|meeting|catch-?up|video call)\b/i,
  /\b(set up|schedule|book|find) (a )?(call|meeting|time to (talk|chat|meet))\b/i,
  /\bmeet (up|for|in person)\b/i,
  /\bchat (sometime|soon|over)\b/i,
  /\b(spare|give me|have) (\d+|a few|some|fifteen|twenty|thirty) (minutes|mins)\b/i,
];

const mentorPatterns = [
  /\b(be|become) my (mentor|coach|advisor|adviser|sponsor)\b/i,
  /\bmentor(ing)? me\b/i,
  /\b(would|could|will) you (consider |be open to )?(mentor|coach)(ing)?\b/i,
  /\b(ongoing|regular|monthly|weekly) (mentorship|mentoring|calls|meetings|sessions|check-?ins)\b/i,
  /\bunder your wing\b/i,
  /\b(looking for|seeking) (a )?(mentor|mentorship)\b/i,
];

const hookPatterns = [
  /\byour (recent |latest |great |excellent )?(talk|article|post|essay|book|newsletter|podcast|episode|thread|paper|keynote|framework|model|tweet|piece|blog|video|course|presentation|interview|slides|deck|study|research|case study|write-?up|experiment|teardown|memo)\b/i,
  /\byou (wrote|said|mentioned|described|shared|argued|showed|explained|published|presented|suggested|called)\b/i,
  /\b(read|heard|watched|saw|listened to) (your|you)\b/i,
];

const vaguePatterns = [
  /\b(get|become|be) better at\b/i,
  /\bany (advice|tips|thoughts|pointers|recommendations|suggestions|guidance)\b/i,
  /\bwhat (advice|tips) (do|would|could) you\b/i,
  /\bwhat should i do\b/i,
  /\bhow (do|can|should) (i|one) (break into|get into|become|learn|improve|grow)\b/i,
  /\b(your )?career (path|journey|story)\b/i,
  /\bhow did you get (to )?where you are\b/i,
  /\bwhat do you think (about|of) (product|pm|product management|my career|my profile)\b/i,
  /\blearn (growth|strategy|product|pm|product management|leadership)\b/i,
  /\beverything you know\b/i,
  /\bhow to succeed\b/i,
];

const stopwords = new Set([
  'your',
  'their',
  'about',
  'with',
  'from',
  'that',
  'this',
  'talk',
  'article',
  'post',
]);

/** Whether the ask mentions the hook the member recorded, allowing for plurals and endings. */
const mentionsHook = (text: string, hook: string): boolean => {
  const stems = words(hook)
    .map((word) => word.toLowerCase())
    .filter((word) => word.length >= HOOK_MIN_WORD_LENGTH && !stopwords.has(word))
    .map((word) => word.slice(0, Math.max(HOOK_MIN_WORD_LENGTH, word.length - 2)));
  if (stems.length === 0) return true;
  const present = words(text).map((word) => word.toLowerCase());
  return stems.some((stem) => present.some((word) => word.startsWith(stem)));
};

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * Checks a first message to an expert against the smallest-ask idea: short, about their work, and one
 * concrete question they can answer in a couple of minutes — not a meeting, not a mentorship.
 */
export const checkAsk = (text: string, context?: { hook?: string }): AskCheck => {
  const wordCount = words(text).length;
  const questionCount = countQuestions(text);
  const issues: AskIssue[] = [];

  const coffee = firstMatch(text, coffeePatterns);
  const mentor = firstMatch(text, mentorPatterns);
  const vague = questionSentences(text).some((sentence) => firstMatch(sentence, vaguePatterns) !== null);

  if (wordCount > ASK_MAX_WORDS) {
    issues.push({
      code: 'too-long',
      message: `At ${wordCount} words this takes a while just to read; busy people answer short notes first.`,
      suggestion: `Keep it under ${ASK_MAX_WORDS} words: where you came across their work, what struck you, and one question.`,
    });
  }
  if (questionCount > ASK_MAX_QUESTIONS) {
    issues.push({
      code: 'several-questions',
      message: `This asks ${questionCount} questions. Every extra one makes a quick reply less likely.`,
      suggestion: 'Keep the one you most want answered; the others can follow once they reply.',
    });
  }
  if (coffee !== null) {
    issues.push({
      code: 'coffee-request',
      message: `"${coffee}" asks a stranger for half an hour or more of their time.`,
      suggestion:
        'Ask one question they can answer in a reply. A call can come later, once they have seen you put their advice to use.',
    });
  }
  if (mentor !== null) {
    issues.push({
      code: 'mentor-request',
      message: `"${mentor}" asks for an open-ended commitment before they know you.`,
      suggestion:
        'Start with one small, specific question. Relationships grow out of useful exchanges, not out of a title.',
    });
  }
  const hook = context?.hook?.trim() ?? '';
  if (hook !== '' ? !mentionsHook(text, hook) : firstMatch(text, hookPatterns) === null) {
    issues.push({
      code: 'no-specific-hook',
      message:
        hook !== ''
          ? `You noted "${hook}" as the reason to write to them, but the message does not mention it.`
          : 'Nothing here shows you know their work, so it reads like a message sent to many people.',
      suggestion:
        'Open with the talk, article or framework of theirs that prompted you, and the point in it that caught your attention.',
    });
  }
  if (questionCount === 0 && coffee === null && mentor === null) {
    issues.push({
      code: 'no-question',
      message: 'There is no question in it, so there is nothing to reply to.',
      suggestion: 'End with one concrete question they could answer in a line or two.',
    });
  }
  if (vague) {
    issues.push({
      code: 'vague-question',
      message: 'The question is too broad to answer quickly; a good answer would take an essay.',
      suggestion:
        'Narrow it to one idea of theirs and one situation, e.g. "Which company do you think applies that idea best?"',
    });
  }
  const person = personCounts(text);
  if (person.first >= ABOUT_ME_MIN_FIRST_PERSON_WORDS && person.first > ABOUT_ME_RATIO * person.second) {
    issues.push({
      code: 'about-me-not-them',
      message: 'Most of the message is about you, while the reader is looking for why you wrote to them.',
      suggestion: 'Keep one line about yourself and spend the rest on their work and your question.',
    });
  }

  const estimatedSecondsToAnswer = Math.round(
    (wordCount / READING_WORDS_PER_MINUTE) * SECONDS_PER_MINUTE +
      questionCount * ANSWER_SECONDS_PER_QUESTION +
      (vague ? VAGUE_QUESTION_EXTRA_SECONDS : 0) +
      (coffee !== null ? MEETING_REQUEST_SECONDS : 0) +
      (mentor !== null ? MENTOR_REQUEST_SECONDS : 0),
  );
  // The estimate and the issues must agree: an ask over the limit always says why.
  if (estimatedSecondsToAnswer > ASK_MAX_SECONDS_TO_ANSWER && issues.length === 0) {
    issues.push({
      code: 'too-long',
      message: `Answering would take about ${plural(Math.ceil(estimatedSecondsToAnswer / SECONDS_PER_MINUTE), 'minute')}.`,
      suggestion: `Trim it until a reply takes under ${Math.round(ASK_MAX_SECONDS_TO_ANSWER / SECONDS_PER_MINUTE)} minutes.`,
    });
  }
  return { ok: issues.length === 0, issues, estimatedSecondsToAnswer, questionCount };
};
