import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { actions } from '../db/schema';
import { notFound, Problem } from '../http/problem';
import { loadPeople, loadRelationship, loadWorkingRelationship } from '../relationships/load-relationship';
import { presentAction } from '../sessions/present';
import type { ActionView } from '../sessions/schemas';
import type { UpdateActionInput } from './schemas';

export async function listActions(db: Db, actor: Actor, relationshipId: string): Promise<ActionView[]> {
  const { rel } = await loadRelationship(db, actor, relationshipId);
  const people = await loadPeople(db, [rel.memberId, rel.guideId]);
  const rows = await db
    .select()
    .from(actions)
    .where(eq(actions.relationshipId, rel.id))
    .orderBy(asc(actions.createdAt));
  return rows.map((row) => presentAction(row, rel, people));
}

export async function createAction(
  db: Db,
  actor: Actor,
  relationshipId: string,
  input: {
    kind: 'practical' | 'reflective';
    text: string;
    owner: 'member' | 'guide';
    dueDate: string | null;
  },
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { rel } = await loadWorkingRelationship(tx, actor, relationshipId);
    await tx.insert(actions).values({
      relationshipId: rel.id,
      ownerId: (input.owner === 'guide' ? rel.guideId : rel.memberId) ?? actor.userId,
      kind: input.kind,
      title: input.text,
      dueDate: input.dueDate,
      createdAt: now,
      updatedAt: now,
    });
  });
}

export async function updateAction(
  db: Db,
  actor: Actor,
  actionId: string,
  input: UpdateActionInput,
  now: Date,
): Promise<{ relationshipId: string }> {
  return db.transaction(async (tx) => {
    const [action] = await tx.select().from(actions).where(eq(actions.id, actionId));
    if (!action) throw notFound('action');
    await loadWorkingRelationship(tx, actor, action.relationshipId).catch((error: unknown) => {
      if (error instanceof Problem && error.status === 404) throw notFound('action');
      throw error;
    });
    if (action.status === 'renegotiated' || action.status === 'dropped') {
      throw new Problem(409, 'action-closed', `This action was ${action.status}; work on what replaced it.`);
    }
    if (input.status === 'renegotiated') {
      await tx
        .update(actions)
        .set({ status: 'renegotiated', updatedAt: now })
        .where(eq(actions.id, action.id));
      await tx.insert(actions).values({
        relationshipId: action.relationshipId,
        sessionId: action.sessionId,
        ownerId: action.ownerId,
        kind: action.kind,
        title: input.smallerTitle,
        dueDate: input.dueDate ?? action.dueDate,
        replacesId: action.id,
        createdAt: now,
        updatedAt: now,
      });
    } else {
      await tx
        .update(actions)
        .set({
          status: input.status,
          outcome: input.status === 'done' ? input.outcome : action.outcome,
          dropReason: input.status === 'dropped' ? input.dropReason : null,
          updatedAt: now,
        })
        .where(eq(actions.id, action.id));
    }
    return { relationshipId: action.relationshipId };
  });
}
