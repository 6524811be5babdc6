import { randomBytes } from 'node:crypto';
import { DEFAULT_MEETING_HOST, MEETING_ROOM_BYTES } from '../../domain/settings/scheduling';
import type { Db, Tx } from '../db/client';
import { loadBookingRules } from './booking-rules';

/** A fresh Jitsi Meet room nobody can guess: 128 random bits, URL-safe. */
export const generatedRoom = (): string =>
  `${DEFAULT_MEETING_HOST}/Corner-${randomBytes(MEETING_ROOM_BYTES).toString('base64url')}`;

/** Every session has somewhere to meet: the guide's own room, or a generated one. */
export async function defaultMeetingLink(db: Db | Tx, guideId: string | null): Promise<string> {
  if (guideId === null) return generatedRoom();
  return (await loadBookingRules(db, guideId)).roomLink ?? generatedRoom();
}
