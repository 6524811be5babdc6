import type { ActionStatus, RelationshipFacts } from '../momentum/compute-momentum';

export type RelationshipRole = 'member' | 'guide';

/**
 * Everything the reminder rules need about one active relationship at one moment. It is a superset
 * of the momentum facts (so the same loader feeds both), with ids that make reminders dedupable.
 */
export type ReminderFacts = Omit<RelationshipFacts, 'upcomingSessions' | 'actions'> & {
  relationshipId: string;
  /** Planned end (ISO instant) of a time-framed relationship; null when open-ended. */
  plannedEndAt: string | null;
  upcomingSessions: { id: string; startsAt: string; agendaSet: boolean }[];
  /** The most recent held session; `lastHeldSessionHasNextStep` is about this one. */
  lastHeldSession: { id: string; startsAt: string } | null;
  actions: {
    id: string;
    title: string;
    owner: RelationshipRole;
    /** ISO instant: the end of the due day in the owner's zone. */
    dueAt: string | null;
    status: ActionStatus;
  }[];
  /** The member's decision-journal entries in this relationship (private: only the member is asked). */
  decisions: { id: string; title: string; createdAt: string; answered: number[] }[];
  /** Who has already answered the mid-point check-in of a time-framed relationship. */
  midpointCheckIn: Record<RelationshipRole, boolean>;
};

export type ReminderKind =
  | 'session-soon'
  | 'agenda-missing'
  | 'next-step-missing'
  | 'action-due'
  | 'action-overdue'
  | 'cadence-slipping'
  | 'cadence-at-risk'
  | 'decision-follow-up'
  | 'midpoint-check-in';

export type Reminder = {
  /** Stable for the same occasion: storing it once per person makes every reminder fire once. */
  key: string;
  kind: ReminderKind;
  relationshipId: string;
  audience: RelationshipRole[];
  text: string;
  /** A path inside the web app. */
  link: string;
  /** After this instant the reminder is no longer worth mailing (the session has started). */
  expiresAt: string | null;
};
