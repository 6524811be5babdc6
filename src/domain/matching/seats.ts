import type { Adjacency } from './adjacency';

/** Who sits where, and the mentors' prices; shared by the bidding warm start and the exact search. */
export type SeatState = {
  menteeCount: number;
  mentorCount: number;
  rowStart: Int32Array;
  col: Int32Array;
  score: Float64Array;
  capacity: Int32Array;
  v1: Int32Array;
  v2: Float64Array;
  rowPos: Int32Array;
  rowSlot: Int32Array;
  slotStart: Int32Array;
  slotRow: Int32Array;
  used: Int32Array;
  /** Per seated mentee: a lower bound of how far its net value may fall before another pair is better. */
  slack: Float64Array;
  /**
   * Per mentee, the positions of its TOP_PAIRS best-scoring pairs, best first (ties in input order), and
   * `topFloor`: the best score among its other pairs. A price is never negative, so a scan for the best
   * net value may stop at the first pair whose score cannot beat what it has already found.
   */
  top: Int32Array;
  topFloor: Float64Array;
};

/** Length of the per-mentee lists of best pairs (see SeatState.top). */
export const TOP_PAIRS = 24;

function buildTopLists(
  rowStart: Int32Array,
  score: Float64Array,
  n: number,
): { top: Int32Array; topFloor: Float64Array } {
  const top = new Int32Array(n * TOP_PAIRS);
  const topFloor = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  for (let i = 0; i < n; i++) {
    const base = i * TOP_PAIRS;
    let length = 0;
    // Once the list is full, `last` is its lowest score: most pairs fail that one comparison.
    let last = Number.NEGATIVE_INFINITY;
    let floor = Number.NEGATIVE_INFINITY;
    const end = rowStart[i + 1] ?? 0;
    for (let p = rowStart[i] ?? 0; p < end; p++) {
      const value = score[p] ?? 0;
      if (length === TOP_PAIRS) {
        if (value <= last) {
          if (value > floor) floor = value;
          continue;
        }
        if (last > floor) floor = last;
        length--;
      }
      let at = base + length;
      while (at > base && (score[top[at - 1] ?? 0] ?? 0) < value) {
        top[at] = top[at - 1] ?? 0;
        at--;
      }
      top[at] = p;
      length++;
      if (length === TOP_PAIRS) last = score[top[base + TOP_PAIRS - 1] ?? 0] ?? 0;
    }
    topFloor[i] = floor;
  }
  return { top, topFloor };
}

export function createSeatState(
  adj: Adjacency,
  capacity: Int32Array,
  menteeCount: number,
  mentorCount: number,
): SeatState {
  const { rowStart, col, score } = adj;
  const m = mentorCount;
  // A mentor can never hold more mentees than it has allowed pairs, so seats are sized by that.
  const degree = new Int32Array(m);
  const positions = rowStart[menteeCount] ?? 0;
  for (let p = 0; p < positions; p++) degree[col[p] ?? 0] = (degree[col[p] ?? 0] ?? 0) + 1;
  const slotStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++)
    slotStart[j + 1] = (slotStart[j] ?? 0) + Math.min(capacity[j] ?? 0, degree[j] ?? 0);
  return {
    menteeCount,
    mentorCount,
    rowStart,
    col,
    score,
    capacity,
    v1: new Int32Array(m),
    v2: new Float64Array(m),
    rowPos: new Int32Array(menteeCount).fill(-1),
    rowSlot: new Int32Array(menteeCount).fill(-1),
    slotStart,
    slotRow: new Int32Array(slotStart[m] ?? 0),
    used: new Int32Array(m),
    slack: new Float64Array(menteeCount),
    ...buildTopLists(rowStart, score, menteeCount),
  };
}

/** Unseats everybody, keeping the prices. */
export function clearSeats(seats: SeatState): void {
  seats.rowPos.fill(-1);
  seats.rowSlot.fill(-1);
  seats.used.fill(0);
}
