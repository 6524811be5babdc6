import { createRoute, z } from '@hono/zod-openapi';
import { asc, eq } from 'drizzle-orm';
import { MESSAGE_MAX_LENGTH } from '../../domain/settings/relationships';
import { type Actor, actorOf } from '../auth/actor';
import type { Db } from '../db/client';
import { relationshipMessages } from '../db/schema';
import { conflictResponse, createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import { loadPeople, loadRelationship, loadWorkingRelationship } from '../relationships/load-relationship';
import { relationshipIdParams } from '../relationships/schemas';

const messageSchema = z
  .object({
    id: z.string(),
    authorName: z.string(),
    mine: z.boolean(),
    body: z.string(),
    createdAt: z.string(),
  })
  .openapi('Message');
const listSchema = z.object({ messages: z.array(messageSchema) });
const postSchema = z
  .object({
    body: z
      .string()
      .trim()
      .min(1, 'write a message first')
      .max(MESSAGE_MAX_LENGTH, `must be at most ${MESSAGE_MAX_LENGTH} characters`),
  })
  .openapi('PostMessage');

// One thread per relationship, so reply times can be held against the agreed responsiveness.
export async function listMessages(db: Db, actor: Actor, relationshipId: string) {
  const { rel } = await loadRelationship(db, actor, relationshipId);
  const people = await loadPeople(db, [rel.memberId, rel.guideId]);
  const rows = await db
    .select()
    .from(relationshipMessages)
    .where(eq(relationshipMessages.relationshipId, rel.id))
    .orderBy(asc(relationshipMessages.createdAt));
  return rows.map((row) => ({
    id: row.id,
    authorName: people.get(row.authorId)?.name ?? '',
    mine: row.authorId === actor.userId,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
  }));
}

export async function postMessage(db: Db, actor: Actor, relationshipId: string, body: string, now: Date) {
  await db.transaction(async (tx) => {
    await loadWorkingRelationship(tx, actor, relationshipId);
    await tx
      .insert(relationshipMessages)
      .values({ relationshipId, authorId: actor.userId, body, createdAt: now });
  });
}

const tags = ['Messages'];

export const messageRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/relationships/{relationshipId}/messages',
      tags,
      summary: 'The relationship’s message thread, oldest first',
      request: { params: relationshipIdParams },
      responses: { 200: json(listSchema, 'Messages'), ...problemResponses },
    }),
    async (c) => {
      const messages = await listMessages(c.var.deps.db, actorOf(c), c.req.valid('param').relationshipId);
      return c.json({ messages }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/relationships/{relationshipId}/messages',
      tags,
      summary: 'Send a message to the other person',
      request: { params: relationshipIdParams, ...jsonBody(postSchema) },
      responses: { 201: json(listSchema, 'The thread'), ...problemResponses, ...conflictResponse },
    }),
    async (c) => {
      const { deps } = c.var;
      const actor = actorOf(c);
      const { relationshipId } = c.req.valid('param');
      await postMessage(deps.db, actor, relationshipId, c.req.valid('json').body, deps.clock());
      return c.json({ messages: await listMessages(deps.db, actor, relationshipId) }, 201);
    },
  );
