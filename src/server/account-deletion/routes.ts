import { createRoute, z } from '@hono/zod-openapi';
import { actorOf } from '../auth/actor';
import { createRouter, json, jsonBody, problemResponses } from '../http/openapi';
import { DELETE_CONFIRMATION, deleteAccount } from './delete-account';

const deleteAccountSchema = z
  .object({
    confirmation: z
      .string()
      .max(100)
      .openapi({ description: `Type "${DELETE_CONFIRMATION}"` }),
    password: z.string().min(1, { message: 'is required' }).max(200),
  })
  .openapi('DeleteAccount');

const deletionSchema = z
  .object({
    deleted: z.literal(true),
    erased: z.object({
      privateNotes: z.number(),
      journalEntries: z.number(),
      outreachContacts: z.number(),
      scorecards: z.number(),
      shortlistEntries: z.number(),
      guideChoices: z.number(),
      feedbackRequests: z.number(),
    }),
  })
  .openapi('AccountDeletion');

export const accountDeletionRoutes = createRouter().openapi(
  createRoute({
    method: 'post',
    path: '/me/delete',
    tags: ['Account'],
    summary: 'Delete my account: erases my private content; people I worked with see "former member"',
    request: jsonBody(deleteAccountSchema),
    responses: { 200: json(deletionSchema, 'The account is deleted'), ...problemResponses },
  }),
  async (c) => {
    const actor = actorOf(c);
    const erased = await deleteAccount(c.var.deps.db, actor, c.req.valid('json'), c.var.deps.clock());
    // Sessions are gone from the database; this instance's cache must not keep the person signed in.
    c.var.deps.auth.sessions.forgetUser(actor.userId);
    return c.json({ deleted: true as const, erased }, 200);
  },
);
