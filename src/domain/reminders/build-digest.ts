import { Temporal } from 'temporal-polyfill';
import {
  DIGEST_EARLIEST_LOCAL_HOUR,
  DIGEST_LATEST_LOCAL_HOUR,
  DIGEST_MAX_ITEMS,
} from '../settings/reminders';
import type { ReminderKind } from './reminder-facts';

export type DigestPerson = { name: string; email: string; timeZone: string };

/** A reminder already stored for one person and not yet mailed. */
export type PendingReminder = {
  key: string;
  kind: ReminderKind;
  text: string;
  link: string;
  createdAt: string;
  expiresAt: string | null;
};

export type Digest = {
  /** The person's local calendar day the digest counts against. */
  day: string;
  subject: string;
  text: string;
  /** Every pending key this digest settles: listed, counted in "more", or expired. */
  settledKeys: string[];
};

// What needs doing soonest comes first in the mail.
const KIND_ORDER: ReminderKind[] = [
  'session-soon',
  'agenda-missing',
  'action-due',
  'action-overdue',
  'next-step-missing',
  'cadence-at-risk',
  'cadence-slipping',
  'midpoint-check-in',
  'decision-follow-up',
];

export const localDay = (now: string, timeZone: string): string =>
  Temporal.Instant.from(now).toZonedDateTimeISO(timeZone).toPlainDate().toString();

/**
 * At most one digest email per person per local day; everything is in the app as well. Returns null
 * when nothing should be mailed now: a digest already went out today, it is night where the person
 * is, or nothing pending is still worth mailing. Items not mailed stay pending for the next day,
 * except expired ones, which are settled without being mailed (a reminder for a session that has
 * started only adds noise).
 */
export const buildDigest = (
  person: DigestPerson,
  reminders: PendingReminder[],
  alreadySentToday: boolean,
  options: { now: string; baseUrl: string },
): Digest | null => {
  if (alreadySentToday) return null;
  const local = Temporal.Instant.from(options.now).toZonedDateTimeISO(person.timeZone);
  if (local.hour < DIGEST_EARLIEST_LOCAL_HOUR || local.hour >= DIGEST_LATEST_LOCAL_HOUR) return null;
  const nowMs = local.epochMilliseconds;
  const live = reminders
    .filter((reminder) => reminder.expiresAt === null || Date.parse(reminder.expiresAt) > nowMs)
    .sort(
      (a, b) =>
        KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
        Date.parse(a.createdAt) - Date.parse(b.createdAt),
    );
  if (live.length === 0) return null;
  const listed = live.slice(0, DIGEST_MAX_ITEMS);
  const more = live.length - listed.length;
  const firstName = person.name.split(' ')[0] || person.name;
  const lines = listed.map((reminder) => `• ${reminder.text}\n  ${options.baseUrl}${reminder.link}`);
  const text = [
    `Hello ${firstName},`,
    '',
    `Here is what is waiting for you in Corner today:`,
    '',
    ...lines,
    ...(more > 0 ? ['', `…and ${more} more in Corner: ${options.baseUrl}/notifications`] : []),
    '',
    'You get at most one of these emails a day. Everything in it is also in your notifications in Corner.',
  ].join('\n');
  const subject = `Corner: ${live.length === 1 ? 'one thing' : `${live.length} things`} for today`;
  return {
    day: local.toPlainDate().toString(),
    subject,
    text,
    settledKeys: reminders.map((reminder) => reminder.key),
  };
};
