import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { agreementTermsSchema } from '../../../domain/agreements/agreement-terms';
import { relationshipFramings, relationshipKinds } from '../../../domain/agreements/vocabulary';
import { MESSAGE_MAX_LENGTH } from '../../../domain/settings/relationships';
import type { Actor } from '../../auth/actor';
import type { Db } from '../../db/client';
import {
  agreements,
  coachingPlans,
  goals,
  reflections,
  relationshipGoals,
  relationshipMessages,
} from '../../db/schema';
import { relationshipPolicy } from '../../policies/relationships';
import { visibleReflections } from '../../relationships/get-relationship';
import { loadPeople, type RelationshipRow } from '../../relationships/load-relationship';
import { instant, longText, ref, role } from './fields';
import { type Entry, inOrder, liveEntry, loadHistory, saveHistory, withNewIds } from './history';
import { myRelationships } from './my-relationships';
import { defineSection, iso } from './section';

// One relationship as the person saw it. The other person appears by name and role only: their email
// and anything private to them (private notes, unshared journal, self-reflection) never leave Corner.
const dataSchema = z.object({
  myRole: role,
  counterpart: z.string().max(200).nullable(),
  kind: z.enum(relationshipKinds),
  framing: z.enum(relationshipFramings),
  status: z.enum(['active', 'closed']),
  startDate: z.iso.date().nullable(),
  plannedEndDate: z.iso.date().nullable(),
  createdAt: instant,
  acceptedAt: instant.nullable(),
  closedAt: instant.nullable(),
  // The person's own goals link by ref; a guide keeps the member's shared goals by title only.
  goals: z.array(
    z.object({
      goal: ref.nullable(),
      title: z.string().min(1).max(300),
      status: z.enum(['active', 'achieved', 'archived']),
    }),
  ),
  agreements: z.array(
    z.object({
      version: z.number().int().min(1),
      terms: agreementTermsSchema,
      status: z.enum(['proposed', 'accepted', 'superseded', 'withdrawn']),
      proposedBy: role,
      proposedAt: instant,
      acceptedAt: instant.nullable(),
    }),
  ),
  plans: z.array(
    z.object({
      version: z.number().int().min(1),
      assessment: longText,
      focusAreas: z.array(
        z.object({ title: z.string().min(1).max(200), addedInVersion: z.number().int().min(1) }),
      ),
      createdAt: instant,
    }),
  ),
  // Only what the blind-reveal rules let this person read when the record was made.
  reflections: z.array(
    z.object({
      kind: z.enum(['midpoint', 'retrospective', 'guide-self', 'member-view']),
      by: role,
      answers: z.record(z.string(), z.union([z.string(), z.number()])),
      createdAt: instant,
    }),
  ),
  messages: z.array(z.object({ by: role, body: z.string().max(MESSAGE_MAX_LENGTH), createdAt: instant })),
});
type RelationshipData = z.infer<typeof dataSchema>;

export const relationshipItemSchema = z.object({ ref, ...dataSchema.shape });
export type RelationshipItem = z.infer<typeof relationshipItemSchema>;

// The presenters' convention: whoever is not the member is the guide.
const side = (rel: RelationshipRow, personId: string) => (personId === rel.memberId ? 'member' : 'guide');

