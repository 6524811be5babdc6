import { PROMPTS_OFFERED_AT_ONCE } from '../settings/journal';

export type PromptTheme =
  | 'values'
  | 'fear'
  | 'belief'
  | 'reframe'
  | 'response'
  | 'purpose'
  | 'inner-voice'
  | 'pattern';

export type JournalPrompt = {
  id: string;
  theme: PromptTheme;
  text: string;
  /** A second question to go one level deeper once the first is answered. */
  deeper: string;
};

/** Questions to coach yourself with when a situation stirs something up. Our wording of the method. */
export const selfCoachingPrompts: JournalPrompt[] = [
  {
    id: 'what-matters',
    theme: 'values',
    text: 'Underneath this situation, what do I care about most?',
    deeper: 'If I could protect only one thing here, which would it be?',
  },
  {
    id: 'value-or-should',
    theme: 'values',
    text: 'Is this something I truly value, or something I feel I am supposed to value?',
    deeper: 'Whose voice is saying "should" here?',
  },
  {
    id: 'what-scares-me',
    theme: 'fear',
    text: 'What am I worried will happen?',
    deeper: 'If it did happen, what would I do next — and how bad would that really be?',
  },
  {
    id: 'belief-behind-it',
    theme: 'belief',
    text: 'Which belief about myself, or about how things work, is steering what I do?',
    deeper: 'Where did I pick that belief up, and does it still serve me?',
  },
  {
    id: 'flip-it',
    theme: 'reframe',
    text: 'Suppose the opposite of my assumption were true. What would change?',
    deeper: 'What evidence do I have for the opposite?',
  },
  {
    id: 'create-not-react',
    theme: 'response',
    text: 'What would I do if I acted from what I want to build, rather than from what I want to avoid?',
    deeper: 'What is the smallest version of that I could try this week?',
  },
  {
    id: 'on-purpose',
    theme: 'purpose',
    text: 'If I handled this from my sense of purpose, what would that look like?',
    deeper: 'Who would notice the difference, and how?',
  },
  {
    id: 'inner-critic',
    theme: 'inner-voice',
    text: 'What is my inner critic telling me right now?',
    deeper: 'What is that voice trying to protect me from?',
  },
  {
    id: 'seen-this-before',
    theme: 'pattern',
    text: 'Have I been in a situation like this before? What do they have in common?',
    deeper: 'What did I do last time, and would I do it again?',
  },
  {
    id: 'bring-to-session',
    theme: 'pattern',
    text: 'What did I notice this week that I want to explore in my next session?',
    deeper: 'What would I like to understand about it that I do not yet?',
  },
];

/** The three questions a decision entry asks when it is written. */
export const decisionEntryPrompts = [
  { id: 'decision', text: 'What are you deciding?' },
  { id: 'options', text: 'Which options did you weigh, including doing nothing?' },
  { id: 'expectation', text: 'What do you expect to happen, and by when would you know?' },
] as const;

/**
 * Offers prompts the person has not used lately, keeping the list's order so the set stays predictable.
 * When everything was used recently, the least recently used come back first.
 */
export const suggestPrompts = (
  recentlyUsedIds: string[],
  count: number = PROMPTS_OFFERED_AT_ONCE,
  prompts: JournalPrompt[] = selfCoachingPrompts,
): JournalPrompt[] => {
  const recent = new Set(recentlyUsedIds);
  const fresh = prompts.filter((prompt) => !recent.has(prompt.id));
  // recentlyUsedIds is newest first: reversing puts the longest unused at the front.
  const byAge = [...recentlyUsedIds]
    .reverse()
    .flatMap((id) => prompts.filter((prompt) => prompt.id === id))
    .filter((prompt, index, list) => list.indexOf(prompt) === index);
  return [...fresh, ...byAge].slice(0, Math.max(0, count));
};
