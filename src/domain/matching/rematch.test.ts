import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCertificate } from './certificate';
import { rematchCertificateInput, solveRematch } from './rematch';
import { solveMatching } from './solve';
import { allAssignments, joinerCohort, type TinyInstance, tinyInstance, toInput } from './test-support';
import type { IndexPair } from './types';

/** Most matched, then most kept, then best total: by enumeration. */
function bruteForce(instance: TinyInstance, keep: IndexPair[]) {
  const kept = new Set(keep.map(([i, j]) => `${i}:${j}`));
  let best = { matched: -1, kept: -1, total: Number.NEGATIVE_INFINITY };
  for (const assignment of allAssignments(instance)) {
    let matched = 0;
    let keptCount = 0;
    let total = 0;
    assignment.forEach((e, i) => {
      const edge = instance.edges[e];
      if (!edge) return;
      matched++;
      total += edge[2];
      if (kept.has(`${i}:${edge[1]}`)) keptCount++;
    });
    const better =
      matched > best.matched ||
      (matched === best.matched &&
        (keptCount > best.kept || (keptCount === best.kept && total > best.total)));
    if (better) best = { matched, kept: keptCount, total };
  }
  return best;
}

describe('solveRematch', () => {
  it('keeps every pair it can, moves only whom it must, and says who moves', () => {
    const { instance, keep } = joinerCohort;
    expect(Array.from(solveMatching(toInput(instance)).menteeMentor)).toEqual([2, 1, 0]);
    const rematch = solveRematch(toInput(instance), keep);
    expect(Array.from(rematch.solution.menteeMentor)).toEqual([0, 1, 2]);
    expect(rematch.kept).toBe(2);
    expect(rematch.moves).toEqual([{ mentee: 2, from: -1, to: 2 }]);
    expect(rematch.solution.objective).toBeCloseTo(1.2, 12);
  });

  it('never keeps a pair at the cost of leaving someone unmatched', () => {
    // Keeping Ana–Gia would leave Ben (who can only have Gia) out; matching both moves Ana.
    const instance: TinyInstance = {
      menteeCount: 2,
      capacity: [1, 1],
      edges: [
        [0, 0, 0.9],
        [0, 1, 0.2],
        [1, 0, 0.3],
      ],
    };
    const rematch = solveRematch(toInput(instance), [[0, 0]]);
    expect(rematch.solution.matched).toBe(2);
    expect(rematch.moves).toEqual([
      { mentee: 0, from: 0, to: 1 },
      { mentee: 1, from: -1, to: 0 },
    ]);
  });

  it('matches the brute-force minimal-disruption optimum, with a proof', () => {
    const arb = tinyInstance({ integerScores: true }).chain((instance) =>
      fc.record({ instance: fc.constant(instance), keepEdges: fc.subarray(instance.edges) }),
    );
    fc.assert(
      fc.property(arb, ({ instance, keepEdges }) => {
        // A keep list is a past assignment: one guide per mentee.
        const byMentee = new Map<number, number>();
        for (const [i, j] of keepEdges) if (!byMentee.has(i)) byMentee.set(i, j);
        const keep: IndexPair[] = [...byMentee];
        const input = toInput(instance);
        const rematch = solveRematch(input, keep);
        const best = bruteForce(instance, keep);
        expect(rematch.solution.matched).toBe(best.matched);
        expect(rematch.kept).toBe(best.kept);
        expect(rematch.solution.objective).toBe(best.total);
        const proof = rematchCertificateInput(input, keep, rematch.solution);
        expect(checkCertificate(proof.weighted, proof.solution).violations).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });
});
