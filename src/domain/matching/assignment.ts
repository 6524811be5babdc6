import type { Adjacency } from './adjacency';
import { type AuctionOptions, auctionPrices } from './auction';
import { bidForSeats } from './bidding';
import { releasePrices } from './release';
import { searchShortestPaths } from './search';
import { clearSeats, createSeatState, type SeatState } from './seats';

/**
 * Exact capacitated assignment over the allowed pairs only (typed arrays, no per-pair objects).
 *
 * Values are lexicographic pairs (matches, score): a real pair is worth (1, score), staying unmatched
 * (0, 0). Comparing pairs instead of adding a big constant M per match keeps the cardinality part exact
 * whatever the scores' range, and a negative or zero score still counts as a match.
 *
 * Mentor prices V = (count, score) ≥ 0 are the LP dual variables. Every phase maintains, for every
 * seated mentee, that its pair has the highest net value (value minus price) among its options, and the
 * last phase restores that a mentor with a free seat has price 0. Those are the complementary-slackness
 * conditions, so the final prices prove the optimum (see certificate.ts). The phases:
 * 1. exact bidding (bidding.ts): cheap auction steps that keep the conditions; seats most mentees;
 * 2. only when bidding crawls (a price war over near-identical popular guides): an ε-auction
 *    (auction.ts) to find prices fast, then the seats are cleared and exact bidding runs again;
 * 3. successive shortest paths (search.ts, the Hungarian / Jonker–Volgenant family) for the last few;
 * 4. price release (release.ts) for any mentor left with a free seat but a positive price.
 */
export type AssignmentResult = {
  /** Per mentee: adjacency position of the chosen pair, or -1 when unmatched. */
  rowPos: Int32Array;
  priceCount: Int32Array;
  priceScore: Float64Array;
  matched: number;
};

/**
 * How much work each phase may do. These tune speed only: every phase keeps the optimality
 * conditions or repairs them, so any values give the same, exact optimum.
 */
export type AssignmentTuning = {
  /** Bids per mentee in the first, exact bidding round. */
  warmUpBids: number;
  /** Share of mentees still waiting after it that signals a price war, worth the ε-auction. */
  priceWarShare: number;
  /** Bids per mentee in the exact bidding round that follows. */
  bids: number;
  /** Bidding stops when this few mentees wait: one shortest-path search each is cheaper then. */
  searchBelow: number;
  auction: AuctionOptions;
};

export const DEFAULT_TUNING: AssignmentTuning = {
  warmUpBids: 2,
  priceWarShare: 0.05,
  bids: 60,
  searchBelow: 6,
  // ε falls fivefold a round: on bench instance (b), the one with a price war, that solved 15–30% faster
  // than tenfold (same optimum); (a), (c), (d) and (e) measured the same within noise.
  auction: { startFraction: 0.05, endFraction: 0.0005, shrink: 5, bidsPerMentee: 5, discount: 0 },
};

/**
 * Prices and seats to start from instead of bidding: every seated mentee must sit at a pair of highest
 * net value among its pairs (as an optimum of a problem with more pairs leaves them), and no mentor may
 * hold more than its capacity. The exact search then seats the rest and the release fixes free seats
 * that still carry a price, so the result is the same exact optimum as a cold solve.
 */
export type WarmStart = {
  priceCount: Int32Array;
  priceScore: Float64Array;
  /** Per mentee: adjacency position of its seat, or -1. */
  rowPos: Int32Array;
};

export function solveAssignment(
  adj: Adjacency,
  capacity: Int32Array,
  menteeCount: number,
  mentorCount: number,
  tuning: AssignmentTuning = DEFAULT_TUNING,
  warm?: WarmStart,
): AssignmentResult {
  const seats = createSeatState(adj, capacity, menteeCount, mentorCount);
  if (warm !== undefined) {
    seatWarm(seats, warm);
    searchShortestPaths(seats);
    releasePrices(seats);
    return result(seats);
  }
  const waiting = bidForSeats(seats, tuning.warmUpBids * menteeCount);
  if (waiting > tuning.priceWarShare * menteeCount) {
    // Near-identical guides wanted by many make exact bidding crawl; ε-bids find their prices fast.
    auctionPrices(seats, tuning.auction);
    clearSeats(seats);
  }
  bidForSeats(seats, tuning.bids * menteeCount, tuning.searchBelow);
  searchShortestPaths(seats);
  releasePrices(seats);
  return result(seats);
}

function seatWarm(seats: SeatState, warm: WarmStart): void {
  const { col, rowPos, rowSlot, slotStart, slotRow, used } = seats;
  seats.v1.set(warm.priceCount);
  seats.v2.set(warm.priceScore);
  for (let i = 0; i < seats.menteeCount; i++) {
    const p = warm.rowPos[i] ?? -1;
    if (p < 0) continue;
    const j = col[p] ?? 0;
    // A seat past the mentor's room is left to the search (a valid start never has one).
    if ((used[j] ?? 0) >= (slotStart[j + 1] ?? 0) - (slotStart[j] ?? 0)) continue;
    const slot = (slotStart[j] ?? 0) + (used[j] ?? 0);
    used[j] = (used[j] ?? 0) + 1;
    slotRow[slot] = i;
    rowSlot[i] = slot;
    rowPos[i] = p;
  }
}

function result(seats: SeatState): AssignmentResult {
  let matched = 0;
  for (let i = 0; i < seats.menteeCount; i++) if ((seats.rowPos[i] ?? 0) >= 0) matched++;
  return { rowPos: seats.rowPos, priceCount: seats.v1, priceScore: seats.v2, matched };
}
