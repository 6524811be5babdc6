// The kinds of skill a goal can be about. The category changes how the skill is learned, so Corner offers
// different tools for each: artifacts for IQ, outside mirrors for EQ, coaching for internal work.

export const skillCategoryValues = ['iq', 'eq', 'internal'] as const;

export type SkillCategory = (typeof skillCategoryValues)[number];

export type SkillCategoryInfo = {
  id: SkillCategory;
  label: string;
  /** What the category covers, in one sentence. */
  meaning: string;
  /** How people usually learn skills of this kind, and so what to use in Corner. */
  howToLearn: string;
  examples: readonly string[];
};

export const skillCategories: Readonly<Record<SkillCategory, SkillCategoryInfo>> = {
  iq: {
    id: 'iq',
    label: 'IQ: the craft',
    meaning:
      'The thinking side of the job: execution, strategy, product sense, the analysis behind a decision.',
    howToLearn:
      'Usually learned within a few months by studying great examples and frameworks: take apart the best strategy doc or launch plan you can find, list the questions it answers, and reuse them on your own work.',
    examples: [
      'Product strategy',
      'Execution and delivery',
      'Product sense',
      'Pricing',
      'Growth experiments',
    ],
  },
  eq: {
    id: 'eq',
    label: 'EQ: working with people',
    meaning: 'How you work with and through others: communication, leadership, management, influence.',
    howToLearn:
      'Slow muscle-building that is personal to you. You cannot see your own blind spots, so you need outside mirrors: ask specific people specific questions about how you came across, and thank them even when it stings.',
    examples: [
      'Executive presence',
      'Influencing without authority',
      'Managing a team',
      'Giving hard feedback',
    ],
  },
  internal: {
    id: 'internal',
    label: 'Internal work',
    meaning:
      'Who you are as you lead: your values, inner critic, limiting beliefs and the way you make sense of a bigger role.',
    howToLearn:
      'Worked on with a coach over months, through questions rather than advice, and between sessions with reflection and a journal: noticing reactions, asking what belief drives them, trying a different response.',
    examples: [
      'Values and what matters to me',
      'Quieting the inner critic',
      'Limiting beliefs',
      'Growing into a bigger role',
      'Leading in my own way',
    ],
  },
};
