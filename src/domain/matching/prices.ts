import { prepareProblem } from './prepare';
import type { MatchingConstraints, MatchingDuals, MatchingInput, MatchingSolution } from './types';

/**
 * The lowest optimal prices. Optimal prices are not unique (a guide wanted by two mentees can be priced
 * anywhere between what the loser and the winner would pay), and which ones the solver ends with
 * depends on its path. The lowest ones are unique and mean something: a guide's price is what the
 * best other use of its seat is worth — the loss its assignment imposes on others — so explanations
 * and shortlists built on them are stable and fair.
 *
 * Given any optimal prices V, each price may fall by Δ_j, where Δ is the largest vector with
 * Δ_j ≤ V_j − L_j (L_j: what an unmatched mentee would pay for j, or 0) and Δ_j ≤ Δ_s + rc(k, j) for every
 * mentee k seated at s (keeping k's reduced cost to j non-negative). The largest such Δ is a
 * shortest-path distance over non-negative reduced costs: one multi-source Dijkstra.
 */
export function minimalPrices(
  input: MatchingInput,
  solution: MatchingSolution,
  constraints: MatchingConstraints = {},
): MatchingDuals {
  const n = input.menteeCount;
  const m = input.mentorCount;
  const { active, pinnedEdge } = prepareProblem(input, constraints);
  const v1 = solution.duals.mentorPriceCount;
  const v2 = solution.duals.mentorPriceScore;
  const { edgeMentee, edgeMentor, edgeScore } = input;
  const optimised = (i: number): boolean => (pinnedEdge[i] ?? -1) < 0;

  // Allowed edges of optimised mentees, grouped by mentee; mentees seated at each mentor.
  const rowStart = new Int32Array(n + 1);
  for (let e = 0; e < edgeMentee.length; e++) {
    const i = edgeMentee[e] ?? 0;
    if ((active === null || active[e] === 1) && optimised(i)) rowStart[i + 1] = (rowStart[i + 1] ?? 0) + 1;
  }
  for (let i = 0; i < n; i++) rowStart[i + 1] = (rowStart[i + 1] ?? 0) + (rowStart[i] ?? 0);
  const rowEdge = new Int32Array(rowStart[n] ?? 0);
  const fill = rowStart.slice(0, n);
  for (let e = 0; e < edgeMentee.length; e++) {
    const i = edgeMentee[e] ?? 0;
    if ((active !== null && active[e] !== 1) || !optimised(i)) continue;
    const at = fill[i] ?? 0;
    rowEdge[at] = e;
    fill[i] = at + 1;
  }
  const seatedStart = new Int32Array(m + 1);
  for (let i = 0; i < n; i++) {
    const j = solution.menteeMentor[i] ?? -1;
    if (j >= 0 && optimised(i)) seatedStart[j + 1] = (seatedStart[j + 1] ?? 0) + 1;
  }
  for (let j = 0; j < m; j++) seatedStart[j + 1] = (seatedStart[j + 1] ?? 0) + (seatedStart[j] ?? 0);
  const seated = new Int32Array(seatedStart[m] ?? 0);
  const seatFill = seatedStart.slice(0, m);
  for (let i = 0; i < n; i++) {
    const j = solution.menteeMentor[i] ?? -1;
    if (j < 0 || !optimised(i)) continue;
    const at = seatFill[j] ?? 0;
    seated[at] = i;
    seatFill[j] = at + 1;
  }

  // Start: each price may fall to what unmatched mentees would pay for it, or to zero.
  const d1 = Int32Array.from(v1);
  const d2 = Float64Array.from(v2);
  for (let i = 0; i < n; i++) {
    if ((solution.menteeMentor[i] ?? -1) >= 0 || !optimised(i)) continue;
    for (let p = rowStart[i] ?? 0; p < (rowStart[i + 1] ?? 0); p++) {
      const e = rowEdge[p] ?? 0;
      const j = edgeMentor[e] ?? 0;
      const r1 = (v1[j] ?? 0) - 1;
      const r2 = (v2[j] ?? 0) - (edgeScore[e] ?? 0);
      if (r1 < (d1[j] ?? 0) || (r1 === d1[j] && r2 < (d2[j] ?? 0))) {
        d1[j] = r1;
        d2[j] = r2;
      }
    }
  }

  // Dijkstra with every mentor as a source. The heap holds (key, mentor) entries; an entry whose key is
  // no longer its mentor's label is stale and skipped.
  const heap = new LexHeap();
  for (let j = 0; j < m; j++) heap.push(d1[j] ?? 0, d2[j] ?? 0, j);
  const done = new Uint8Array(m);
  while (heap.size > 0) {
    const s = heap.pop();
    if (done[s] === 1) continue;
    done[s] = 1;
    const s1 = d1[s] ?? 0;
    const s2 = d2[s] ?? 0;
    for (let q = seatedStart[s] ?? 0; q < (seatedStart[s + 1] ?? 0); q++) {
      const k = seated[q] ?? 0;
      const own = solution.menteeEdge[k] ?? 0;
      // k's value at its seat: (1, score) minus s's price.
      const u1 = 1 - (v1[s] ?? 0);
      const u2 = (edgeScore[own] ?? 0) - (v2[s] ?? 0);
      for (let p = rowStart[k] ?? 0; p < (rowStart[k + 1] ?? 0); p++) {
        const e = rowEdge[p] ?? 0;
        const j = edgeMentor[e] ?? 0;
        if (j === s || done[j] === 1) continue;
        const r1 = s1 + u1 + (v1[j] ?? 0) - 1;
        const r2 = s2 + u2 + (v2[j] ?? 0) - (edgeScore[e] ?? 0);
        if (r1 < (d1[j] ?? 0) || (r1 === d1[j] && r2 < (d2[j] ?? 0))) {
          d1[j] = r1;
          d2[j] = r2;
          heap.push(r1, r2, j);
        }
      }
    }
  }

  const priceCount = new Int32Array(m);
  const priceScore = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const c = (v1[j] ?? 0) - (d1[j] ?? 0);
    const sc = (v2[j] ?? 0) - (d2[j] ?? 0);
    // Rounding may leave a hair below zero.
    if (c > 0 || (c === 0 && sc > 0)) {
      priceCount[j] = c;
      priceScore[j] = sc;
    }
  }
  const menteeValueCount = new Int32Array(n);
  const menteeValueScore = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const j = solution.menteeMentor[i] ?? -1;
    if (j < 0 || !optimised(i)) continue;
    menteeValueCount[i] = 1 - (priceCount[j] ?? 0);
    menteeValueScore[i] = (edgeScore[solution.menteeEdge[i] ?? 0] ?? 0) - (priceScore[j] ?? 0);
  }
  return { menteeValueCount, menteeValueScore, mentorPriceCount: priceCount, mentorPriceScore: priceScore };
}