async function liveRelationships(db: Db, actor: Actor): Promise<Entry<RelationshipData>[]> {
  const rows = await myRelationships(db, actor.userId);
  if (rows.length === 0) return [];
  const ids = rows.map((rel) => rel.id);
  const people = await loadPeople(
    db,
    rows.map((rel) => (rel.memberId === actor.userId ? rel.guideId : rel.memberId)),
  );
  const goalRows = await db
    .select({ relationshipId: relationshipGoals.relationshipId, goal: goals })
    .from(relationshipGoals)
    .innerJoin(goals, eq(goals.id, relationshipGoals.goalId))
    .where(inArray(relationshipGoals.relationshipId, ids));
  const agreementRows = await db
    .select()
    .from(agreements)
    .where(inArray(agreements.relationshipId, ids))
    .orderBy(asc(agreements.version));
  const planRows = await db
    .select()
    .from(coachingPlans)
    .where(inArray(coachingPlans.relationshipId, ids))
    .orderBy(asc(coachingPlans.version));
  const reflectionRows = await db.select().from(reflections).where(inArray(reflections.relationshipId, ids));
  const messageRows = await db
    .select()
    .from(relationshipMessages)
    .where(inArray(relationshipMessages.relationshipId, ids))
    .orderBy(asc(relationshipMessages.createdAt), asc(relationshipMessages.body));
  return rows.map((rel) => {
    const myRole = rel.memberId === actor.userId ? 'member' : 'guide';
    const other = myRole === 'member' ? rel.guideId : rel.memberId;
    const mine = <T extends { relationshipId: string }>(list: T[]) =>
      list.filter((row) => row.relationshipId === rel.id);
    return liveEntry(rel.id, {
      myRole,
      counterpart: other ? (people.get(other)?.name ?? null) : null,
      kind: rel.kind,
      framing: rel.framing,
      status: rel.status === 'closed' ? 'closed' : 'active',
      startDate: rel.startDate,
      plannedEndDate: rel.plannedEndDate,
      createdAt: rel.createdAt.toISOString(),
      acceptedAt: iso(rel.acceptedAt),
      closedAt: iso(rel.closedAt),
      goals: mine(goalRows)
        .map((row) => row.goal)
        .filter((goal) => relationshipPolicy.canReadLinkedGoal(actor, goal, rel))
        .map((goal) => ({
          goal: goal.userId === actor.userId ? goal.id : null,
          title: goal.title,
          status: goal.status,
        })),
      agreements: mine(agreementRows).map((row) => ({
        version: row.version,
        terms: row.terms,
        status: row.status,
        proposedBy: side(rel, row.proposedBy),
        proposedAt: row.proposedAt.toISOString(),
        acceptedAt: iso(row.acceptedAt),
      })),
      plans: mine(planRows).map((row) => ({
        version: row.version,
        assessment: row.assessment,
        focusAreas: row.focusAreas,
        createdAt: row.createdAt.toISOString(),
      })),
      reflections: visibleReflections(mine(reflectionRows), actor, rel)
        .map((row) => ({
          kind: row.kind,
          by: row.authorRole,
          answers: row.answers,
          createdAt: row.createdAt,
        }))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.kind.localeCompare(b.kind)),
      messages: mine(messageRows).map((row) => ({
        by: side(rel, row.authorId),
        body: row.body,
        createdAt: row.createdAt.toISOString(),
      })),
    });
  });
}

export const relationshipsSection = defineSection({
  key: 'relationships',
  title: 'Relationships',
  schema: z.array(relationshipItemSchema),
  async exportItems({ db, userId, actor, refs, scope }) {
    const live = scope === 'everything' ? await liveRelationships(db, actor) : [];
    const imported = await loadHistory(db, userId, 'relationships', dataSchema);
    const ordered = inOrder([...live, ...imported], (r) => [
      r.createdAt,
      r.acceptedAt ?? '',
      r.counterpart ?? '',
      r.kind,
      r.framing,
      r.myRole,
    ]);
    return ordered.map(({ id, data }) => ({
      ref: refs.refFor('relationship', id),
      ...data,
      goals: data.goals
        .map((linked) => ({ ...linked, goal: linked.goal ? refs.knownRef('goal', linked.goal) : null }))
        .sort(
          (a, b) =>
            (a.goal ?? '').localeCompare(b.goal ?? '', 'en', { numeric: true }) ||
            a.title.localeCompare(b.title),
        ),
    }));
  },
  async importItems({ tx, userId, refs, now }, items) {
    const rows = withNewIds(refs, items, 'relationship').map(({ id, item: { ref: _, ...data }, index }) => {
      const payload: RelationshipData = {
        ...data,
        goals: data.goals.map((linked, goalIndex) => ({
          ...linked,
          goal: linked.goal
            ? refs.idFor(linked.goal, `relationships.${index}.goals.${goalIndex}.goal`, 'goal')
            : null,
        })),
      };
      return { id, position: index, payload };
    });
    await saveHistory(tx, userId, 'relationships', rows, now);
    return items.length;
  },
});
