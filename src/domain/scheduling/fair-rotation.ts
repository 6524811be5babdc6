import { isKnownTimeZone, zoned } from '../sessions/availability';
import { DAY_EDGE_END_HOUR, DAY_EDGE_START_HOUR } from '../settings/scheduling';
import type { MsInterval } from './open-slots';

export type Side = 'member' | 'guide';
export type PairZones = { member: string; guide: string };

/** Whether [start, end) touches the edge of the day in `timeZone`: before 08:00 or after 20:00 local. */
export const atDayEdge = (slot: MsInterval, timeZone: string): boolean => {
  if (!isKnownTimeZone(timeZone)) return false;
  const from = zoned(slot.start, timeZone);
  const to = zoned(slot.end - 1, timeZone);
  const startHour = from.hour + from.minute / 60;
  const endHour = to.hour + (to.minute + 1) / 60;
  return (
    startHour < DAY_EDGE_START_HOUR ||
    endHour > DAY_EDGE_END_HOUR ||
    from.toPlainDate().toString() !== to.toPlainDate().toString()
  );
};

/** Who a time is inconvenient for: nobody, one side, or both. */
export const inconvenientFor = (slot: MsInterval, zones: PairZones): Side[] =>
  (['member', 'guide'] as const).filter((side) => atDayEdge(slot, zones[side]));

export type Balance = { member: number; guide: number };

/** How many past sessions sat at the edge of each person's day. */
export const balanceOf = (past: MsInterval[], zones: PairZones): Balance => {
  const balance: Balance = { member: 0, guide: 0 };
  for (const session of past) for (const side of inconvenientFor(session, zones)) balance[side] += 1;
  return balance;
};

/**
 * Suggestions in a fair order: times convenient for both first; then, when the overlap sits at the edge of
 * someone's day, times that are inconvenient for whoever has taken fewer inconvenient sessions so far, so
 * the pair alternates who takes them; times bad for both last. Within a group, earliest first.
 */
export const fairOrder = (slots: MsInterval[], zones: PairZones, balance: Balance): MsInterval[] => {
  const nextToTake: Side = balance.member <= balance.guide ? 'member' : 'guide';
  const rank = (slot: MsInterval): number => {
    const sides = inconvenientFor(slot, zones);
    if (sides.length === 0) return 0;
    if (sides.length === 2) return 3;
    return sides[0] === nextToTake ? 1 : 2;
  };
  return slots
    .map((slot) => ({ slot, rank: rank(slot) }))
    .sort((a, b) => a.rank - b.rank || a.slot.start - b.slot.start)
    .map(({ slot }) => slot);
};
