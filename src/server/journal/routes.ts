import { createRoute, z } from '@hono/zod-openapi';
import { decisionEntryPrompts, suggestPrompts } from '../../domain/journal/prompts';
import { actorOf } from '../auth/actor';
import { conflictResponse, createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import { relationshipIdParams } from '../relationships/schemas';
import {
  answerFollowUp,
  createEntry,
  listMyEntries,
  listRelationshipEntries,
  updateEntry,
} from './journal-operations';
import {
  createEntrySchema,
  entryIdParams,
  entrySchema,
  followUpSchema,
  journalQuery,
  promptsSchema,
  updateEntrySchema,
} from './schemas';

const tags = ['Journal'];
const listSchema = z.object({ entries: z.array(entrySchema) });

export const journalRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/journal',
      tags,
      summary: 'My journal entries, newest first, with decision follow-ups that are due',
      request: { query: journalQuery },
      responses: { 200: json(listSchema, 'My entries'), ...problemResponses },
    }),
    async (c) => {
      const { deps } = c.var;
      const entries = await listMyEntries(
        deps.db,
        actorOf(c),
        deps.clock(),
        c.req.valid('query').relationshipId,
      );
      return c.json({ entries }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/journal/prompts',
      tags,
      summary: 'Self-coaching prompts to write with',
      responses: { 200: json(promptsSchema, 'Prompts'), ...problemResponses },
    }),
    async (c) => {
      actorOf(c);
      return c.json({ prompts: suggestPrompts([], 10), decisionPrompts: [...decisionEntryPrompts] }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/journal',
      tags,
      summary: 'Write a journal entry (private unless shared with the guide)',
      request: jsonBody(createEntrySchema),
      responses: { 201: json(entrySchema, 'The entry'), ...problemResponses },
    }),
    async (c) => {
      const { deps } = c.var;
      return c.json(await createEntry(deps.db, actorOf(c), c.req.valid('json'), deps.clock()), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/journal/{entryId}',
      tags,
      summary: 'Share or unshare an entry, pin it for the next session',
      request: { params: entryIdParams, ...jsonBody(updateEntrySchema) },
      responses: { 200: json(entrySchema, 'The entry'), ...problemResponses },
    }),
    async (c) => {
      const { deps } = c.var;
      const entry = await updateEntry(
        deps.db,
        actorOf(c),
        c.req.valid('param').entryId,
        c.req.valid('json'),
        deps.clock(),
      );
      return c.json(entry, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/journal/{entryId}/follow-ups',
      tags,
      summary: 'Answer a decision’s 30- or 90-day follow-up',
      request: { params: entryIdParams, ...jsonBody(followUpSchema) },
      responses: { 200: json(entrySchema, 'The entry'), ...problemResponses, ...conflictResponse },
    }),
    async (c) => {
      const { deps } = c.var;
      const entry = await answerFollowUp(
        deps.db,
        actorOf(c),
        c.req.valid('param').entryId,
        c.req.valid('json'),
        deps.clock(),
      );
      return c.json(entry, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/relationships/{relationshipId}/journal',
      tags,
      summary: 'Journal entries I may read in this relationship (the guide: shared ones only)',
      request: { params: relationshipIdParams },
      responses: { 200: json(listSchema, 'Entries'), ...problemResponses },
    }),
    async (c) => {
      const { deps } = c.var;
      const entries = await listRelationshipEntries(
        deps.db,
        actorOf(c),
        c.req.valid('param').relationshipId,
        deps.clock(),
      );
      return c.json({ entries }, 200);
    },
  );
