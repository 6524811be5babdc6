// Small text measurements shared by the ask and feedback-question checkers. Heuristics, tuned on the
// tables in the tests: they catch the common shapes of a poor message, not every possible sentence.

const normalize = (text: string): string =>
  text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

export const words = (text: string): string[] => normalize(text).match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? [];

/** Sentences, each with its closing punctuation; a line break ends a sentence too. */
export const sentences = (text: string): string[] =>
  text
    .replace(/[\u2018\u2019]/g, "'")
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
    .filter((sentence) => sentence !== '');

// A request phrased as a statement still asks for an answer.
const indirectQuestion =
  /^(could|would|can|will|do|did|are|have|might) you\b|^is there\b|^are there\b|\bi(?: was| am|'m) (wondering|curious)\b|\bi'?d (love|like) to (know|hear|understand)\b|\bi would (love|like) to (know|hear|understand)\b|^would love to (know|hear)\b|\b(please )?let me know (what|how|which|whether|if)\b/i;

// A second question hiding in the same sentence: "How do you plan, and what do you measure?"
const joinedQuestion =
  /\b(?:and|also|plus)\s+(?:what|how|why|when|where|which|who|whether|do you|did you|would you|could you|can you|is there|are there|did i|was i|do i)\b/gi;

export const questionSentences = (text: string): string[] => {
  const found: string[] = [];
  for (const sentence of sentences(text)) {
    const asks = sentence.endsWith('?') || indirectQuestion.test(sentence);
    if (!asks) continue;
    // "Did I seem calm? Or nervous?" is one question offering two answers.
    if (/^or\b/i.test(sentence) && found.length > 0) {
      found[found.length - 1] = `${found.at(-1) ?? ''} ${sentence}`;
      continue;
    }
    found.push(sentence);
  }
  return found;
};

export const countQuestions = (text: string): number =>
  questionSentences(text).reduce(
    // A leading "And how ...?" opens a question of its own; only a join inside the sentence adds one.
    (count, sentence) =>
      count + 1 + (sentence.replace(/^(and|also|plus)\b,?/i, '').match(joinedQuestion)?.length ?? 0),
    0,
  );

const firstPerson = new Set(['i', "i'm", "i've", "i'd", "i'll", 'me', 'my', 'mine', 'myself']);
const secondPerson = new Set(['you', 'your', 'yours', "you're", "you've", "you'd", "you'll", 'yourself']);

export const personCounts = (text: string): { first: number; second: number } => {
  const lower = words(text).map((word) => word.toLowerCase());
  return {
    first: lower.filter((word) => firstPerson.has(word)).length,
    second: lower.filter((word) => secondPerson.has(word)).length,
  };
};

export const firstMatch = (text: string, patterns: RegExp[]): string | null => {
  for (const pattern of patterns) {
    const match = normalize(text).match(pattern);
    if (match) return match[0];
  }
  return null;
};
