import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { availabilityWindowSchema, isKnownTimeZone } from '../../domain/sessions/availability';
import { type Actor, actorOf } from '../auth/actor';
import type { Db } from '../db/client';
import { guideProfiles } from '../db/schema';
import { createRouter, json, jsonBody, problemResponses } from '../http/openapi';

// Only the basics a relationship needs (when the guide can meet, how many people they take on), for API
// clients that want no more. The web app edits the full profile (/me/guide-profile), which holds the
// same fields on the same table; these routes are marked deprecated in the OpenAPI document.
const basicsSchema = z
  .object({
    headline: z.string().trim().max(200, 'must be at most 200 characters'),
    kind: z.enum(['mentor', 'coach', 'both'], { message: 'must be mentor, coach or both' }),
    timeZone: z
      .string()
      .refine(isKnownTimeZone, { message: 'must be a time zone we know, such as Europe/Berlin' }),
    availability: z.array(availabilityWindowSchema).max(50),
    capacity: z.number().int().min(0, 'must be 0 or more').max(50, 'must be at most 50'),
  })
  .openapi('GuideBasics');

const responseSchema = basicsSchema.extend({ exists: z.boolean() }).openapi('GuideBasicsView');

async function readBasics(db: Db, actor: Actor) {
  const [row] = await db.select().from(guideProfiles).where(eq(guideProfiles.userId, actor.userId));
  if (!row) {
    return {
      exists: false,
      headline: '',
      kind: 'mentor' as const,
      timeZone: actor.timeZone,
      availability: [],
      capacity: 2,
    };
  }
  return {
    exists: true,
    headline: row.headline,
    kind: row.kind,
    timeZone: row.timeZone,
    availability: row.availability,
    capacity: row.capacity,
  };
}

const tags = ['Guide profile'];

export const guideBasicsRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/guide-profile',
      tags,
      deprecated: true,
      summary: 'My basic guide profile (headline, kind, zone, weekly availability, capacity)',
      responses: { 200: json(responseSchema, 'My guide basics, or defaults'), ...problemResponses },
    }),
    async (c) => c.json(await readBasics(c.var.deps.db, actorOf(c)), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/guide-profile',
      tags,
      deprecated: true,
      summary: 'Create or update my basic guide profile',
      request: jsonBody(basicsSchema),
      responses: { 200: json(responseSchema, 'Saved'), ...problemResponses },
    }),
    async (c) => {
      const { deps } = c.var;
      const actor = actorOf(c);
      const input = c.req.valid('json');
      const now = deps.clock();
      await deps.db
        .insert(guideProfiles)
        .values({ userId: actor.userId, ...input, createdAt: now, updatedAt: now })
        .onConflictDoUpdate({ target: guideProfiles.userId, set: { ...input, updatedAt: now } });
      return c.json(await readBasics(deps.db, actor), 200);
    },
  );
