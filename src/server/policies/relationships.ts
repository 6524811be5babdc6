import type { Actor } from '../auth/actor';
import type { RelationshipStatus } from '../db/schema/relationships';

export type RelationshipRole = 'member' | 'guide';

type RelationshipParties = {
  memberId: string | null;
  guideId: string | null;
  invitedBy: string;
  status: RelationshipStatus;
};

type JournalRecord = { userId: string; sharedWithGuide: boolean; relationshipId: string | null };
type GoalRecord = { userId: string; sharedWithGuides: 'shared' | 'private' };

// Both people are named but have not both said yes (a program's proposal, or one they declined):
// nothing of one may reach the other. An invitation has only its inviter until it is accepted.
const awaitsConsent = (rel: RelationshipParties) =>
  rel.memberId !== null && rel.guideId !== null && rel.status !== 'active' && rel.status !== 'closed';

const roleOf = (actor: Actor, rel: RelationshipParties): RelationshipRole | null => {
  if (rel.memberId === actor.userId) return 'member';
  if (rel.guideId === actor.userId) return 'guide';
  return null;
};

// PRODUCT.md §3. A stranger and a guide from another relationship get nothing; the two people in a
// relationship share its agenda, shared notes and actions, but each keeps their own private notes and
// journal. Callers answer "not allowed" exactly like "missing" (404), so ids reveal nothing.
export const relationshipPolicy = {
  roleOf,
  awaitsConsent,
  canRead: (actor: Actor, rel: RelationshipParties) =>
    roleOf(actor, rel) !== null || (rel.status === 'invited' && rel.invitedBy === actor.userId),
  // Working together (sessions, notes, actions, messages) needs an active relationship.
  canWork: (actor: Actor, rel: RelationshipParties) => rel.status === 'active' && roleOf(actor, rel) !== null,
  canReadPrivateNote: (actor: Actor, note: { userId: string }) => note.userId === actor.userId,
  canReadJournalEntry: (actor: Actor, entry: JournalRecord, rel: RelationshipParties & { id: string }) =>
    entry.userId === actor.userId ||
    (entry.sharedWithGuide &&
      !awaitsConsent(rel) &&
      rel.guideId === actor.userId &&
      rel.memberId === entry.userId &&
      (entry.relationshipId === null || entry.relationshipId === rel.id)),
  // A goal linked to a relationship is the guide's to read only while the member shares it.
  canReadLinkedGoal: (actor: Actor, goal: GoalRecord, rel: RelationshipParties) =>
    goal.userId === actor.userId ||
    (!awaitsConsent(rel) &&
      rel.guideId === actor.userId &&
      rel.memberId === goal.userId &&
      goal.sharedWithGuides === 'shared'),
  // The guide's self-reflection is for the guide's own practice only.
  canReadReflection: (actor: Actor, reflection: { authorId: string; kind: string }) =>
    reflection.kind !== 'guide-self' || reflection.authorId === actor.userId,
};
