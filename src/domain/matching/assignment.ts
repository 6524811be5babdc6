import type { Adjacency } from './adjacency';
import { auctionPrices } from './auction';
import { bidForSeats } from './bidding';
import { releasePrices } from './release';
import { clearSeats, createSeatState, type SeatState } from './seats';

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
export const WARM = {
  trace: false,
  warmUp: 2,
  stopAt: 4,
  warShare: 0.05,
  bids: 60,
  options: { startFraction: 0.05, endFraction: 0.0005, shrink: 10, bidsPerMentee: 20, discount: 0 },
};

/**
 * Exact capacitated assignment by successive shortest paths (the Hungarian / Jonker–Volgenant family)
 * over the allowed pairs only.
 *
 * Model: every mentee also owns a private "stay unmatched" seat of value 0, so each mentee is always
 * placed somewhere and mentees can be added one at a time in input order without losing optimality
 * (a later mentee may push an earlier one back to its private seat along an alternating path).
 * Values are lexicographic pairs (matches, score): a real pair is worth (1, score), the private seat
 * (0, 0). Comparing pairs instead of adding a big constant M per match keeps the cardinality part exact
 * whatever the scores' range, and lets negative or zero scores still count as a match.
 *
 * Mentor prices V = (v1, v2) ≥ 0 are the dual variables. A mentee's value is the pair value of its
 * seat minus the seat's price; Dijkstra runs on reduced costs V[j] - value(i,j) + U[i] ≥ 0, which the
 * price update keeps non-negative, so the prices certify optimality at the end (see certificate.ts).
 * Mentors with spare capacity keep price 0, which is the complementary-slackness condition.
 */
export type AssignmentResult = {
  /** Per mentee: adjacency position of the chosen pair, or -1 when unmatched. */
  rowPos: Int32Array;
  priceCount: Int32Array;
  priceScore: Float64Array;
  matched: number;
};

export function solveAssignment(
  adj: Adjacency,
  capacity: Int32Array,
  menteeCount: number,
  mentorCount: number,
): AssignmentResult {
  const seats = createSeatState(adj, capacity, menteeCount, mentorCount);
  const T = [cpuMs()];
  const waiting = bidForSeats(seats, WARM.warmUp * menteeCount);
  T.push(cpuMs());
  const war = waiting > WARM.warShare * menteeCount;
  if (war) {
    auctionPrices(seats, WARM.options);
    clearSeats(seats);
  }
  T.push(cpuMs());
  bidForSeats(seats, WARM.bids * menteeCount, WARM.stopAt);
  T.push(cpuMs());
  let pre = 0;
  for (let i = 0; i < menteeCount; i++) if ((seats.rowPos[i] ?? 0) >= 0) pre++;
  const result = searchShortestPaths(seats);
  T.push(cpuMs());
  const g = releasePrices(seats);
  T.push(cpuMs());
  if (WARM.trace)
    console.error(
      'warm',
      (T[1] - T[0]).toFixed(0),
      waiting,
      'auction',
      (T[2] - T[1]).toFixed(0),
      'bid',
      (T[3] - T[2]).toFixed(0),
      'seated',
      pre,
      'fwd',
      (T[4] - T[3]).toFixed(0),
      'release',
      (T[5] - T[4]).toFixed(0),
      g,
    );
  let matched = 0;
  for (let i = 0; i < menteeCount; i++) if ((seats.rowPos[i] ?? 0) >= 0) matched++;
  return { ...result, matched };
}

/**
 * Seats every mentee not seated yet by successive shortest paths, in input order, and returns the
 * optimum with its prices.
 */
