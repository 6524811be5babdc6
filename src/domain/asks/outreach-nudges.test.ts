import { describe, expect, it } from 'vitest';
import { type OutreachNudgeCode, type OutreachState, outreachNudges } from './outreach-nudges';

const now = new Date('2026-11-21T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

describe('outreachNudges', () => {
  it.each<{ name: string; state: Omit<OutreachState, 'now'>; expected: OutreachNudgeCode[] }>([
    { name: 'a fresh draft', state: { stage: 'drafted', stageDates: {}, offeredBack: '' }, expected: [] },
    {
      name: 'sent, waiting',
      state: { stage: 'sent', stageDates: { sent: daysAgo(10) }, offeredBack: '' },
      expected: [],
    },
    {
      name: 'replied yesterday',
      state: { stage: 'replied', stageDates: { replied: daysAgo(1) }, offeredBack: '' },
      expected: ['offer-something-back'],
    },
    {
      name: 'replied long ago, advice not applied',
      state: { stage: 'replied', stageDates: { replied: daysAgo(8) }, offeredBack: 'sent a link' },
      expected: ['apply-the-advice'],
    },
    {
      name: 'applied without circling back',
      state: { stage: 'applied', stageDates: { applied: daysAgo(4) }, offeredBack: 'an intro' },
      expected: ['circle-back'],
    },
    {
      name: 'circled back, never offered anything',
      state: { stage: 'circled-back', stageDates: {}, offeredBack: '  ' },
      expected: ['offer-something-back', 'escalate'],
    },
    {
      name: 'recurring and generous',
      state: { stage: 'recurring', stageDates: {}, offeredBack: 'feedback' },
      expected: [],
    },
  ])('$name', ({ state, expected }) => {
    expect(outreachNudges({ ...state, now }).map((nudge) => nudge.code)).toEqual(expected);
  });
});
