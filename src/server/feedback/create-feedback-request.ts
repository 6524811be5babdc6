import { FEEDBACK_LINK_DAYS } from '../../domain/settings/growth-tools';
import { newSecretToken } from '../access-tokens/secret-token';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { feedbackRequests } from '../db/schema';
import { loadGoal } from '../goals/get-goal';
import { Problem } from '../http/problem';
import type { Mailer } from '../mail/mailer';
import { getFeedbackRequest } from './get-feedback-request';
import type { CreatedFeedbackRequest, CreateFeedbackRequestInput } from './schemas';
import { sharingRelationship } from './sharing-relationship';

const DAY_MS = 86_400_000;

export const feedbackLinkPath = (token: string) => `/feedback/${token}`;

// Mirror feedback serves goals about how one comes across (EQ) or inner work; execution skills grow
// from artifacts instead, so an IQ goal is pointed at the artifact library.
export async function createFeedbackRequest(
  db: Db,
  actor: Actor,
  input: CreateFeedbackRequestInput,
  context: { now: Date; mailer: Mailer; origin: string },
): Promise<CreatedFeedbackRequest> {
  const { token, hash } = newSecretToken();
  const created = await db.transaction(async (tx) => {
    const goal = await loadGoal(tx, actor, input.goalId, 'write').catch(() => {
      throw new Problem(422, 'unknown-goal', 'Pick one of your own goals.', 'goalId');
    });
    if (goal.category === 'iq') {
      throw new Problem(
        422,
        'goal-not-eq',
        'Mirror feedback is for goals about how you come across (EQ or inner work). For execution skills, use the artifact library.',
        'goalId',
      );
    }
    const sharedRelationshipId = await sharingRelationship(tx, actor, input);
    const [row] = await tx
      .insert(feedbackRequests)
      .values({
        userId: actor.userId,
        goalId: goal.id,
        question: input.question,
        moment: input.moment,
        giverName: input.giverName,
        giverEmail: input.giverEmail?.toLowerCase() ?? null,
        scale: input.scale,
        tokenHash: hash,
        expiresAt: new Date(context.now.getTime() + FEEDBACK_LINK_DAYS * DAY_MS),
        sharedWithGuide: input.sharedWithGuide,
        sharedRelationshipId,
        createdAt: context.now,
      })
      .returning();
    if (!row) throw new Error('insert returned no feedback request');
    return getFeedbackRequest(tx, actor, row.id, context.now);
  });
  const path = feedbackLinkPath(token);
  await mailGiver(context, actor, { ...input, expiresAt: created.expiresAt }, path);
  return { request: created, token, path };
}

export async function mailGiver(
  context: { mailer: Mailer; origin: string },
  actor: Actor,
  input: { giverName: string; giverEmail: string | null; question: string; expiresAt: string },
  path: string,
): Promise<void> {
  if (input.giverEmail) {
    await context.mailer.send({
      to: input.giverEmail,
      subject: `${actor.name} would value your view on one moment`,
      text: [
        `Hello ${input.giverName},`,
        '',
        `${actor.name} is working on how they come across and asked you one question:`,
        '',
        `  ${input.question}`,
        '',
        `Answer here (no account needed, about two minutes): ${context.origin}${path}`,
        `The link works once and closes on ${input.expiresAt.slice(0, 10)}.`,
      ].join('\n'),
    });
  }
}
