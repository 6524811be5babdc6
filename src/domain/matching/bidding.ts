import type { SeatState } from './seats';

/**
 * Warm start for the exact search: an auction in which a mentee bids for its best mentor, raising the
 * mentor's price just enough to stay indifferent with its second best (Jonker–Volgenant's augmenting
 * row reduction, extended to capacities). It sets most prices close to their final values cheaply, so
 * the shortest-path searches that follow stay short even when a few guides are wanted by everyone.
 *
 * It keeps exactly the invariants the exact search needs, so it can stop at any moment:
 * - every seated mentee sits at a pair of highest net value (score minus price): tight and feasible;
 * - a mentor with a free seat has price 0 (prices only rise when a full mentor is outbid);
 * - count prices stay 0, so (1, score) beats staying unmatched for every seated mentee.
 * A mentee whose bid would not raise a price (a tie) is left to the exact search, which rules out
 * endless bidding wars; `maxSteps` bounds the rest. Returns how many mentees were still waiting to bid.
 */
export function bidForSeats(seats: SeatState, maxSteps: number, stopAt = 0): number {
  const { rowStart, col, score, capacity, v2, rowPos, rowSlot, slotStart, slotRow, used, slack } = seats;
  const n = seats.menteeCount;
  if (n === 0) return 0;
  const queue = new Int32Array(n);
  let head = 0;
  let size = 0;
  for (let i = 0; i < n; i++) if ((rowPos[i] ?? 0) < 0 && (rowStart[i + 1] ?? 0) > (rowStart[i] ?? 0)) queue[size++] = i;

  for (let steps = 0; size > stopAt && steps < maxSteps; steps++) {
    const i = (queue[head] ?? 0);
    head = head + 1 === n ? 0 : head + 1;
    size--;
    const start = (rowStart[i] ?? 0);
    const end = (rowStart[i + 1] ?? 0);
    // Best and second-best net value (score minus price) over distinct mentors, in one pass.
    let u1 = Number.NEGATIVE_INFINITY;
    let u2 = Number.NEGATIVE_INFINITY;
    let p1 = -1;
    let p2 = -1;
    let j1 = -1;
    for (let p = start; p < end; p++) {
      const j = (col[p] ?? 0);
      const net = (score[p] ?? 0) - (v2[j] ?? 0);
      if (net > u1) {
        if (j !== j1) {
          u2 = u1;
          p2 = p1;
        }
        u1 = net;
        p1 = p;
        j1 = j;
      } else if (net > u2 && j !== j1) {
        u2 = net;
        p2 = p;
      }
    }
    let seatPos = p1;
    let seatCol = j1;
    if ((used[j1] ?? 0) >= (capacity[j1] ?? 0) && p2 >= 0 && u2 === u1 && (used[(col[p2] ?? 0)] ?? 0) < (capacity[(col[p2] ?? 0)] ?? 0)) {
      seatPos = p2;
      seatCol = (col[p2] ?? 0);
    }
    if ((used[seatCol] ?? 0) < (capacity[seatCol] ?? 0)) {
      const slot = (slotStart[seatCol] ?? 0) + (used[seatCol] ?? 0);
      used[seatCol] = (used[seatCol] ?? 0) + 1;
      slotRow[slot] = i;
      rowSlot[i] = slot;
      rowPos[i] = seatPos;
      slack[i] = u1 - u2;
      continue;
    }

    // Outbid the holder closest to leaving; the others must stay at their best, which bounds the raise.
    // Cached slacks only grow stale upwards (other prices rise), so refresh those that would bind.
    const wanted = u1 - u2;
    const slotEnd = (slotStart[j1] ?? 0) + (used[j1] ?? 0);
    for (let q = (slotStart[j1] ?? 0); q < slotEnd; q++) {
      const k = (slotRow[q] ?? 0);
      if ((slack[k] ?? 0) < wanted) slack[k] = currentSlack(seats, k, j1);
    }
    let evictSlot = -1;
    let s1 = Number.POSITIVE_INFINITY;
    let s2 = Number.POSITIVE_INFINITY;
    for (let q = (slotStart[j1] ?? 0); q < slotEnd; q++) {
      const sigma = (slack[(slotRow[q] ?? 0)] ?? 0);
      if (sigma < s1) {
        s2 = s1;
        s1 = sigma;
        evictSlot = q;
      } else if (sigma < s2) {
        s2 = sigma;
      }
    }
    const raise = Math.min(wanted, s2);
    if (evictSlot < 0 || !(raise > 0) || raise === Number.POSITIVE_INFINITY) continue;
    v2[j1] = (v2[j1] ?? 0) + raise;
    for (let q = (slotStart[j1] ?? 0); q < slotEnd; q++) slack[(slotRow[q] ?? 0)] = (slack[(slotRow[q] ?? 0)] ?? 0) - raise;
    const evicted = (slotRow[evictSlot] ?? 0);
    rowPos[evicted] = -1;
    rowSlot[evicted] = -1;
    let tail = head + size;
    if (tail >= n) tail -= n;
    queue[tail] = evicted;
    size++;
    slotRow[evictSlot] = i;
    rowSlot[i] = evictSlot;
    rowPos[i] = p1;
    slack[i] = u1 - raise - u2;
  }
  return size;
}

/** How far mentee k's net value at its mentor j may fall before another of its pairs is better. */
function currentSlack(seats: SeatState, k: number, j: number): number {
  const { rowStart, col, score, v2, rowPos } = seats;
  let other = Number.NEGATIVE_INFINITY;
  const end = (rowStart[k + 1] ?? 0);
  for (let p = (rowStart[k] ?? 0); p < end; p++) {
    const c = (col[p] ?? 0);
    if (c !== j) other = Math.max(other, (score[p] ?? 0) - (v2[c] ?? 0));
  }
  return (score[(rowPos[k] ?? 0)] ?? 0) - (v2[j] ?? 0) - other;
}
