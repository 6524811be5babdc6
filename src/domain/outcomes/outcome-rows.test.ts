import { describe, expect, it } from 'vitest';
import { parseOutcomeRows } from './outcome-rows';

const known = new Set(['ana@x.test', 'ben@x.test']);
const rec = (line: number, email: string, measure: string, value: string) => ({
  line,
  values: { email, measure, value },
});

describe('outcome CSV rows', () => {
  it('reads yes/no as 1/0 and numbers as a score', () => {
    const { rows, problems } = parseOutcomeRows(
      ['email', 'measure', 'value'],
      [
        rec(2, 'Ana@x.test', 'promoted', 'yes'),
        rec(3, 'ben@x.test', 'promoted', 'no'),
        rec(4, 'ana@x.test', 'engagement', '3.5'),
        rec(5, 'ben@x.test', 'engagement', '1'),
      ],
      known,
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.measure, r.scale, r.value])).toEqual([
      ['promoted', 'binary', 1],
      ['promoted', 'binary', 0],
      ['engagement', 'score', 3.5],
      ['engagement', 'score', 1],
    ]);
  });
  it.each([
    [rec(2, 'eve@x.test', 'promoted', 'yes'), 'email', /nobody with the address/],
    [rec(2, 'ana@x.test', '', 'yes'), 'measure', /1 to 100/],
    [rec(2, 'ana@x.test', 'promoted', 'maybe'), 'value', /neither yes\/no nor a number/],
  ])('lists a bad row with line and column (%#)', (record, column, message) => {
    const { problems } = parseOutcomeRows(['email', 'measure', 'value'], [record], known);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.column).toBe(column);
    expect(problems[0]?.message).toMatch(message);
  });
  it('names a duplicate and a missing column', () => {
    expect(
      parseOutcomeRows(
        ['email', 'measure', 'value'],
        [rec(2, 'ana@x.test', 'p', 'yes'), rec(3, 'ana@x.test', 'p', 'no')],
        known,
      ).problems,
    ).toEqual([{ line: 3, column: 'email', message: 'a duplicate of line 2 (same person and measure)' }]);
    expect(parseOutcomeRows(['email', 'value'], [], known).problems[0]?.column).toBe('measure');
  });
});
