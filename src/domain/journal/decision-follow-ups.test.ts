import { describe, expect, it } from 'vitest';
import { dueDecisionFollowUps, nextDecisionFollowUp } from './decision-follow-ups';

const createdAt = '2025-01-10T09:00:00Z';

describe('dueDecisionFollowUps', () => {
  it.each<{ name: string; now: string; answered: number[]; due: number[] }>([
    { name: 'the day after the decision', now: '2025-01-11T09:00:00Z', answered: [], due: [] },
    { name: 'one hour before 30 days', now: '2025-02-09T08:00:00Z', answered: [], due: [] },
    { name: 'exactly 30 days later', now: '2025-02-09T09:00:00Z', answered: [], due: [30] },
    { name: '45 days later, not yet answered', now: '2025-02-24T09:00:00Z', answered: [], due: [30] },
    { name: '45 days later, answered', now: '2025-02-24T09:00:00Z', answered: [30], due: [] },
    { name: '90 days later, 30 answered', now: '2025-04-10T09:00:00Z', answered: [30], due: [90] },
    {
      name: '90 days later, 30 never answered: only the later question',
      now: '2025-04-10T09:00:00Z',
      answered: [],
      due: [90],
    },
    { name: 'a year later, all answered', now: '2026-01-10T09:00:00Z', answered: [30, 90], due: [] },
    {
      name: 'a year later, 90 answered but 30 skipped',
      now: '2026-01-10T09:00:00Z',
      answered: [90],
      due: [],
    },
  ])('$name → $due', ({ now, answered, due }) => {
    expect(dueDecisionFollowUps({ createdAt, answered, now }).map((f) => f.afterDays)).toEqual(due);
  });

  it('gives the due instant and a question that names the time passed', () => {
    const [followUp] = dueDecisionFollowUps({ createdAt, answered: [], now: '2025-02-10T00:00:00Z' });
    expect(followUp?.dueAt).toBe('2025-02-09T09:00:00Z');
    expect(followUp?.question).toMatch(/^30 days/);
    expect(followUp?.question).toMatch(/what you expected/);
  });

  it('follows custom follow-up days, in any order', () => {
    const due = dueDecisionFollowUps({
      createdAt,
      answered: [7],
      now: '2025-01-25T09:00:00Z',
      followUpDays: [14, 7],
    });
    expect(due.map((f) => f.afterDays)).toEqual([14]);
  });
});

describe('nextDecisionFollowUp', () => {
  it.each<{ name: string; now: string; answered: number[]; next: number | null }>([
    { name: 'right after deciding', now: '2025-01-10T10:00:00Z', answered: [], next: 30 },
    { name: 'after the first answer', now: '2025-02-12T09:00:00Z', answered: [30], next: 90 },
    { name: 'while the first is due and open', now: '2025-02-12T09:00:00Z', answered: [], next: 90 },
    { name: 'after the last is due', now: '2025-06-01T09:00:00Z', answered: [], next: null },
  ])('$name → $next', ({ now, answered, next }) => {
    expect(nextDecisionFollowUp({ createdAt, answered, now })?.afterDays ?? null).toBe(next);
  });
});
