import crypto from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { agreements, applications, matchRuns, relationships, user } from '../db/schema';
import { Problem } from '../http/problem';
import type { Mailer } from '../mail/mailer';
import { requireCohortAdmin } from '../policies/programs';
import { hashToken } from '../relationships/invite-to-relationship';

export type PublishResult = {
  started: number;
  waitingForSignUp: { memberName: string; guideName: string; missing: string[] }[];
};

// Publishing turns a match run into relationships on the cohort's terms: joining the program is
// agreeing to its default agreement, so each pair starts active with that agreement accepted. A pair in
// which someone has no Corner account yet is reported, and that person is mailed to sign up with the
// address the program knows; the admin publishes again once they have.
export async function publishMatchRun(
  db: Db,
  mailer: Mailer,
  actor: Actor,
  cohortId: string,
  runId: string,
  now: Date,
  baseUrl: string,
): Promise<PublishResult> {
  const cohort = await requireCohortAdmin(db, actor, cohortId);
  const [run] = await db
    .select()
    .from(matchRuns)
    .where(and(eq(matchRuns.id, runId), eq(matchRuns.cohortId, cohortId)));
  if (!run) throw new Problem(404, 'not-found', 'No match run with that id.');
  const apps = await db.select().from(applications).where(eq(applications.cohortId, cohortId));
  const appById = new Map(apps.map((app) => [app.id, app]));
  const emails = [...new Set(apps.map((app) => app.email))];
  const accounts =
    emails.length === 0
      ? []
      : await db.select({ id: user.id, email: user.email }).from(user).where(inArray(user.email, emails));
  const userByEmail = new Map(accounts.map((account) => [account.email.toLowerCase(), account.id]));
  const existing = await db
    .select({ memberId: relationships.memberId, guideId: relationships.guideId })
    .from(relationships)
    .where(eq(relationships.cohortId, cohortId));
  const alreadyStarted = new Set(existing.map((rel) => `${rel.memberId}|${rel.guideId}`));

  const result: PublishResult = { started: 0, waitingForSignUp: [] };
  const toMail: { to: string; name: string; other: string }[] = [];
  await db.transaction(async (tx) => {
    for (const match of run.matches) {
      const member = appById.get(match.memberApplicationId);
      const guide = appById.get(match.guideApplicationId);
      if (!member || !guide) continue;
      const memberId = userByEmail.get(member.email);
      const guideId = userByEmail.get(guide.email);
      if (!memberId || !guideId) {
        const missing = [!memberId ? member : null, !guideId ? guide : null].filter((app) => app !== null);
        result.waitingForSignUp.push({
          memberName: member.name,
          guideName: guide.name,
          missing: missing.map((app) => app.name),
        });
        for (const app of missing)
          toMail.push({ to: app.email, name: app.name, other: app === member ? guide.name : member.name });
        continue;
      }
      if (alreadyStarted.has(`${memberId}|${guideId}`)) continue;
      const [rel] = await tx
        .insert(relationships)
        .values({
          memberId,
          guideId,
          invitedBy: actor.userId,
          inviteeEmail: guide.email,
          // Program pairs are not joined by link; the hash of a random token keeps the column's promise.
          inviteTokenHash: hashToken(crypto.randomBytes(32).toString('base64url')),
          kind: cohort.defaultKind,
          framing: cohort.defaultFraming,
          startDate: cohort.startsOn,
          plannedEndDate: cohort.endsOn,
          status: 'active',
          createdAt: now,
          acceptedAt: now,
          cohortId,
        })
        .returning({ id: relationships.id });
      if (!rel) throw new Error('insert returned no relationship');
      await tx.insert(agreements).values({
        relationshipId: rel.id,
        version: 1,
        terms: cohort.defaultAgreement,
        status: 'accepted',
        proposedBy: actor.userId,
        proposedAt: now,
        acceptedBy: actor.userId,
        acceptedAt: now,
      });
      result.started += 1;
      toMail.push(
        { to: member.email, name: member.name, other: guide.name },
        { to: guide.email, name: guide.name, other: member.name },
      );
    }
    await tx.update(matchRuns).set({ publishedAt: now }).where(eq(matchRuns.id, runId));
  });
  for (const mail of toMail) {
    const hasAccount = userByEmail.has(mail.to);
    await mailer.send({
      to: mail.to,
      subject: `You have been matched with ${mail.other} in ${cohort.name}`,
      text: hasAccount
        ? `Hello ${mail.name},\n\nYou and ${mail.other} are a pair in ${cohort.name}. Your relationship is ready in Corner, with the program's agreement: ${baseUrl}/relationships`
        : `Hello ${mail.name},\n\nYou and ${mail.other} are a pair in ${cohort.name}. Create your Corner account with this address (${mail.to}) to start: ${baseUrl}/`,
    });
  }
  return result;
}
