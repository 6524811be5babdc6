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
};

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
  const positions = (rowStart[menteeCount] ?? 0);
  for (let p = 0; p < positions; p++) degree[(col[p] ?? 0)] = (degree[(col[p] ?? 0)] ?? 0) + 1;
  const slotStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) slotStart[j + 1] = (slotStart[j] ?? 0) + Math.min((capacity[j] ?? 0), (degree[j] ?? 0));
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
    slotRow: new Int32Array((slotStart[m] ?? 0)),
    used: new Int32Array(m),
    slack: new Float64Array(menteeCount),
  };
}

/** Unseats everybody, keeping the prices. */
export function clearSeats(seats: SeatState): void {
  seats.rowPos.fill(-1);
  seats.rowSlot.fill(-1);
  seats.used.fill(0);
}
