import { MID_TERM_GOALS_AGREED_WITHIN_WEEKS } from '../settings/goals';

// Three ways to set goals in a first session. Not everyone arrives with a big goal, and that is fine: the
// pattern decides what the sessions are built around.

export const goalPatternValues = ['career-steps', 'mid-term-work-goals', 'day-to-day-challenges'] as const;

export type GoalPatternId = (typeof goalPatternValues)[number];

export type GoalPattern = {
  id: GoalPatternId;
  title: string;
  /** When the pattern fits and how the sessions then run. */
  description: string;
  /** A goal the UI can prefill and the member then rewrites in their own words; it passes the goal checker. */
  starter: string;
  /** What the pattern turns the goal into: session-sized steps, a short list, or discussion items. */
  starterItems: readonly string[];
};

const weeks = (count: number) => (count === 1 ? 'week' : `${count} weeks`);

export const goalPatterns: readonly GoalPattern[] = [
  {
    id: 'career-steps',
    title: 'A career goal, broken into steps',
    description:
      'You have a career move in mind for the coming year. Split it into small pieces you can act on, one or two per session, so every conversation moves you a step closer.',
    starter: 'Get promoted from product manager to group product manager within 12 months',
    starterItems: [
      'Agree with my manager what a group PM does here that I do not do yet',
      'Take over planning for a second team for one quarter',
      'Coach one junior PM through their first launch',
      'Present the combined roadmap to leadership',
    ],
  },
  {
    id: 'mid-term-work-goals',
    title: 'A short list of work goals',
    description: `You have specific things to achieve at work in the next months. Agree a short list in the first ${weeks(MID_TERM_GOALS_AGREED_WITHIN_WEEKS)}, then take one item per session and turn it into action.`,
    starter:
      'Get the pricing change approved and launched, with a customer council of five key accounts, within 4 months',
    starterItems: [
      'Set up a monthly customer council with five key accounts',
      'Introduce a lightweight decision log for the product trio',
      'Get the pricing change approved and launched',
    ],
  },
  {
    id: 'day-to-day-challenges',
    title: 'No big goal: today’s challenges',
    description:
      'You mainly want help with what comes up week to week. Bring real, recent situations rather than theory, and turn each into a discussion item for the next session.',
    starter:
      'Work through 12 real challenges from my week, one per session, and agree a next step for each within the next 3 months',
    starterItems: [
      'Engineering pushed back on the estimate for the onboarding work; how do I respond?',
      'My manager keeps adding priorities mid-sprint',
      'A stakeholder went around me to my team',
    ],
  },
];
