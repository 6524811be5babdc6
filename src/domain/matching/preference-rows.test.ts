import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { preferenceRows } from './preference-rows';
import type { MatchingInput } from './types';

const scores = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, -0.5, 1e300, -1e300, Number.MIN_VALUE, -Number.MIN_VALUE),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -3, max: 3 }),
);

describe('preferenceRows', () => {
  it('orders every row by score descending, ties (0 and -0 too) by guide index, skipping inactive pairs', () => {
    const arb = fc
      .record({ menteeCount: fc.integer({ min: 1, max: 8 }), mentorCount: fc.integer({ min: 1, max: 8 }) })
      .chain(({ menteeCount, mentorCount }) =>
        fc.record({
          menteeCount: fc.constant(menteeCount),
          mentorCount: fc.constant(mentorCount),
          edges: fc.array(
            fc.tuple(
              fc.nat({ max: menteeCount - 1 }),
              fc.nat({ max: mentorCount - 1 }),
              scores,
              fc.boolean(),
            ),
            { maxLength: 40 },
          ),
        }),
      );
    fc.assert(
      fc.property(arb, ({ menteeCount, mentorCount, edges }) => {
        const input: MatchingInput = {
          menteeCount,
          mentorCount,
          capacity: new Int32Array(mentorCount),
          edgeMentee: Int32Array.from(edges, (edge) => edge[0]),
          edgeMentor: Int32Array.from(edges, (edge) => edge[1]),
          edgeScore: Float64Array.from(edges, (edge) => edge[2]),
        };
        const active = Uint8Array.from(edges, (edge) => (edge[3] ? 1 : 0));
        for (const mask of [null, active]) {
          const rows = preferenceRows(input, mask);
          for (let i = 0; i < menteeCount; i++) {
            const row = Array.from(rows.edge.subarray(rows.start[i] ?? 0, rows.start[i + 1] ?? 0));
            // Exactly the mentee's usable pairs...
            const mine = edges.flatMap((edge, e) => (edge[0] === i && (mask === null || edge[3]) ? [e] : []));
            expect([...row].sort((a, b) => a - b)).toEqual(mine);
            // ...each at least as good as the next: a higher score, or the same with a lower guide index.
            for (let k = 1; k < row.length; k++) {
              const [before, after] = [row[k - 1] ?? 0, row[k] ?? 0];
              const [sb, sa] = [input.edgeScore[before] ?? 0, input.edgeScore[after] ?? 0];
              expect(
                sb > sa || (sb === sa && (input.edgeMentor[before] ?? 0) <= (input.edgeMentor[after] ?? 0)),
              ).toBe(true);
            }
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
