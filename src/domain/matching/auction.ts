import { type SeatState, TOP_PAIRS } from './seats';

/**
 * Rough mentor prices from an ε-scaling auction (Bertsekas), used only as a warm start: the exact phases
 * that follow (bidding.ts, the shortest-path search and the price release) keep or restore every
 * optimality condition whatever these prices are, so the auction may stop anywhere.
 *
 * Each seat has its own price. A mentee bids on the cheapest seat of its best mentor and raises that
 * seat's price by its margin over the second-best seat plus ε, which ends the price wars between
 * near-identical popular guides that a zero-ε auction falls into. Free seats cost nothing and are
 * taken without raising the price, so a mentor nobody fights over stays at price 0.
 */
export type AuctionOptions = {
  /** First ε and the last, as fractions of the score spread; ε shrinks by `shrink` between rounds. */
  startFraction: number;
  endFraction: number;
  shrink: number;
  /** Bids allowed per mentee and round; whoever is still unseated then is left to the exact phases. */
  bidsPerMentee: number;
  /** Fraction of the last ε taken off every price at the end. */
  discount: number;
};

export function auctionPrices(seats: SeatState, options: AuctionOptions): void {
  const { rowStart, col, score, capacity, slotStart, v2, top, topFloor } = seats;
  const n = seats.menteeCount;
  const m = seats.mentorCount;
  const positions = rowStart[n] ?? 0;
  if (n === 0 || positions === 0) return;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let p = 0; p < positions; p++) {
    low = Math.min(low, score[p] ?? 0);
    high = Math.max(high, score[p] ?? 0);
  }
  const spread = high - low;
  if (!(spread > 0)) return;

  const seatCount = slotStart[m] ?? 0;
  // Start from the prices found so far (all seats of a mentor at the mentor's price).
  const seatPrice = new Float64Array(seatCount);
  for (let j = 0; j < m; j++) seatPrice.fill(v2[j] ?? 0, slotStart[j] ?? 0, slotStart[j + 1] ?? 0);
  const seatRow = new Int32Array(seatCount).fill(-1);
  const rowSeat = new Int32Array(n).fill(-1);
  // Per mentor: its cheapest seat and that seat's price (infinite for a mentor without seats).
  const cheapest = new Int32Array(m);
  const colPrice = new Float64Array(m);
  const refresh = (j: number): void => {
    const first = slotStart[j] ?? 0;
    const last = slotStart[j + 1] ?? 0;
    cheapest[j] = first < last ? cheapestSeat(seatPrice, seatRow, first, last) : -1;
    colPrice[j] = first < last ? (seatPrice[cheapest[j] ?? 0] ?? 0) : Number.POSITIVE_INFINITY;
  };
  for (let j = 0; j < m; j++) refresh(j);
  const queue = new Int32Array(n);
  let head = 0;
  let size = 0;
  for (let i = 0; i < n; i++) if ((rowStart[i + 1] ?? 0) - (rowStart[i] ?? 0) > 1) queue[size++] = i;

  let epsilon = spread * options.startFraction;
  for (let round = 0; ; round++) {
    if (round > 0) {
      // Keep the seats of the round before; only mentees no longer within ε of their best bid again.
      for (let i = 0; i < n; i++) {
        const seat = rowSeat[i] ?? 0;
        if (seat < 0) continue;
        const end = rowStart[i + 1] ?? 0;
        let best = Number.NEGATIVE_INFINITY;
        let mine = Number.NEGATIVE_INFINITY;
        for (let p = rowStart[i] ?? 0; p < end; p++) {
          const j = col[p] ?? 0;
          const net = (score[p] ?? 0) - (colPrice[j] ?? 0);
          if (net > best) best = net;
          if (seat >= (slotStart[j] ?? 0) && seat < (slotStart[j + 1] ?? 0))
            mine = Math.max(mine, (score[p] ?? 0) - (seatPrice[seat] ?? 0));
        }
        if (mine >= best - epsilon) continue;
        seatRow[seat] = -1;
        rowSeat[i] = -1;
        queue[(head + size) % n] = i;
        size++;
      }
      for (let j = 0; j < m; j++) refresh(j);
    }
    const maxSteps = options.bidsPerMentee * n;
    for (let steps = 0; size > 0 && steps < maxSteps; steps++) {
      const i = queue[head] ?? 0;
      head = head + 1 === n ? 0 : head + 1;
      size--;
      const start = rowStart[i] ?? 0;
      const end = rowStart[i + 1] ?? 0;
      let u1 = Number.NEGATIVE_INFINITY;
      let u2 = Number.NEGATIVE_INFINITY;
      let j1 = -1;
      // Best-scoring pairs first: once a score cannot beat the second best, no later pair can.
      const topBase = i * TOP_PAIRS;
      const topLen = Math.min(TOP_PAIRS, end - start);
      const total = topLen === end - start ? topLen : topLen + end - start;
      for (let k = 0; k < total; k++) {
        let p: number;
        if (k < topLen) {
          p = top[topBase + k] ?? 0;
          if ((score[p] ?? 0) <= u2) break;
        } else {
          if (k === topLen && (topFloor[i] ?? 0) <= u2) break;
          p = start + k - topLen;
        }
        const j = col[p] ?? 0;
        const net = (score[p] ?? 0) - (colPrice[j] ?? 0);
        if (net > u1) {
          if (j !== j1) u2 = u1;
          u1 = net;
          j1 = j;
        } else if (net > u2 && j !== j1) {
          u2 = net;
        }
      }
      if (j1 < 0 || u1 === Number.NEGATIVE_INFINITY) continue;
      const seat = cheapest[j1] ?? 0;
      const holder = seatRow[seat] ?? 0;
      seatRow[seat] = i;
      rowSeat[i] = seat;
      if (holder < 0) {
        refresh(j1);
        continue;
      }
      // Outbid the holder of the cheapest seat; the mentor's next-cheapest seat is an alternative too.
      const first = slotStart[j1] ?? 0;
      const last = slotStart[j1 + 1] ?? 0;
      let next = -1;
      for (let q = first; q < last; q++) {
        if (q === seat) continue;
        if (
          next < 0 ||
          (seatPrice[q] ?? 0) < (seatPrice[next] ?? 0) ||
          ((seatPrice[q] ?? 0) === (seatPrice[next] ?? 0) && (seatRow[q] ?? 0) < 0)
        )
          next = q;
      }
      const nextPrice = next < 0 ? Number.POSITIVE_INFINITY : (seatPrice[next] ?? 0);
      const alternative = Math.max(u2, u1 + (colPrice[j1] ?? 0) - nextPrice);
      const price =
        alternative === Number.NEGATIVE_INFINITY
          ? (colPrice[j1] ?? 0) + epsilon
          : (colPrice[j1] ?? 0) + u1 - alternative + epsilon;
      seatPrice[seat] = price;
      if (next >= 0 && (nextPrice < price || (nextPrice === price && (seatRow[next] ?? 0) < 0))) {
        cheapest[j1] = next;
        colPrice[j1] = nextPrice;
      } else {
        colPrice[j1] = price;
      }
      rowSeat[holder] = -1;
      queue[(head + size) % n] = holder;
      size++;
    }
    if (epsilon <= spread * options.endFraction) break;
    epsilon /= options.shrink;
  }
  // A mentor's price is its cheapest seat, less a share of the last ε: prices a little low only cost a
  // few more exact steps, prices a little high leave seats empty that the price release must then fill.
  // A mentor the auction left with a free seat is not scarce at these prices: it starts at 0.
  const discount = epsilon * options.discount;
  for (let j = 0; j < m; j++) {
    let full = (slotStart[j + 1] ?? 0) > (slotStart[j] ?? 0) && (capacity[j] ?? 0) > 0;
    for (let q = slotStart[j] ?? 0; q < (slotStart[j + 1] ?? 0) && full; q++)
      if ((seatRow[q] ?? 0) < 0) full = false;
    v2[j] = full ? Math.max(0, (colPrice[j] ?? 0) - discount) : 0;
  }
}

/** The cheapest seat, a free one winning ties (so a mentor nobody fights over stays at price 0). */
function cheapestSeat(price: Float64Array, seatRow: Int32Array, first: number, last: number): number {
  let next = first;
  for (let q = first + 1; q < last; q++) {
    const p = price[q] ?? 0;
    const best = price[next] ?? 0;
    if (p < best || (p === best && (seatRow[q] ?? 0) < 0 && (seatRow[next] ?? 0) >= 0)) next = q;
  }
  return next;
}
