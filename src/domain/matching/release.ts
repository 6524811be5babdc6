import { heapRefillRoot, heapSiftUp } from './lex-heap';
import type { SeatState } from './seats';

/**
 * Last exact phase. The warm-start prices may leave a mentor with a free seat and a positive price,
 * which breaks complementary slackness. For each such mentor, a reverse shortest-path search (over
 * reduced costs, from the mentor towards mentees who could move in) finds the cheapest of:
 * - its price (or another mentor's on the way) falling to zero, or
 * - an unmatched mentee moving in, the mentees on the path each taking the next one's seat.
 * Prices of the mentors the search settled fall by the distance saved, which keeps every reduced cost
 * non-negative and every seated pair tight: the mirror image of the forward search.
 * Returns how many mentees became matched.
 */
export function releasePrices(seats: SeatState): number {
  const { rowStart, col, score, capacity, v1, v2, rowPos, rowSlot, slotStart, slotRow, used } = seats;
  const n = seats.menteeCount;
  const m = seats.mentorCount;
  const overpriced: number[] = [];
  for (let j = 0; j < m; j++) {
    if ((used[j] ?? 0) < (capacity[j] ?? 0) && ((v1[j] ?? 0) > 0 || ((v1[j] ?? 0) === 0 && (v2[j] ?? 0) > 0)))
      overpriced.push(j);
  }
  if (overpriced.length === 0) return 0;

  // Mentees by mentor (the transpose of the adjacency), with their adjacency positions.
  const positions = rowStart[n] ?? 0;
  const colStart = new Int32Array(m + 1);
  for (let p = 0; p < positions; p++) colStart[(col[p] ?? 0) + 1] = (colStart[(col[p] ?? 0) + 1] ?? 0) + 1;
  for (let j = 0; j < m; j++) colStart[j + 1] = (colStart[j + 1] ?? 0) + (colStart[j] ?? 0);
  const byColPos = new Int32Array(positions);
  const byColRow = new Int32Array(positions);
  const next = colStart.slice(0, m);
  for (let i = 0; i < n; i++) {
    for (let p = rowStart[i] ?? 0; p < (rowStart[i + 1] ?? 0); p++) {
      const j = col[p] ?? 0;
      const at = next[j] ?? 0;
      next[j] = at + 1;
      byColPos[at] = p;
      byColRow[at] = i;
    }
  }

  const d1 = new Int32Array(m);
  const d2 = new Float64Array(m);
  const state = new Uint8Array(m);
  const predRow = new Int32Array(m);
  const predPos = new Int32Array(m);
  const heap = new Int32Array(m);
  const heapPos = new Int32Array(m);
  const lexHeap = { heap, heapPos, d1, d2 };
  const touched = new Int32Array(m);
  let gained = 0;

  for (const j0 of overpriced) {
    while (
      (used[j0] ?? 0) < (capacity[j0] ?? 0) &&
      ((v1[j0] ?? 0) > 0 || ((v1[j0] ?? 0) === 0 && (v2[j0] ?? 0) > 0))
    ) {
      // Best terminal so far: j0's own price dropping to zero.
      let t1 = v1[j0] ?? 0;
      let t2 = v2[j0] ?? 0;
      let tCol = j0;
      let tRow = -1;
      let tPos = -1;
      let heapSize = 0;
      let touchedCount = 1;
      touched[0] = j0;
      state[j0] = 2;
      d1[j0] = 0;
      d2[j0] = 0;
      let c = j0;
      for (;;) {
        const c1 = d1[c] ?? 0;
        const c2 = d2[c] ?? 0;
        const end = colStart[c + 1] ?? 0;
        for (let t = colStart[c] ?? 0; t < end; t++) {
          const k = byColRow[t] ?? 0;
          const kp = rowPos[k] ?? 0;
          const seat = kp >= 0 ? (col[kp] ?? 0) : -1;
          if (seat === c) continue;
          const pos = byColPos[t] ?? 0;
          // Reduced cost of k moving to c: its current value plus c's price minus what (k, c) is worth.
          const r1 = c1 + (seat >= 0 ? 1 - (v1[seat] ?? 0) : 0) + (v1[c] ?? 0) - 1;
          const r2 =
            c2 + (seat >= 0 ? (score[kp] ?? 0) - (v2[seat] ?? 0) : 0) + (v2[c] ?? 0) - (score[pos] ?? 0);
          if (!(r1 < t1 || (r1 === t1 && r2 < t2))) continue;
          if (seat < 0) {
            t1 = r1;
            t2 = r2;
            tCol = -1;
            tRow = k;
            tPos = pos;
            continue;
          }
          if ((state[seat] ?? 0) === 2) continue;
          let at: number;
          if ((state[seat] ?? 0) === 0) {
            state[seat] = 1;
            touched[touchedCount++] = seat;
            at = heapSize++;
          } else if (r1 < (d1[seat] ?? 0) || (r1 === (d1[seat] ?? 0) && r2 < (d2[seat] ?? 0))) {
            at = heapPos[seat] ?? 0;
          } else {
            continue;
          }
          d1[seat] = r1;
          d2[seat] = r2;
          predRow[seat] = k;
          predPos[seat] = pos;
          const z1 = r1 + (v1[seat] ?? 0);
          const z2 = r2 + (v2[seat] ?? 0);
          if (z1 < t1 || (z1 === t1 && z2 < t2)) {
            t1 = z1;
            t2 = z2;
            tCol = seat;
            tRow = -1;
            tPos = -1;
          }
          heapSiftUp(lexHeap, seat, at);
        }
        if (heapSize === 0) break;
        c = heap[0] ?? 0;
        if (!((d1[c] ?? 0) < t1 || ((d1[c] ?? 0) === t1 && (d2[c] ?? 0) < t2))) break;
        heapSize--;
        heapRefillRoot(lexHeap, heapSize);
        state[c] = 2;
      }

      for (let k = 0; k < touchedCount; k++) {
        const j = touched[k] ?? 0;
        if ((state[j] ?? 0) === 2) {
          v1[j] = (v1[j] ?? 0) - (t1 - (d1[j] ?? 0));
          v2[j] = (v2[j] ?? 0) - (t2 - (d2[j] ?? 0));
        }
        state[j] = 0;
      }

      // Move mentees along the path, from the far end back to j0.
      let mover = tRow;
      let pos = tPos;
      if (tCol >= 0) {
        if (tCol === j0) {
          continue;
        }
        // The terminal mentor gives up one mentee (at price zero it may have a free seat).
        mover = predRow[tCol] ?? 0;
        pos = predPos[tCol] ?? 0;
        const slot = rowSlot[mover] ?? 0;
        const lastSlot = (slotStart[tCol] ?? 0) + (used[tCol] ?? 0) - 1;
        const moved = slotRow[lastSlot] ?? 0;
        slotRow[slot] = moved;
        rowSlot[moved] = slot;
        used[tCol] = (used[tCol] ?? 0) - 1;
      } else {
        gained++;
      }
      for (;;) {
        const target = col[pos] ?? 0;
        rowPos[mover] = pos;
        if (target === j0) {
          const slot = (slotStart[j0] ?? 0) + (used[j0] ?? 0);
          used[j0] = (used[j0] ?? 0) + 1;
          slotRow[slot] = mover;
          rowSlot[mover] = slot;
          break;
        }
        const leaving = predRow[target] ?? 0;
        const slot = rowSlot[leaving] ?? 0;
        slotRow[slot] = mover;
        rowSlot[mover] = slot;
        pos = predPos[target] ?? 0;
        mover = leaving;
      }
    }
  }
  return gained;
}
