import { countQuestions, firstMatch, questionSentences, words } from '../asks/text-signals';
import { FEEDBACK_MAX_QUESTIONS, FEEDBACK_QUESTION_MAX_WORDS } from '../settings/feedback';

export type FeedbackQuestionIssueCode =
  | 'vague'
  | 'no-specific-moment'
  | 'several-questions'
  | 'leading'
  | 'about-facts-not-impression'
  | 'too-long'
  | 'no-question';

export type FeedbackQuestionIssue = { code: FeedbackQuestionIssueCode; message: string; suggestion: string };

export type FeedbackQuestionCheck = {
  ok: boolean;
  issues: FeedbackQuestionIssue[];
  questionCount: number;
  wordCount: number;
};

const vaguePatterns = [
  /\bany (feedback|thoughts|comments|notes|input|tips)\b/i,
  /\bhow am i doing\b/i,
  /\bhow did i do\b/i,
  /\bhow did (it|that) go\b/i,
  /\bhow was (it|that|my [\w\s'-]+)\?$/i,
  /\bwhat do you think (of|about) me\b/i,
  /\bhow('s| is) my (performance|work)\b/i,
  /\bwhat (can|could|should) i (improve|do better|work on|change)\b/i,
  /\banything i should (improve|work on|change|know)\b/i,
  /^(thoughts|feedback)\?$/i,
  /\bgive me (some )?feedback\b/i,
];

const momentPatterns = [
  /\b(meeting|review|presentation|demo|stand-?up|1:1|one-on-one|1-on-1|call|workshop|session|interview|retro|retrospective|planning|kick-?off|pitch|talk|offsite|all-hands|town hall|sync|discussion|conversation|negotiation|critique|readout|update|email|message|debate|escalation|launch|qbr|board|standup|huddle|brainstorm|lunch)\b/i,
  /\b(yesterday|today|tonight|this morning|this afternoon|earlier|last night)\b/i,
  /\b(last|this) (week|month|sprint|quarter)\b/i,
  /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)('s)?\b/i,
  /\bwhen (i|you|the|our|my) \w+/i,
];

const leadingPatterns = [
  /\b(don't|didn't|wasn't|weren't|isn't|aren't|wouldn't|shouldn't|doesn't|haven't) (you|it|that|they|we)\b/i,
  /,? right\?$/i,
  /\byou (agree|think so too)\b/i,
  /\bi was (great|amazing|awesome|fantastic|brilliant|perfect|excellent)\b/i,
  /\bi (nailed|crushed|killed) it\b/i,
  /\bsurely\b/i,
  /\bhow (great|well|amazing) (was|did) i\b/i,
];

// Words about how someone came across or made others feel, as opposed to what they did.
const impressionPatterns = [
  /\b(come|came|coming|comes) (across|off)\b/i,
  /\b(seem|seemed|seems|sound|sounded|sounds|appear|appeared|appears|look|looked|looks)\b/i,
  /\b(feel|felt|feeling|perceive|perceived|impression|tone|presence|land|landed|read as)\b/i,
  /\b(made|make|makes) (you|them|people|others|the team|the room|everyone)\b/i,
  /\b(confident|defensive|nervous|dismissive|engaged|disengaged|open|curious|arrogant|calm|rushed|credible|patient|impatient|condescending|approachable|convincing|heard|listened|respected|authentic|anxious|hesitant|aggressive|warm|cold|sharp|harsh)\b/i,
];

/**
 * A mirror question works when it asks one person about one real moment and how you came across in it.
 * Vague, leading or factual questions get polite answers that teach nothing.
 */
export const checkFeedbackQuestion = (text: string): FeedbackQuestionCheck => {
  const wordCount = words(text).length;
  const questionCount = countQuestions(text);
  const asked = questionSentences(text).join(' ');
  const issues: FeedbackQuestionIssue[] = [];

  const vague = firstMatch(text, vaguePatterns);
  if (vague !== null) {
    issues.push({
      code: 'vague',
      message: `"${vague}" leaves them guessing what you want to know, so the answer will be polite and general.`,
      suggestion:
        'Pick one moment and one way you might have come across, e.g. "In this morning\'s planning, did I sound open to other ideas, or set on mine?"',
    });
  }
  if (firstMatch(text, momentPatterns) === null) {
    issues.push({
      code: 'no-specific-moment',
      message: 'There is no particular moment for them to recall, so you will get a general impression.',
      suggestion: 'Anchor it to a recent meeting or conversation they saw, e.g. "In yesterday\'s standup, …"',
    });
  }
  if (questionCount > FEEDBACK_MAX_QUESTIONS) {
    issues.push({
      code: 'several-questions',
      message: `This asks ${questionCount} questions; people answering on the go reply to the easiest one.`,
      suggestion: 'Keep the question that matters most for your goal and send another request later.',
    });
  }
  const leading = firstMatch(asked, leadingPatterns) !== null;
  if (leading) {
    issues.push({
      code: 'leading',
      message: 'The wording hints at the answer you hope for, which makes an honest answer awkward.',
      suggestion: 'Offer two real possibilities and let them choose, or ask openly how you came across.',
    });
  }
  // A vague or leading question is rewritten anyway; flagging its missing impression word only adds noise.
  if (questionCount > 0 && vague === null && !leading && firstMatch(asked, impressionPatterns) === null) {
    issues.push({
      code: 'about-facts-not-impression',
      message:
        'This asks what happened, which you can check yourself; an outside view helps most with how you came across.',
      suggestion: 'Ask about the impression you left: did you seem …, how did it feel for them when you …?',
    });
  }
  if (wordCount > FEEDBACK_QUESTION_MAX_WORDS) {
    issues.push({
      code: 'too-long',
      message: `At ${wordCount} words the question is hard to hold in mind while answering.`,
      suggestion: `Keep it to one sentence of under ${FEEDBACK_QUESTION_MAX_WORDS} words.`,
    });
  }
  if (questionCount === 0 && vague === null) {
    issues.push({
      code: 'no-question',
      message: 'There is no question here for them to answer.',
      suggestion: 'Turn it into one question about one moment and how you came across in it.',
    });
  }
  return { ok: issues.length === 0, issues, questionCount, wordCount };
};
