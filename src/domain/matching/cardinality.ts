import type { CountCover } from './fair';
import type { MatchingInput } from './types';

/**
 * Maximum-cardinality b-matching (augmenting paths, with guide seats) over the pairs that fit at least a
 * threshold, for fair mode's bottleneck search. Rows list each mentee's pairs best first, so "fits at
 * least t" is a prefix of every row and a new threshold costs one binary search per row. A probe can
 * start from an earlier matching, so the search's later probes only add a few augmenting paths.
 * When no augmenting path is left, the last search's reach gives a König cover: matched mentees it did
 * not reach, and guides it did reach (each counting its seats). Its weight equals the matching's size,
 * which proves the size maximal without trusting this code (fair-proof.ts checks it).
 */
export type CardinalityResult = { matched: number; menteeEdge: Int32Array; cover: CountCover };
export type ProbeResult = { matched: number; menteeEdge: Int32Array };

// Hopcroft–Karp was tried first: on over-subscribed (popular) cohorts its shortest paths grow long and
// it needed 170–260 phases per probe. Here one pass searches any alternating path from each free mentee,
// with a look-ahead for free seats and failed search trees pruned for good; one more round confirms.
export class CardinalityMatcher {
  private readonly n: number;
  private readonly m: number;
  private readonly end: Int32Array;
  private readonly slabStart: Int32Array;
  private readonly slab: Int32Array;
  private readonly held: Int32Array;
  private readonly seatAt: Int32Array;
  private readonly menteeEdge: Int32Array;
  private readonly expanded: Int32Array;
  private readonly visited: Int32Array;
  private readonly parent: Int32Array;
  private readonly via: Int32Array;
  private readonly pointer: Int32Array;
  private readonly stack: Int32Array;
  private readonly lookahead: Int32Array;
  private readonly dead: Uint8Array;
  private readonly reached: Int32Array;
  private stamp = 0;
  private threshold = Number.NEGATIVE_INFINITY;
  private strict = false;

  constructor(
    private readonly input: MatchingInput,
    private readonly rowStart: Int32Array,
    private readonly row: Int32Array,
    /** Seats per guide left after pins. */
    private readonly seats: Int32Array,
  ) {
    this.n = input.menteeCount;
    this.m = input.mentorCount;
    this.end = new Int32Array(this.n);
    // A guide never holds more mentees than it has seats or proposers, so its slab needs no more room.
    const proposers = new Int32Array(this.m);
    for (const e of row) {
      const j = input.edgeMentor[e] ?? 0;
      proposers[j] = (proposers[j] ?? 0) + 1;
    }
    this.slabStart = new Int32Array(this.m + 1);
    for (let j = 0; j < this.m; j++)
      this.slabStart[j + 1] =
        (this.slabStart[j] ?? 0) + Math.max(0, Math.min(seats[j] ?? 0, proposers[j] ?? 0));
    this.slab = new Int32Array(this.slabStart[this.m] ?? 0);
    this.held = new Int32Array(this.m);
    this.seatAt = new Int32Array(this.n);
    this.menteeEdge = new Int32Array(this.n).fill(-1);
    this.expanded = new Int32Array(this.n);
    this.visited = new Int32Array(this.m);
    this.parent = new Int32Array(this.n);
    this.via = new Int32Array(this.n);
    this.pointer = new Int32Array(this.n);
    this.stack = new Int32Array(this.n);
    this.lookahead = new Int32Array(this.n);
    this.dead = new Uint8Array(this.m);
    this.reached = new Int32Array(this.m);
  }

  /** Matches as many mentees as possible using pairs fitting ≥ threshold (> when strict), with its cover. */
  solve(threshold: number, strict: boolean, warm: readonly Int32Array[] = []): CardinalityResult {
    this.match(threshold, strict, warm, undefined);
    // One pass leaves no augmenting path; a round confirms it and marks the reach.
    while (this.round() > 0);
    let matched = 0;
    for (const e of this.menteeEdge) if (e >= 0) matched++;
    // The last round found no path, so what it reached is everything reachable: the König cover.
    const last = this.stamp;
    const mentee = new Int32Array(this.n);
    for (let i = 0; i < this.n; i++)
      mentee[i] = this.menteeEdge[i] !== -1 && this.expanded[i] !== last ? 1 : 0;
    const mentor = Int32Array.from(this.visited, (stamp) => (stamp === last ? 1 : 0));
    return { matched, menteeEdge: this.menteeEdge.slice(), cover: { mentee, mentor } };
  }

