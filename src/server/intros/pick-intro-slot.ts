import type { Db } from '../db/client';
import { Problem, type ProblemBody } from '../http/problem';
import type { BusyReader } from '../scheduling/busy-reader';
import { computeIntroSlots } from '../scheduling/list-intro-slots';

const MS_PER_DAY = 86_400_000;
/** How far ahead the fresh intro slots of a 409 reach. */
const FRESH_SLOTS_DAYS = 14;

export type IntroSlot = { start: Date; end: Date };
type SlotView = { start: string; end: string };

/** The picked intro time is no longer open (or someone else just took it): 409 with the times open now. */
export class IntroSlotTakenProblem extends Problem {
  constructor(readonly slots: SlotView[]) {
    super(
      409,
      'slot-taken',
      'That intro time was just taken or is no longer free. Here are the times open right now.',
      'slotStart',
    );
  }

  override toBody(): ProblemBody & { slots: SlotView[] } {
    return { ...super.toBody(), slots: this.slots };
  }
}

/** The intro times open now, for a 409: from the day before the picked one, two weeks on. */
export async function freshIntroSlots(
  db: Db,
  askerId: string,
  guideId: string,
  start: Date,
  now: Date,
  busyReader: BusyReader,
): Promise<SlotView[]> {
  const from = new Date(Math.max(now.getTime(), start.getTime() - MS_PER_DAY));
  const range = { from, to: new Date(from.getTime() + FRESH_SLOTS_DAYS * MS_PER_DAY) };
  return (await computeIntroSlots(db, askerId, guideId, range, now, busyReader)).slots;
}

/**
 * The picked start must be one of the guide's open intro slots right now (hours, rules, both people's busy
 * time, intros already held). This check gives the clear answers; the exclusion constraint on
 * intro_requests is what settles a race between two members for one slot.
 */
export async function pickIntroSlot(
  db: Db,
  askerId: string,
  guideId: string,
  slotStart: string,
  now: Date,
  busyReader: BusyReader,
): Promise<IntroSlot> {
  const start = new Date(slotStart);
  if (start.getTime() <= now.getTime()) {
    throw new Problem(422, 'time-in-past', 'slotStart: must be in the future', 'slotStart');
  }
  const day = { from: new Date(start.getTime() - MS_PER_DAY), to: new Date(start.getTime() + MS_PER_DAY) };
  const open = await computeIntroSlots(db, askerId, guideId, day, now, busyReader);
  if (open.hidden.length > 0) {
    throw new Problem(
      409,
      'slots-hidden',
      `Open intro times are hidden right now: ${open.hidden.map((h) => h.reason).join(' ')} Propose a time of your own instead.`,
      'slotStart',
    );
  }
  const slot = open.slots.find((s) => Date.parse(s.start) === start.getTime());
  if (!slot)
    throw new IntroSlotTakenProblem(await freshIntroSlots(db, askerId, guideId, start, now, busyReader));
  return { start, end: new Date(slot.end) };
}
