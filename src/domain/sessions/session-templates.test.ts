import { describe, expect, it } from 'vitest';
import { goalPatterns } from '../goals/goal-patterns';
import { buildAgenda, type CarryOver, sessionTemplates } from './session-templates';

const noCarryOver: CarryOver = { openActions: [], pinnedJournalNotes: [], unansweredQuestions: [] };

describe('session templates', () => {
  it.each([
    { kind: 'first' as const, sections: ['introductions', 'goals', 'commitments', 'next-step'] },
    { kind: 'regular' as const, sections: ['since-last-time', 'topic', 'explore', 'next-step'] },
    { kind: 'last' as const, sections: ['key-takeaways', 'retrospective', 'whats-next'] },
  ])('the $kind session covers $sections', ({ kind, sections }) => {
    const template = sessionTemplates[kind];
    expect(template.kind).toBe(kind);
    expect(template.sections.map((s) => s.id)).toEqual(sections);
    for (const section of template.sections) expect(section.prompts.length).toBeGreaterThan(0);
  });

  it('asks for something personal in the introductions', () => {
    const intro = sessionTemplates.first.sections.find((s) => s.id === 'introductions');
    expect(intro?.prompts.some((p) => /outside work/i.test(p))).toBe(true);
  });

  it('offers every goal-setting pattern in the first session', () => {
    const goals = sessionTemplates.first.sections.find((s) => s.id === 'goals');
    for (const pattern of goalPatterns) {
      expect(goals?.prompts.some((p) => p.startsWith(pattern.title))).toBe(true);
    }
  });

  it('steers regular sessions towards a real, recent situation', () => {
    const topic = sessionTemplates.regular.sections.find((s) => s.id === 'topic');
    expect(topic?.purpose).toMatch(/real, recent/);
  });
});

describe('buildAgenda', () => {
  it.each([
    {
      name: 'a regular session with nothing carried over',
      template: 'regular' as const,
      carryOver: noCarryOver,
      keys: ['template:since-last-time', 'template:topic', 'template:explore', 'template:next-step'],
    },
    {
      name: 'carry-over comes first: actions, questions, then pinned notes',
      template: 'regular' as const,
      carryOver: {
        openActions: [{ id: 'a1', title: 'Ask my manager about the reorg' }],
        pinnedJournalNotes: [{ id: 'j1', text: 'I go quiet when the VP pushes back' }],
        unansweredQuestions: [{ id: 'q1', text: 'Which pricing page is the best example?' }],
      },
      keys: [
        'open-action:a1',
        'unanswered-question:q1',
        'journal-note:j1',
        'template:since-last-time',
        'template:topic',
        'template:explore',
        'template:next-step',
      ],
    },
    {
      name: 'duplicates and blank entries are left out',
      template: 'last' as const,
      carryOver: {
        openActions: [
          { id: 'a1', title: 'Draft the vision doc' },
          { id: 'a1', title: 'Draft the vision doc' },
          { id: 'a2', title: '   ' },
        ],
        pinnedJournalNotes: [],
        unansweredQuestions: [{ id: 'q1', text: '' }],
      },
      keys: ['open-action:a1', 'template:key-takeaways', 'template:retrospective', 'template:whats-next'],
    },
  ])('$name', ({ template, carryOver, keys }) => {
    expect(buildAgenda({ template, carryOver }).map((item) => item.key)).toEqual(keys);
  });

  it('keeps the carried item text and links back to its record', () => {
    const [first] = buildAgenda({
      template: 'regular',
      carryOver: { ...noCarryOver, openActions: [{ id: 'a9', title: '  Share the launch email draft ' }] },
    });
    expect(first).toMatchObject({
      source: 'open-action',
      sourceId: 'a9',
      title: 'Share the launch email draft',
    });
    expect(first?.prompts.join(' ')).toMatch(/smaller/);
  });

  it('accepts a custom template', () => {
    const agenda = buildAgenda({
      template: {
        kind: 'regular',
        title: 'Pricing clinic',
        summary: 'One pricing question per session',
        sections: [
          { id: 'pricing', title: 'The pricing question', purpose: 'Focus', prompts: ['What changed?'] },
        ],
      },
      carryOver: noCarryOver,
    });
    expect(agenda).toEqual([
      {
        key: 'template:pricing',
        source: 'template',
        sourceId: null,
        title: 'The pricing question',
        prompts: ['What changed?'],
      },
    ]);
  });
});