  /**
   * Whether `target` mentees can be matched at the threshold (`matched` ≥ target exactly when so). It
   * stops as soon as that is known: when that many are, or when too many searches have failed for the
   * rest to reach it.
   */
  probe(threshold: number, warm: readonly Int32Array[], target: number): ProbeResult {
    const matched = this.match(threshold, false, warm, target);
    return { matched, menteeEdge: this.menteeEdge.slice() };
  }

  private match(
    threshold: number,
    strict: boolean,
    warm: readonly Int32Array[],
    target: number | undefined,
  ): number {
    this.threshold = threshold;
    this.strict = strict;
    this.limitRows(threshold, strict);
    this.held.fill(0);
    this.menteeEdge.fill(-1);
    this.lookahead.set(this.rowStart.subarray(0, this.n));
    for (const start of warm) this.keepUsable(start);
    this.greedy();
    let matched = 0;
    let candidates = 0;
    for (let i = 0; i < this.n; i++) {
      if (this.menteeEdge[i] !== -1) matched++;
      if ((this.end[i] ?? 0) > (this.rowStart[i] ?? 0)) candidates++;
    }
    this.dead.fill(0);
    // A failed root is never matched later (see search), so `candidates - failed` bounds the answer.
    let failed = 0;
    for (let root = 0; root < this.n; root++) {
      if (target !== undefined && (matched >= target || candidates - failed < target)) break;
      if (!this.isFreeRoot(root)) continue;
      if (this.search(root, ++this.stamp, true)) matched++;
      else failed++;
    }
    return matched;
  }

  private limitRows(threshold: number, strict: boolean): void {
    const score = this.input.edgeScore;
    for (let i = 0; i < this.n; i++) {
      // Rows are sorted best first: find the first pair that no longer fits.
      let low = this.rowStart[i] ?? 0;
      let high = this.rowStart[i + 1] ?? 0;
      while (low < high) {
        const middle = (low + high) >> 1;
        const s = score[this.row[middle] ?? 0] ?? 0;
        if (strict ? s > threshold : s >= threshold) low = middle + 1;
        else high = middle;
      }
      this.end[i] = low;
    }
  }

  private fits(e: number): boolean {
    const s = this.input.edgeScore[e] ?? 0;
    return this.strict ? s > this.threshold : s >= this.threshold;
  }

  private keepUsable(start: Int32Array): void {
    for (let i = 0; i < this.n; i++) {
      const e = start[i] ?? -1;
      if (e < 0 || this.menteeEdge[i] !== -1) continue;
      const j = this.input.edgeMentor[e] ?? 0;
      if ((this.held[j] ?? 0) < (this.seats[j] ?? 0) && this.fits(e)) this.seat(i, e);
    }
  }

  private greedy(): void {
    for (let i = 0; i < this.n; i++) {
      if (this.menteeEdge[i] !== -1) continue;
      for (let k = this.rowStart[i] ?? 0; k < (this.end[i] ?? 0); k++) {
        const e = this.row[k] ?? 0;
        const j = this.input.edgeMentor[e] ?? 0;
        if ((this.held[j] ?? 0) < (this.seats[j] ?? 0)) {
          this.seat(i, e);
          break;
        }
      }
    }
  }

  private seat(i: number, e: number): void {
    const old = this.menteeEdge[i] ?? -1;
    if (old >= 0) {
      // Move the last holder of the old guide into i's place in its slab.
      const j = this.input.edgeMentor[old] ?? 0;
      const base = this.slabStart[j] ?? 0;
      const last = (this.held[j] ?? 0) - 1;
      const moved = this.slab[base + last] ?? 0;
      const at = this.seatAt[i] ?? 0;
      this.slab[base + at] = moved;
      this.seatAt[moved] = at;
      this.held[j] = last;
    }
    const j = this.input.edgeMentor[e] ?? 0;
    const size = this.held[j] ?? 0;
    this.slab[(this.slabStart[j] ?? 0) + size] = i;
    this.seatAt[i] = size;
    this.held[j] = size + 1;
    this.menteeEdge[i] = e;
  }

