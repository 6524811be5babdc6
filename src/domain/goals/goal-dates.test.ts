import { describe, expect, it } from 'vitest';
import { findDateMentions, findDeadline, formatDeadline } from './goal-dates';

const today = '2025-01-15';

describe('findDeadline', () => {
  it.each([
    { title: 'Lift activation by 10% by June 30', date: '2025-06-30' },
    { title: 'Lift activation by 10% by June 30th', date: '2025-06-30' },
    { title: 'Lift activation by 10% by 30 June 2026', date: '2026-06-30' },
    { title: 'Lift activation by 10% by 2025-06-30', date: '2025-06-30' },
    { title: 'Lift activation by 10% by 6/30', date: '2025-06-30' },
    { title: 'Lift activation by 10% within six months', date: '2025-07-15' },
    { title: 'Lift activation by 10% in 3 months', date: '2025-04-15' },
    { title: 'Lift activation by 10% in the next 90 days', date: '2025-04-15' },
    { title: 'Lift activation by 10% within the next year', date: '2026-01-15' },
    { title: 'Lift activation by 10% next year', date: '2026-12-31' },
    { title: 'Lift activation by 10% in Q3', date: '2025-09-30' },
    { title: 'Lift activation by 10% by end of Q2 2026', date: '2026-06-30' },
    { title: "Lift activation by 10% in Q1 '26", date: '2026-03-31' },
    { title: 'Lift activation by 10% by H1', date: '2025-06-30' },
    { title: 'Lift activation by 10% by the end of next quarter', date: '2025-06-30' },
    { title: 'Lift activation by 10% this quarter', date: '2025-03-31' },
    { title: 'Lift activation by 10% by end of year', date: '2025-12-31' },
    { title: 'Lift activation by 10% by EOY', date: '2025-12-31' },
    { title: 'Lift activation by 10% by the end of 2026', date: '2026-12-31' },
    { title: 'Lift activation by 10% in 2026', date: '2026-12-31' },
    { title: 'Lift activation by 10% before 2026', date: '2025-12-31' },
    { title: 'Lift activation by 10% by March', date: '2025-03-31' },
    { title: 'Lift activation by 10% by mid-March', date: '2025-03-15' },
    { title: 'Lift activation by 10% before March', date: '2025-03-01' },
    { title: 'Lift activation by 10% by May', date: '2025-05-31' },
    { title: 'Lift activation by 10% by mid-May', date: '2025-05-15' },
    { title: 'Lift activation by 10% by September 2027', date: '2027-09-30' },
    { title: 'Lift activation by 10% by the end of this month', date: '2025-01-31' },
    { title: 'Lift activation by 10% by Friday', date: '2025-01-17' },
    { title: 'Run 3 experiments a week until June 30', date: '2025-06-30' },
  ])('reads "$title" as $date', ({ title, date }) => {
    expect(findDeadline(title, today)?.date).toBe(date);
  });

  it('looks forward from today: a month that has passed this year means next year', () => {
    expect(findDeadline('Ship pricing v2 by March 31', '2025-06-01')?.date).toBe('2026-03-31');
    expect(findDeadline('Ship pricing v2 in Q1', '2025-06-01')?.date).toBe('2026-03-31');
    expect(findDeadline('Ship pricing v2 in Q2', '2025-06-01')?.date).toBe('2025-06-30');
  });

  it.each([
    'Lift activation by 10%',
    'Run 3 experiments a week',
    'Reduce time-to-value from 7 days to 2 days',
    'Cut page load to under 2 seconds',
    'Sign 20 customers in the enterprise tier',
    'Hold a weekly 1:1 at 9am with each report',
    'Grow weekly active teams from 200 to 500',
    'I may need help with pricing',
  ])('finds no deadline in "%s"', (title) => {
    expect(findDeadline(title, today)).toBeNull();
  });

  it('reports where each date is written, in order, and uses the last as the deadline', () => {
    const title = 'From March 1, run the pricing test and ship the winner by June 30';
    expect(findDateMentions(title, today).map((m) => [m.text, m.date])).toEqual([
      ['March 1', '2025-03-01'],
      ['June 30', '2025-06-30'],
    ]);
    const deadline = findDeadline(title, today);
    expect(deadline && title.slice(deadline.index, deadline.index + deadline.text.length)).toBe('June 30');
  });
});

describe('formatDeadline', () => {
  it('writes a date the way people write deadlines, with the year only when it is not this year', () => {
    expect(formatDeadline('2025-06-30', today)).toBe('June 30');
    expect(formatDeadline('2026-02-01', today)).toBe('February 1, 2026');
  });
});
