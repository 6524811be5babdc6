import { Temporal } from 'temporal-polyfill';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { Problem, type ProblemBody } from '../http/problem';
import { scheduleSession } from '../sessions/schedule-session';
import { type BusyReader, readBusy } from './busy-reader';
import { computeSlots, relationshipSlotsQuery } from './list-slots';

const MS_PER_DAY = 86_400_000;
/** How far ahead the fresh slots of a 409 reach. */
const FRESH_SLOTS_DAYS = 14;

/** Someone else took the slot (or it is no longer open): 409 with the times that are open now. */
export class SlotTakenProblem extends Problem {
  constructor(readonly slots: { start: string; end: string }[]) {
    super(
      409,
      'slot-taken',
      'That time was just booked or is no longer free. Here are the times open right now.',
      'start',
    );
  }

  override toBody(): ProblemBody & { slots: { start: string; end: string }[] } {
    return { ...super.toBody(), slots: this.slots };
  }
}

/** The database refused an overlapping session of the same guide (sessions_guide_no_overlap). */
export function isOverlapViolation(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    if ('code' in current && current.code === '23P01') return true;
    current = 'cause' in current ? current.cause : undefined;
  }
  return false;
}

// The wall-clock time in `timeZone` that names exactly this instant (so a daylight-saving repeat cannot
// shift it); UTC when the zone's wall clock is ambiguous there.
function localStartFor(start: Date, timeZone: string): { localStart: string; timeZone: string } {
  const local = Temporal.Instant.fromEpochMilliseconds(start.getTime()).toZonedDateTimeISO(timeZone);
  const plain = local.toPlainDateTime().toString({ smallestUnit: 'minute' });
  const back = Temporal.PlainDateTime.from(plain).toZonedDateTime(timeZone).epochMilliseconds;
  if (back === start.getTime()) return { localStart: plain, timeZone };
  const utc = Temporal.Instant.fromEpochMilliseconds(start.getTime()).toZonedDateTimeISO('UTC');
  return { localStart: utc.toPlainDateTime().toString({ smallestUnit: 'minute' }), timeZone: 'UTC' };
}

/**
 * Book one of the open slots. The slot is checked against the open slots (busy time, rules, limits), then
 * booked through scheduleSession (same checks, invites and calendar jobs as any session). Two people racing
 * for one slot: the exclusion constraint on sessions lets exactly one insert win; the other gets 409.
 */
export async function bookSlot(
  db: Db,
  actor: Actor,
  relationshipId: string,
  input: { start: string },
  now: Date,
  busyReader: BusyReader = readBusy,
): Promise<{ sessionId: string }> {
  const start = new Date(input.start);
  const day = { from: new Date(start.getTime() - MS_PER_DAY), to: new Date(start.getTime() + MS_PER_DAY) };
  const { query } = await relationshipSlotsQuery(db, actor, relationshipId, day, now);
  // The same pair and terms over the next two weeks: the relationship is not loaded again.
  const fresh = async () => {
    const from = new Date(Math.max(now.getTime(), start.getTime() - MS_PER_DAY));
    const range = { from, to: new Date(from.getTime() + FRESH_SLOTS_DAYS * MS_PER_DAY) };
    return (await computeSlots(db, { ...query, range }, busyReader)).slots;
  };
  const open = await computeSlots(db, query, busyReader);
  if (open.hidden.length > 0) {
    throw new Problem(
      409,
      'slots-hidden',
      `Open slots are hidden right now: ${open.hidden.map((h) => h.reason).join(' ')} Book a time by agreement instead.`,
      'start',
    );
  }
  if (!open.slots.some((slot) => Date.parse(slot.start) === start.getTime())) {
    throw new SlotTakenProblem(await fresh());
  }
  try {
    return await scheduleSession(
      db,
      actor,
      relationshipId,
      {
        ...localStartFor(start, actor.timeZone),
        minutes: undefined,
        template: undefined,
        meetingLink: null,
        place: null,
        agendaTopic: '',
        allowShortNotice: false,
      },
      now,
    );
  } catch (error) {
    if (isOverlapViolation(error) || (error instanceof Problem && error.code === 'overlap')) {
      throw new SlotTakenProblem(await fresh());
    }
    throw error;
  }
}
