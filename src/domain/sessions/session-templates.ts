// The goal-setting patterns are owned by the goals domain; the first session only offers them.
import { goalPatterns } from '../goals/goal-patterns';

export type SessionTemplateKind = 'first' | 'regular' | 'last';

export type TemplateSection = {
  id: string;
  title: string;
  /** Why this part of the session exists, shown to both people. */
  purpose: string;
  prompts: string[];
};

export type SessionTemplate = {
  kind: SessionTemplateKind;
  title: string;
  summary: string;
  sections: TemplateSection[];
};

const nextStepSection: TemplateSection = {
  id: 'next-step',
  title: 'Next step',
  purpose: 'Real change happens between sessions; leave with at least one step.',
  prompts: [
    'What is one step before we meet again: something to do, or a question to think through?',
    'When will it happen, and how will we both know?',
  ],
};

export const sessionTemplates: Record<SessionTemplateKind, SessionTemplate> = {
  first: {
    kind: 'first',
    title: 'First session',
    summary: 'Get to know each other, agree what the sessions are for, and how you will work together.',
    sections: [
      {
        id: 'introductions',
        title: 'Introductions',
        purpose:
          'Trust starts with knowing each other as people, not only as job titles. Take your time here.',
        prompts: [
          'Walk through your path so far: roles, turning points, the parts of the work you enjoy most.',
          'Share something from outside work as well: a habit, a passion, what a good weekend looks like.',
          'Why this relationship, and why now?',
        ],
      },
      {
        id: 'goals',
        title: 'Goals',
        purpose: 'Without a direction the sessions drift. Pick the goal-setting pattern that fits.',
        prompts: [
          ...goalPatterns.map((pattern) => `${pattern.title}: ${pattern.description}`),
          'If this works, what will be visibly different at the end?',
          'How will you notice progress along the way, in your own terms?',
        ],
      },
      {
        id: 'commitments',
        title: 'Mutual commitments',
        purpose: 'Say out loud what each of you promises, so expectations match on both sides.',
        prompts: [
          'How often and how long do we meet, and how do we move a session when something comes up?',
          'What does each of us prepare before a session?',
          'How quickly do we reply between sessions, and where?',
          'What stays between us, and is anything off limits?',
        ],
      },
      nextStepSection,
    ],
  },
  regular: {
    kind: 'regular',
    title: 'Regular session',
    summary: 'The member brings the topic: a real situation from the last days, not a hypothetical one.',
    sections: [
      {
        id: 'since-last-time',
        title: 'Since last time',
        purpose: 'Learning comes from looking at what happened with the last step, whether it worked or not.',
        prompts: ['What happened with your last step, and what did it teach you?'],
      },
      {
        id: 'topic',
        title: "Today's topic",
        purpose:
          'Work on a real, recent situation. When the talk turns theoretical, bring it back to a concrete case.',
        prompts: [
          'What happened, when, and who was involved?',
          'What did you do, and what was going on in your head at the time?',
          'What would make this session worth your time?',
        ],
      },
      {
        id: 'explore',
        title: 'Explore',
        purpose: 'Find your own answer; opinions and stories are input, not instructions.',
        prompts: [
          'Which options do you see? And what else?',
          'What makes this hard for you personally?',
          'What would you try if you were sure it could not go badly?',
        ],
      },
      nextStepSection,
    ],
  },
  last: {
    kind: 'last',
    title: 'Last session',
    summary: 'Plan it as carefully as the first: look back, learn from it, and look ahead.',
    sections: [
      {
        id: 'key-takeaways',
        title: 'Key takeaways',
        purpose: 'Name what you are taking with you before it fades.',
        prompts: [
          'Looking over all our sessions, which two or three things will you keep?',
          'Which goals were met, partly met or not met, and why?',
        ],
      },
      {
        id: 'retrospective',
        title: 'Retrospective',
        purpose: 'Both of you can learn from how you worked together.',
        prompts: [
          'What worked well in the way we worked together?',
          'What would each of us do differently next time?',
          'Where did the guidance help you think, and where did it steer too much?',
        ],
      },
      {
        id: 'whats-next',
        title: "What's next",
        purpose: 'Finish with a direction for the time after, which the member will take on alone.',
        prompts: [
          'Where would you like to grow next?',
          'Who else could help you with it?',
          'How, if at all, do we stay in touch?',
        ],
      },
    ],
  },
};

export type CarryOver = {
  openActions: { id: string; title: string }[];
  pinnedJournalNotes: { id: string; text: string }[];
  unansweredQuestions: { id: string; text: string }[];
};

export type AgendaItemSource = 'open-action' | 'unanswered-question' | 'journal-note' | 'template';

export type AgendaItem = {
  /** Stable within one agenda, e.g. "open-action:a1" or "template:goals". */
  key: string;
  source: AgendaItemSource;
  /** The record this item came from; null for template sections. */
  sourceId: string | null;
  title: string;
  prompts: string[];
};

const carried = <T extends { id: string }>(
  items: T[],
  source: Exclude<AgendaItemSource, 'template'>,
  text: (item: T) => string,
  prompts: string[],
): AgendaItem[] => {
  const seen = new Set<string>();
  return items.flatMap((item) => {
    const title = text(item).trim();
    if (title === '' || seen.has(item.id)) return [];
    seen.add(item.id);
    return [{ key: `${source}:${item.id}`, source, sourceId: item.id, title, prompts }];
  });
};

/**
 * Nothing agreed is forgotten between sessions: what is still open comes first, then the template.
 * Actions lead because an unfinished step is the most concrete place to start.
 */
export const buildAgenda = ({
  template,
  carryOver,
}: {
  template: SessionTemplateKind | SessionTemplate;
  carryOver: CarryOver;
}): AgendaItem[] => {
  const chosen = typeof template === 'string' ? sessionTemplates[template] : template;
  return [
    ...carried(carryOver.openActions, 'open-action', (a) => a.title, [
      'Done, still under way, or time to agree on a smaller version?',
    ]),
    ...carried(carryOver.unansweredQuestions, 'unanswered-question', (q) => q.text, [
      'Can we answer it now, or who will find out by next time?',
    ]),
    ...carried(carryOver.pinnedJournalNotes, 'journal-note', (n) => n.text, [
      'What did you notice, and what do you want to do with it?',
    ]),
    ...chosen.sections.map((section) => ({
      key: `template:${section.id}`,
      source: 'template' as const,
      sourceId: null,
      title: section.title,
      prompts: section.prompts,
    })),
  ];
};