export function searchShortestPaths(seats: SeatState): AssignmentResult {
  const { rowStart, col, score, capacity, v1, v2, rowPos, rowSlot, slotStart, slotRow, used } = seats;
  const n = seats.menteeCount;
  const m = seats.mentorCount;
  let matched = 0;
  for (let i = 0; i < n; i++) if ((rowPos[i] ?? 0) >= 0) matched++;

  // Dijkstra state, reset only where touched so each search costs what it explores.
  const d1 = new Int32Array(m);
  const d2 = new Float64Array(m);
  const state = new Uint8Array(m); // 0 unseen, 1 labelled (in heap), 2 settled
  const predRow = new Int32Array(m);
  const predPos = new Int32Array(m);
  const heap = new Int32Array(m);
  const heapPos = new Int32Array(m);
  const touched = new Int32Array(m);

  for (let s = 0; s < n; s++) {
    const start = (rowStart[s] ?? 0);
    const end = (rowStart[s + 1] ?? 0);
    if (start === end || (rowPos[s] ?? 0) >= 0) continue;

    // Fast path: the cheapest direct pair goes to a mentor with a free seat. Ties keep input order.
    let b1 = 0;
    let b2 = 0;
    let bPos = -1;
    for (let p = start; p < end; p++) {
      const j = (col[p] ?? 0);
      const k1 = (v1[j] ?? 0) - 1;
      const k2 = (v2[j] ?? 0) - (score[p] ?? 0);
      if (k1 < b1 || (k1 === b1 && k2 < b2)) {
        b1 = k1;
        b2 = k2;
        bPos = p;
      }
    }
    // No pair beats the mentee's private seat (0, 0), so no path can: it stays unmatched.
    if (bPos < 0) continue;
    const bCol = (col[bPos] ?? 0);
    if ((used[bCol] ?? 0) < (capacity[bCol] ?? 0)) {
      const slot = (slotStart[bCol] ?? 0) + (used[bCol] ?? 0);
      used[bCol] = (used[bCol] ?? 0) + 1;
      slotRow[slot] = s;
      rowSlot[s] = slot;
      rowPos[s] = bPos;
      matched++;
      continue;
    }

    // Best terminal so far: the mentee's own private seat at distance (0, 0).
    let t1 = 0;
    let t2 = 0;
    let tCol = -1;
    let tRow = s;
    let tPos = -1;
    let heapSize = 0;
    let touchedCount = 0;

    // Expand mentees one by one: first s, then the mentees seated at each mentor popped from the heap.
    // Mentee `a` sits at reduced distance (base1, base2); `seatCol` is its current mentor (-1 for s).
    let a = s;
    let seatCol = -1;
    let base1 = 0;
    let base2 = 0;
    let q = 0;
    let qEnd = 0;
    let seat1 = 0;
    let seat2 = 0;
    for (;;) {
      const rEnd = (rowStart[a + 1] ?? 0);
      for (let p = (rowStart[a] ?? 0); p < rEnd; p++) {
        const j = (col[p] ?? 0);
        if (j === seatCol || (state[j] ?? 0) === 2) continue;
        const k1 = base1 + (v1[j] ?? 0) - 1;
        const k2 = base2 + (v2[j] ?? 0) - (score[p] ?? 0);
        // Anything not shorter than the best terminal can never be on the shortest path.
        if (!(k1 < t1 || (k1 === t1 && k2 < t2))) continue;
        if ((used[j] ?? 0) < (capacity[j] ?? 0)) {
          t1 = k1;
          t2 = k2;
          tCol = j;
          tRow = a;
          tPos = p;
          continue;
        }
        let at: number;
        if ((state[j] ?? 0) === 0) {
          state[j] = 1;
          touched[touchedCount++] = j;
          at = heapSize++;
        } else if (k1 < (d1[j] ?? 0) || (k1 === (d1[j] ?? 0) && k2 < (d2[j] ?? 0))) {
          at = (heapPos[j] ?? 0);
        } else {
          continue;
        }
        d1[j] = k1;
        d2[j] = k2;
        predRow[j] = a;
        predPos[j] = p;
        while (at > 0) {
          const parentAt = (at - 1) >> 1;
          const parent = (heap[parentAt] ?? 0);
          const q1 = (d1[parent] ?? 0);
          if (q1 < k1 || (q1 === k1 && (d2[parent] ?? 0) <= k2)) break;
          heap[at] = parent;
          heapPos[parent] = at;
          at = parentAt;
        }
        heap[at] = j;
        heapPos[j] = at;
      }

      // Next mentee to expand: the next one seated at the current mentor, else pop the nearest mentor.
      while (q === qEnd) {
        if (heapSize === 0) break;
        const j = (heap[0] ?? 0);
        const jd1 = (d1[j] ?? 0);
        const jd2 = (d2[j] ?? 0);
        if (!(jd1 < t1 || (jd1 === t1 && jd2 < t2))) break;
        heapSize--;
        if (heapSize > 0) {
          const last = (heap[heapSize] ?? 0);
          const l1 = (d1[last] ?? 0);
          const l2 = (d2[last] ?? 0);
          let at = 0;
          for (;;) {
            let child = 2 * at + 1;
            if (child >= heapSize) break;
            const right = child + 1;
            if (right < heapSize) {
              const c = (heap[child] ?? 0);
              const r = (heap[right] ?? 0);
              if ((d1[r] ?? 0) < (d1[c] ?? 0) || ((d1[r] ?? 0) === (d1[c] ?? 0) && (d2[r] ?? 0) < (d2[c] ?? 0))) child = right;
            }
            const c = (heap[child] ?? 0);
            if (l1 < (d1[c] ?? 0) || (l1 === (d1[c] ?? 0) && l2 <= (d2[c] ?? 0))) break;
            heap[at] = c;
            heapPos[c] = at;
            at = child;
          }
          heap[at] = last;
          heapPos[last] = at;
        }
        state[j] = 2;
        seatCol = j;
        seat1 = jd1 + 1 - (v1[j] ?? 0);
        seat2 = jd2 - (v2[j] ?? 0);
        q = (slotStart[j] ?? 0);
        qEnd = q + (used[j] ?? 0);
      }
      if (q === qEnd) break;
      a = (slotRow[q++] ?? 0);
      // Mentees seated at a settled mentor are reached at no reduced cost.
      base1 = seat1;
      base2 = seat2 + (score[(rowPos[a] ?? 0)] ?? 0);
      if (base1 < t1 || (base1 === t1 && base2 < t2)) {
        // Sending `a` back to its private seat frees a place at the end of the path.
        t1 = base1;
        t2 = base2;
        tCol = -1;
        tRow = a;
        tPos = -1;
      }
    }

    // Prices of settled mentors rise by how much closer they were than the terminal.
    for (let k = 0; k < touchedCount; k++) {
      const j = (touched[k] ?? 0);
      if ((state[j] ?? 0) === 2) {
        v1[j] = (v1[j] ?? 0) + t1 - (d1[j] ?? 0);
        v2[j] = (v2[j] ?? 0) + t2 - (d2[j] ?? 0);
      }
      state[j] = 0;
    }

    // Augment backwards from the terminal: each mentee on the path takes the seat of the next one.
    let r = tRow;
    let pos = tPos;
    let slot = -1;
    if (tCol >= 0) {
      slot = (slotStart[tCol] ?? 0) + (used[tCol] ?? 0);
      used[tCol] = (used[tCol] ?? 0) + 1;
      matched++;
    }
    for (;;) {
      const prevPos = (rowPos[r] ?? 0);
      const prevSlot = (rowSlot[r] ?? 0);
      rowPos[r] = pos;
      rowSlot[r] = slot;
      if (slot >= 0) slotRow[slot] = r;
      if (r === s) break;
      const prevCol = (col[prevPos] ?? 0);
      pos = (predPos[prevCol] ?? 0);
      slot = prevSlot;
      r = (predRow[prevCol] ?? 0);
    }
  }

  return { rowPos, priceCount: v1, priceScore: v2, matched };
}
