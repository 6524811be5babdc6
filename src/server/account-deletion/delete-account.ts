import { verifyPassword } from 'better-auth/crypto';
import { and, eq } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import {
  account,
  feedbackRequests,
  guideChoices,
  journalEntries,
  outreachContacts,
  scorecards,
  session,
  sessionPrivateNotes,
  shortlistEntries,
  user,
} from '../db/schema';
import { Problem } from '../http/problem';

/** What the person types to confirm, so a stray click cannot delete an account. */
export const DELETE_CONFIRMATION = 'delete my account';
export const FORMER_MEMBER_NAME = 'former member';

export type DeleteAccountInput = { confirmation: string; password: string };
export type DeletionSummary = {
  privateNotes: number;
  journalEntries: number;
  outreachContacts: number;
  scorecards: number;
  shortlistEntries: number;
  guideChoices: number;
  feedbackRequests: number;
};

// A person deletes their own account. Their private content is erased; the user row stays as a
// tombstone named "former member" with an unusable address and no sessions or credentials, so the
// records they share with someone else (relationships, sessions, shared notes, agreements, messages)
// remain whole for that person, and program aggregates keep counting them. Deleting the row instead
// would cascade through those shared records.
export async function deleteAccount(
  db: Db,
  actor: Actor,
  input: DeleteAccountInput,
  now: Date,
): Promise<DeletionSummary> {
  if (input.confirmation.trim().toLowerCase() !== DELETE_CONFIRMATION) {
    throw new Problem(
      400,
      'confirmation-mismatch',
      `Type "${DELETE_CONFIRMATION}" to confirm that you want to delete your account.`,
      'confirmation',
    );
  }
  const [credential] = await db
    .select({ hash: account.password })
    .from(account)
    .where(and(eq(account.userId, actor.userId), eq(account.providerId, 'credential')));
  const passwordMatches = credential?.hash
    ? await verifyPassword({ hash: credential.hash, password: input.password })
    : false;
  if (!passwordMatches) {
    throw new Problem(
      403,
      'wrong-password',
      'That password is not right, so your account was not deleted.',
      'password',
    );
  }
  return db.transaction(async (tx) => {
    const erase = async (rows: Promise<unknown[]>) => (await rows).length;
    const summary: DeletionSummary = {
      privateNotes: await erase(
        tx.delete(sessionPrivateNotes).where(eq(sessionPrivateNotes.userId, actor.userId)).returning(),
      ),
      journalEntries: await erase(
        tx.delete(journalEntries).where(eq(journalEntries.userId, actor.userId)).returning(),
      ),
      outreachContacts: await erase(
        tx.delete(outreachContacts).where(eq(outreachContacts.memberId, actor.userId)).returning(),
      ),
      scorecards: await erase(tx.delete(scorecards).where(eq(scorecards.memberId, actor.userId)).returning()),
      shortlistEntries: await erase(
        tx.delete(shortlistEntries).where(eq(shortlistEntries.memberId, actor.userId)).returning(),
      ),
      guideChoices: await erase(
        tx.delete(guideChoices).where(eq(guideChoices.memberId, actor.userId)).returning(),
      ),
      // The answers givers wrote about this person go with the requests (cascade).
      feedbackRequests: await erase(
        tx.delete(feedbackRequests).where(eq(feedbackRequests.userId, actor.userId)).returning(),
      ),
    };
    await tx.delete(session).where(eq(session.userId, actor.userId));
    await tx.delete(account).where(eq(account.userId, actor.userId));
    await tx
      .update(user)
      .set({
        name: FORMER_MEMBER_NAME,
        email: `deleted-${actor.userId}@deleted.invalid`,
        image: null,
        organization: null,
        updatedAt: now,
      })
      .where(eq(user.id, actor.userId));
    await recordAuditEvent(tx, {
      actor: actor.userId,
      action: 'account.deleted',
      target: `user:${actor.userId}`,
      meta: { ...summary },
    });
    return summary;
  });
}
