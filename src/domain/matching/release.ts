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
    if (used[j] < capacity[j] && (v1[j] > 0 || (v1[j] === 0 && v2[j] > 0))) overpriced.push(j);
  }
  if (overpriced.length === 0) return 0;
  const T0 = performance.now();
  let searches = 0,
    pops = 0,
    zero = 0;

  // Mentees by mentor (the transpose of the adjacency), with their adjacency positions.
  const positions = rowStart[n];
  const colStart = new Int32Array(m + 1);
  for (let p = 0; p < positions; p++) colStart[col[p] + 1] += 1;
  for (let j = 0; j < m; j++) colStart[j + 1] += colStart[j];
  const byColPos = new Int32Array(positions);
  const byColRow = new Int32Array(positions);
  const next = colStart.slice(0, m);
  for (let i = 0; i < n; i++) {
    for (let p = rowStart[i]; p < rowStart[i + 1]; p++) {
      const at = next[col[p]]++;
      byColPos[at] = p;
      byColRow[at] = i;
    }
  }

  const T1 = performance.now();
  const d1 = new Int32Array(m);
  const d2 = new Float64Array(m);
  const state = new Uint8Array(m);
  const predRow = new Int32Array(m);
  const predPos = new Int32Array(m);
  const heap = new Int32Array(m);
  const heapPos = new Int32Array(m);
  const touched = new Int32Array(m);
  let gained = 0;

  for (const j0 of overpriced) {
    while (used[j0] < capacity[j0] && (v1[j0] > 0 || (v1[j0] === 0 && v2[j0] > 0))) {
      // Best terminal so far: j0's own price dropping to zero.
      searches++;
      let t1 = v1[j0];
      let t2 = v2[j0];
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
        const c1 = d1[c];
        const c2 = d2[c];
        const end = colStart[c + 1];
        for (let t = colStart[c]; t < end; t++) {
          const k = byColRow[t];
          const kp = rowPos[k];
          const seat = kp >= 0 ? col[kp] : -1;
          if (seat === c) continue;
          const pos = byColPos[t];
          // Reduced cost of k moving to c: its current value plus c's price minus what (k, c) is worth.
          const r1 = c1 + (seat >= 0 ? 1 - v1[seat] : 0) + v1[c] - 1;
          const r2 = c2 + (seat >= 0 ? score[kp] - v2[seat] : 0) + v2[c] - score[pos];
          if (!(r1 < t1 || (r1 === t1 && r2 < t2))) continue;
          if (seat < 0) {
            t1 = r1;
            t2 = r2;
            tCol = -1;
            tRow = k;
            tPos = pos;
            continue;
          }
          if (state[seat] === 2) continue;
          let at: number;
          if (state[seat] === 0) {
            state[seat] = 1;
            touched[touchedCount++] = seat;
            at = heapSize++;
          } else if (r1 < d1[seat] || (r1 === d1[seat] && r2 < d2[seat])) {
            at = heapPos[seat];
          } else {
            continue;
          }
          d1[seat] = r1;
          d2[seat] = r2;
          predRow[seat] = k;
          predPos[seat] = pos;
          const z1 = r1 + v1[seat];
          const z2 = r2 + v2[seat];
          if (z1 < t1 || (z1 === t1 && z2 < t2)) {
            t1 = z1;
            t2 = z2;
            tCol = seat;
            tRow = -1;
            tPos = -1;
          }
          while (at > 0) {
            const parentAt = (at - 1) >> 1;
            const parent = heap[parentAt];
            if (d1[parent] < r1 || (d1[parent] === r1 && d2[parent] <= r2)) break;
            heap[at] = parent;
            heapPos[parent] = at;
            at = parentAt;
          }
          heap[at] = seat;
          heapPos[seat] = at;
        }
        if (heapSize === 0) break;
        c = heap[0];
        if (!(d1[c] < t1 || (d1[c] === t1 && d2[c] < t2))) break;
        heapSize--;
        if (heapSize > 0) {
          const last = heap[heapSize];
          const l1 = d1[last];
          const l2 = d2[last];
          let at = 0;
          for (;;) {
            let child = 2 * at + 1;
            if (child >= heapSize) break;
            const right = child + 1;
            if (right < heapSize) {
              const a = heap[child];
              const b = heap[right];
              if (d1[b] < d1[a] || (d1[b] === d1[a] && d2[b] < d2[a])) child = right;
            }
            const a = heap[child];
            if (l1 < d1[a] || (l1 === d1[a] && l2 <= d2[a])) break;
            heap[at] = a;
            heapPos[a] = at;
            at = child;
          }
          heap[at] = last;
          heapPos[last] = at;
        }
        state[c] = 2;
        pops++;
      }

      for (let k = 0; k < touchedCount; k++) {
        const j = touched[k];
        if (state[j] === 2) {
          v1[j] -= t1 - d1[j];
          v2[j] -= t2 - d2[j];
        }
        state[j] = 0;
      }

      // Move mentees along the path, from the far end back to j0.
      let mover = tRow;
      let pos = tPos;
      if (tCol >= 0) {
        if (tCol === j0) {
          zero++;
          continue;
        }
        // The terminal mentor gives up one mentee (at price zero it may have a free seat).
        mover = predRow[tCol];
        pos = predPos[tCol];
        const slot = rowSlot[mover];
        const lastSlot = slotStart[tCol] + used[tCol] - 1;
        const moved = slotRow[lastSlot];
        slotRow[slot] = moved;
        rowSlot[moved] = slot;
        used[tCol] -= 1;
      } else {
        gained++;
      }
      for (;;) {
        const target = col[pos];
        rowPos[mover] = pos;
        if (target === j0) {
          const slot = slotStart[j0] + used[j0];
          used[j0] += 1;
          slotRow[slot] = mover;
          rowSlot[mover] = slot;
          break;
        }
        const leaving = predRow[target];
        const slot = rowSlot[leaving];
        slotRow[slot] = mover;
        rowSlot[mover] = slot;
        pos = predPos[target];
        mover = leaving;
      }
    }
  }
  console.error(
    'release',
    overpriced.length,
    'transpose',
    (T1 - T0).toFixed(0),
    'searches',
    searches,
    'pops',
    pops,
    'zeroed',
    zero,
    (performance.now() - T1).toFixed(0),
  );
  return gained;
}
