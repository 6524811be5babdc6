import type { FeedEvent } from './build-session-invite';

/**
 * Every session a person should see in their calendar feed (both roles, upcoming and recent,
 * cancelled ones marked so subscribed calendars remove them). Implemented against the sessions
 * table; until it exists the feed is empty.
 */
export type SessionSource = (userId: string) => Promise<FeedEvent[]>;

export const noSessions: SessionSource = async () => [];