/** A binary min-heap of (count, score) keys with an item each; small and only used off the hot path. */
class LexHeap {
  private readonly k1: number[] = [];
  private readonly k2: number[] = [];
  private readonly item: number[] = [];

  get size(): number {
    return this.item.length;
  }

  private less(a: number, b: number): boolean {
    const a1 = this.k1[a] ?? 0;
    const b1 = this.k1[b] ?? 0;
    return a1 < b1 || (a1 === b1 && (this.k2[a] ?? 0) < (this.k2[b] ?? 0));
  }

  private swap(a: number, b: number): void {
    for (const list of [this.k1, this.k2, this.item]) {
      const t = list[a] ?? 0;
      list[a] = list[b] ?? 0;
      list[b] = t;
    }
  }

  push(key1: number, key2: number, item: number): void {
    this.k1.push(key1);
    this.k2.push(key2);
    this.item.push(item);
    let at = this.item.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.less(at, parent)) break;
      this.swap(at, parent);
      at = parent;
    }
  }

  pop(): number {
    const top = this.item[0] ?? 0;
    const last = this.item.length - 1;
    this.swap(0, last);
    this.k1.pop();
    this.k2.pop();
    this.item.pop();
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= this.item.length) break;
      if (child + 1 < this.item.length && this.less(child + 1, child)) child++;
      if (!this.less(child, at)) break;
      this.swap(at, child);
      at = child;
    }
    return top;
  }
}
