import { heapRefillRoot, heapSiftUp } from './lex-heap';
import { type SeatState, TOP_PAIRS } from './seats';

/**
 * Seats every mentee not seated yet by successive shortest paths (Dijkstra on reduced costs, with early
 * exit), in input order.
 *
 * Every mentee also owns a private "stay unmatched" seat worth (0, 0), so each one is always placed
 * somewhere, and mentees can be added one at a time without losing optimality: a later mentee may push
 * an earlier one along an alternating path, even back to its private seat when that serves the total.
 * A search runs from the new mentee over mentors (heap-ordered by reduced distance) and through the
 * mentees seated at them, and ends at the cheapest free seat: a mentor with spare capacity or a reached
 * mentee's private seat. Prices of the mentors it settled then rise by how much closer they were than
 * that seat, which keeps every reduced cost non-negative and every seated pair tight.
 */
export function searchShortestPaths(seats: SeatState): void {
  const { rowStart, col, score, capacity, v1, v2, rowPos, rowSlot, slotStart, slotRow, used, top, topFloor } =
    seats;
  const n = seats.menteeCount;
  const m = seats.mentorCount;

  // Dijkstra state, reset only where touched so each search costs what it explores.
  const d1 = new Int32Array(m);
  const d2 = new Float64Array(m);
  const state = new Uint8Array(m); // 0 unseen, 1 labelled (in heap), 2 settled
  const predRow = new Int32Array(m);
  const predPos = new Int32Array(m);
  const heap = new Int32Array(m);
  const heapPos = new Int32Array(m);
  const lexHeap = { heap, heapPos, d1, d2 };
  const touched = new Int32Array(m);

  for (let s = 0; s < n; s++) {
    const start = rowStart[s] ?? 0;
    const end = rowStart[s + 1] ?? 0;
    if (start === end || (rowPos[s] ?? 0) >= 0) continue;

    // Fast path: the cheapest direct pair goes to a mentor with a free seat. Ties keep input order.
    // Best-scoring pairs first: a key is at least (-1, -score) since prices are never negative.
    let b1 = 0;
    let b2 = 0;
    let bPos = -1;
    const sTop = s * TOP_PAIRS;
    const sTopLen = Math.min(TOP_PAIRS, end - start);
    const sTotal = sTopLen === end - start ? sTopLen : sTopLen + end - start;
    for (let k = 0; k < sTotal; k++) {
      let p: number;
      if (k < sTopLen) {
        p = top[sTop + k] ?? 0;
        if (b1 < -1 || (b1 === -1 && -(score[p] ?? 0) >= b2)) break;
      } else {
        if (k === sTopLen && b1 === -1 && -(topFloor[s] ?? 0) >= b2) break;
        p = start + k - sTopLen;
      }
      const j = col[p] ?? 0;
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
    const bCol = col[bPos] ?? 0;
    if ((used[bCol] ?? 0) < (capacity[bCol] ?? 0)) {
      const slot = (slotStart[bCol] ?? 0) + (used[bCol] ?? 0);
      used[bCol] = (used[bCol] ?? 0) + 1;
      slotRow[slot] = s;
      rowSlot[s] = slot;
      rowPos[s] = bPos;
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
      // Best-scoring pairs first; stop once even a free mentor could not beat the best terminal.
      const rStart = rowStart[a] ?? 0;
      const degree = (rowStart[a + 1] ?? 0) - rStart;
      const aTop = a * TOP_PAIRS;
      const aTopLen = Math.min(TOP_PAIRS, degree);
      const total = aTopLen === degree ? aTopLen : aTopLen + degree;
      const floor1 = base1 - 1;
      for (let k = 0; k < total; k++) {
        let p: number;
        if (k < aTopLen) {
          p = top[aTop + k] ?? 0;
          if (floor1 > t1 || (floor1 === t1 && base2 - (score[p] ?? 0) >= t2)) break;
        } else {
          if (k === aTopLen && (floor1 > t1 || (floor1 === t1 && base2 - (topFloor[a] ?? 0) >= t2))) break;
          p = rStart + k - aTopLen;
        }
        const j = col[p] ?? 0;
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
          at = heapPos[j] ?? 0;
        } else {
          continue;
        }
        d1[j] = k1;
        d2[j] = k2;
        predRow[j] = a;
        predPos[j] = p;
        heapSiftUp(lexHeap, j, at);
      }

      // Next mentee to expand: the next one seated at the current mentor, else pop the nearest mentor.
      while (q === qEnd) {
        if (heapSize === 0) break;
        const j = heap[0] ?? 0;
        const jd1 = d1[j] ?? 0;
        const jd2 = d2[j] ?? 0;
        if (!(jd1 < t1 || (jd1 === t1 && jd2 < t2))) break;
        heapSize--;
        heapRefillRoot(lexHeap, heapSize);
        state[j] = 2;
        seatCol = j;
        seat1 = jd1 + 1 - (v1[j] ?? 0);
        seat2 = jd2 - (v2[j] ?? 0);
        q = slotStart[j] ?? 0;
        qEnd = q + (used[j] ?? 0);
      }
      if (q === qEnd) break;
      a = slotRow[q++] ?? 0;
      // Mentees seated at a settled mentor are reached at no reduced cost.
      base1 = seat1;
      base2 = seat2 + (score[rowPos[a] ?? 0] ?? 0);
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
      const j = touched[k] ?? 0;
      if ((state[j] ?? 0) === 2) {
        v1[j] = (v1[j] ?? 0) + (t1 - (d1[j] ?? 0));
        v2[j] = (v2[j] ?? 0) + (t2 - (d2[j] ?? 0));
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
    }
    for (;;) {
      const prevPos = rowPos[r] ?? 0;
      const prevSlot = rowSlot[r] ?? 0;
      rowPos[r] = pos;
      rowSlot[r] = slot;
      if (slot >= 0) slotRow[slot] = r;
      if (r === s) break;
      const prevCol = col[prevPos] ?? 0;
      pos = predPos[prevCol] ?? 0;
      slot = prevSlot;
      r = predRow[prevCol] ?? 0;
    }
  }
}