  /**
   * One round: a search from every free mentee along alternating paths, each guide entered at most once
   * per round. Returns how many mentees it matched; a round that matches none has explored everything
   * reachable, which leaves `expanded` and `visited` marking the reach for the cover.
   */
  private round(): number {
    const stamp = ++this.stamp;
    let augmented = 0;
    for (let root = 0; root < this.n; root++)
      if (this.isFreeRoot(root) && this.search(root, stamp, false)) augmented++;
    return augmented;
  }

  private isFreeRoot(i: number): boolean {
    return this.menteeEdge[i] === -1 && (this.end[i] ?? 0) > (this.rowStart[i] ?? 0);
  }

  private freeSeatFrom(i: number): number {
    const end = this.end[i] ?? 0;
    for (let k = this.lookahead[i] ?? 0; k < end; k++) {
      const e = this.row[k] ?? 0;
      const j = this.input.edgeMentor[e] ?? 0;
      if ((this.held[j] ?? 0) < (this.seats[j] ?? 0)) {
        this.lookahead[i] = k;
        return e;
      }
    }
    this.lookahead[i] = end;
    return -1;
  }

  /** Moves every mentee on the search path one guide along, from the free seat back to the root. */
  private shiftPath(last: number, edgeToFreeSeat: number): void {
    let mentee = last;
    let edge = edgeToFreeSeat;
    while (mentee >= 0) {
      const up = this.parent[mentee] ?? -1;
      const via = this.via[mentee] ?? -1;
      this.seat(mentee, edge);
      mentee = up;
      edge = via;
    }
  }

  /**
   * Searches alternating paths from a free mentee for a guide with a free seat. In the first pass each
   * root gets its own stamp, and a failed search marks the guides it reached dead for the rest of the
   * solve: a free vertex with no augmenting path never gets one from later augmentations, and neither
   * does anything in its search tree (Edmonds' Hungarian-tree lemma), so no guide is searched in vain twice.
   */
  private search(root: number, stamp: number, prune: boolean): boolean {
    let reached = 0;
    let top = 0;
    this.stack[top++] = root;
    this.expanded[root] = stamp;
    this.parent[root] = -1;
    this.pointer[root] = this.rowStart[root] ?? 0;
    while (top > 0) {
      const i = this.stack[top - 1] ?? 0;
      // Look ahead for a guide with a free seat among i's pairs before going deeper (Pothen–Fan). Seats
      // only fill up during a solve, so the look-ahead pointer never has to go back.
      const free = this.freeSeatFrom(i);
      if (free >= 0) {
        this.shiftPath(i, free);
        return true;
      }
      const at = this.pointer[i] ?? 0;
      if (at >= (this.end[i] ?? 0)) {
        top--;
        continue;
      }
      this.pointer[i] = at + 1;
      const e = this.row[at] ?? 0;
      const j = this.input.edgeMentor[e] ?? 0;
      if (this.visited[j] === stamp || (prune && this.dead[j] === 1)) continue;
      this.visited[j] = stamp;
      if (prune) this.reached[reached++] = j;
      const size = this.held[j] ?? 0;
      if (size < (this.seats[j] ?? 0)) {
        this.shiftPath(i, e);
        return true;
      }
      const base = this.slabStart[j] ?? 0;
      for (let k = 0; k < size; k++) {
        const h = this.slab[base + k] ?? 0;
        if (this.expanded[h] === stamp) continue;
        this.expanded[h] = stamp;
        this.parent[h] = i;
        this.via[h] = e;
        this.pointer[h] = this.rowStart[h] ?? 0;
        this.stack[top++] = h;
      }
    }
    if (prune) for (let k = 0; k < reached; k++) this.dead[this.reached[k] ?? 0] = 1;
    return false;
  }
}
