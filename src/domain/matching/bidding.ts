import { type SeatState, TOP_PAIRS } from './seats';

/**
 * Exact bidding: a mentee bids for its best mentor and, if that mentor is full, raises its price just
 * enough to stay indifferent with its second best, taking the seat of the holder closest to leaving
 * (Jonker–Volgenant's augmenting row reduction, extended to capacities). Each step costs one scan of
 * the bidder's pairs, far less than a shortest-path search, and seats most mentees.
 *
 * It keeps exactly the invariants the exact search needs, so it can stop at any moment:
 * - every seated mentee sits at a pair of highest net value (score minus price): tight and feasible;
 *   a raise is capped by the other holders' slack so none of them is left worse off than elsewhere;
 * - prices only rise on full mentors, so a free seat that cost nothing still costs nothing;
 * - count prices are still 0 here, so (1, score) beats staying unmatched for every seated mentee.
 * A mentee whose bid would not raise a price (a tie) is left to the exact search, which rules out
 * endless bidding wars; `maxSteps` bounds the rest, and bidding stops once only `stopAt` mentees wait.
 * Returns how many mentees were still waiting.
 */
export function bidForSeats(seats: SeatState, maxSteps: number, stopAt = 0): number {
  const {
    rowStart,
    col,
    score,
    capacity,
    v2,
    rowPos,
    rowSlot,
    slotStart,
    slotRow,
    used,
    slack,
    top,
    topFloor,
  } = seats;
  const n = seats.menteeCount;
  if (n === 0) return 0;
  const queue = new Int32Array(n);
  let head = 0;
  let size = 0;
  for (let i = 0; i < n; i++)
    if ((rowPos[i] ?? 0) < 0 && (rowStart[i + 1] ?? 0) > (rowStart[i] ?? 0)) queue[size++] = i;

  for (let steps = 0; size > stopAt && steps < maxSteps; steps++) {
    const i = queue[head] ?? 0;
    head = head + 1 === n ? 0 : head + 1;
    size--;
    const start = rowStart[i] ?? 0;
    const end = rowStart[i + 1] ?? 0;
    // Best and second-best net value (score minus price) over distinct mentors. The best-scoring pairs
    // come first; once a score cannot beat the second best, no later pair can (prices are ≥ 0).
    let u1 = Number.NEGATIVE_INFINITY;
    let u2 = Number.NEGATIVE_INFINITY;
    let p1 = -1;
    let p2 = -1;
    let j1 = -1;
    const topBase = i * TOP_PAIRS;
    const topEnd = topBase + Math.min(TOP_PAIRS, end - start);
    let complete = false;
    for (let t = topBase; t < topEnd; t++) {
      const p = top[t] ?? 0;
      const value = score[p] ?? 0;
      if (value <= u2) {
        complete = true;
        break;
      }
      const j = col[p] ?? 0;
      const net = value - (v2[j] ?? 0);
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
    if (!complete && (topFloor[i] ?? 0) > u2) {
      // Rare: the best pairs were not enough; look at all of them (seen ones again, which is harmless).
      for (let p = start; p < end; p++) {
        const j = col[p] ?? 0;
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
    }
    let seatPos = p1;
    let seatCol = j1;
    if (
      (used[j1] ?? 0) >= (capacity[j1] ?? 0) &&
      p2 >= 0 &&
      u2 === u1 &&
      (used[col[p2] ?? 0] ?? 0) < (capacity[col[p2] ?? 0] ?? 0)
    ) {
      seatPos = p2;
      seatCol = col[p2] ?? 0;
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
    for (let q = slotStart[j1] ?? 0; q < slotEnd; q++) {
      const k = slotRow[q] ?? 0;
      if ((slack[k] ?? 0) < wanted) slack[k] = currentSlack(seats, k, j1);
    }
    let evictSlot = -1;
    let s1 = Number.POSITIVE_INFINITY;
    let s2 = Number.POSITIVE_INFINITY;
    for (let q = slotStart[j1] ?? 0; q < slotEnd; q++) {
      const sigma = slack[slotRow[q] ?? 0] ?? 0;
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
    for (let q = slotStart[j1] ?? 0; q < slotEnd; q++)
      slack[slotRow[q] ?? 0] = (slack[slotRow[q] ?? 0] ?? 0) - raise;
    const evicted = slotRow[evictSlot] ?? 0;
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
  const { rowStart, col, score, v2, rowPos, top, topFloor } = seats;
  let other = Number.NEGATIVE_INFINITY;
  const start = rowStart[k] ?? 0;
  const end = rowStart[k + 1] ?? 0;
  const topBase = k * TOP_PAIRS;
  const topEnd = topBase + Math.min(TOP_PAIRS, end - start);
  let complete = false;
  for (let t = topBase; t < topEnd; t++) {
    const p = top[t] ?? 0;
    const value = score[p] ?? 0;
    if (value <= other) {
      complete = true;
      break;
    }
    const c = col[p] ?? 0;
    if (c !== j) other = Math.max(other, value - (v2[c] ?? 0));
  }
  if (!complete && (topFloor[k] ?? 0) > other) {
    for (let p = start; p < end; p++) {
      const c = col[p] ?? 0;
      if (c !== j) other = Math.max(other, (score[p] ?? 0) - (v2[c] ?? 0));
    }
  }
  return (score[rowPos[k] ?? 0] ?? 0) - (v2[j] ?? 0) - other;
}
