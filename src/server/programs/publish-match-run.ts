import crypto from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { agreements, applications, guideProfiles, matchRuns, relationships, user } from '../db/schema';
import { Problem } from '../http/problem';
import type { Mailer } from '../mail/mailer';
import { requireCohortAdmin } from '../policies/programs';
import { countHeldSeats } from '../relationships/guide-seats';
import { hashToken } from '../relationships/invite-to-relationship';

export type PublishResult = {
  proposed: number;
  waitingForConfirmation: { memberName: string; guideName: string; missing: string[] }[];
};

type Application = typeof applications.$inferSelect;
type Pair = { member: Application; guide: Application; memberId: string; guideId: string };

// Publishing proposes each pair to the two people; nothing is shared until both accept (see
// answer-proposal.ts). Only people who confirmed they joined the cohort are paired: an admin cannot
// enrol a stranger by importing their address. All pairs are proposed, or none (one transaction).
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
  const existing = await db
    .select({ memberId: relationships.memberId, guideId: relationships.guideId })
    .from(relationships)
    .where(eq(relationships.cohortId, cohortId));
  // A pair proposed before — accepted, waiting or declined — is not proposed again.
  const alreadyProposed = new Set(existing.map((rel) => `${rel.memberId}|${rel.guideId}`));

  const result: PublishResult = { proposed: 0, waitingForConfirmation: [] };
  const pairs: Pair[] = [];
  for (const match of run.matches) {
    const member = appById.get(match.memberApplicationId);
    const guide = appById.get(match.guideApplicationId);
    if (!member || !guide) continue;
    const memberId = member.status === 'confirmed' ? member.confirmedBy : null;
    const guideId = guide.status === 'confirmed' ? guide.confirmedBy : null;
    if (!memberId || !guideId) {
      result.waitingForConfirmation.push({
        memberName: member.name,
        guideName: guide.name,
        missing: [memberId ? null : member.name, guideId ? null : guide.name].filter((n) => n !== null),
      });
      continue;
    }
    if (alreadyProposed.has(`${memberId}|${guideId}`)) continue;
    alreadyProposed.add(`${memberId}|${guideId}`);
    pairs.push({ member, guide, memberId, guideId });
  }

  const created = await db.transaction(async (tx) => {
    await assertOnlyModePublished(tx, run);
    await assertCapacity(tx, cohortId, pairs);
    const ids: { pair: Pair; relationshipId: string }[] = [];
    for (const pair of pairs) {
      const [rel] = await tx
        .insert(relationships)
        .values({
          memberId: pair.memberId,
          guideId: pair.guideId,
          invitedBy: actor.userId,
          inviteeEmail: pair.guide.email,
          // Program pairs are not joined by link; the hash of a random token keeps the column's promise.
          inviteTokenHash: hashToken(crypto.randomBytes(32).toString('base64url')),
          kind: cohort.defaultKind,
          framing: cohort.defaultFraming,
          startDate: cohort.startsOn,
          plannedEndDate: cohort.endsOn,
          status: 'proposed',
          createdAt: now,
          cohortId,
        })
        .returning({ id: relationships.id });
      if (!rel) throw new Error('insert returned no relationship');
      // The cohort's agreement comes with the proposal, so each person reads it before answering.
      await tx.insert(agreements).values({
        relationshipId: rel.id,
        version: 1,
        terms: cohort.defaultAgreement,
        status: 'proposed',
        proposedBy: actor.userId,
        proposedAt: now,
      });
      ids.push({ pair, relationshipId: rel.id });
    }
    await tx.update(matchRuns).set({ publishedAt: now }).where(eq(matchRuns.id, runId));
    await recordAuditEvent(tx, {
      actor: actor.userId,
      action: 'match-run.published',
      target: `match-run:${runId}`,
      programId: cohort.programId,
      meta: { cohortId, proposed: ids.length },
    });
    return ids;
  });
  result.proposed = created.length;
  for (const { pair, relationshipId } of created) {
    for (const [me, other] of [
      [pair.member, pair.guide],
      [pair.guide, pair.member],
    ] as const) {
      await mailer.send({
        to: me.email,
        subject: `${cohort.name} proposes you and ${other.name} as a pair`,
        text: `Hello ${me.name},\n\n${cohort.name} proposes you and ${other.name} as a ${cohort.defaultKind} pair, on the program's agreement. Nothing is shared until you both accept. Read the proposal and accept or decline: ${baseUrl}/relationships/${relationshipId}`,
      });
    }
  }
  return result;
}

// A guide's Corner profile sets how many people they take in all (active plus proposed); a guide
// without one offered the cohort the capacity in their application. The profile rows are locked so
// two publishes at once cannot both take the last seat.
async function assertCapacity(tx: Tx, cohortId: string, pairs: Pair[]): Promise<void> {
  const adding = new Map<string, { app: Application; count: number }>();
  for (const pair of pairs) {
    const entry = adding.get(pair.guideId) ?? { app: pair.guide, count: 0 };
    entry.count += 1;
    adding.set(pair.guideId, entry);
  }
  const guideIds = [...adding.keys()];
  if (guideIds.length === 0) return;
  const profiles = await tx
    .select({ userId: guideProfiles.userId, capacity: guideProfiles.capacity })
    .from(guideProfiles)
    .where(inArray(guideProfiles.userId, guideIds))
    .orderBy(guideProfiles.userId)
    .for('update');
  const profileCapacity = new Map(profiles.map((row) => [row.userId, row.capacity]));
  const everywhere = await countHeldSeats(tx, guideIds);
  const inCohort = await countHeldSeats(tx, guideIds, cohortId);
  const names = new Map(
    (await tx.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, guideIds))).map(
      (row) => [row.id, row.name],
    ),
  );
  for (const [guideId, { app, count }] of adding) {
    const fromProfile = profileCapacity.get(guideId);
    const applied = app.profile.role === 'guide' ? app.profile.capacity : 0;
    const capacity = fromProfile ?? applied;
    const held = (fromProfile === undefined ? inCohort : everywhere).get(guideId) ?? 0;
    if (held + count > capacity) {
      const name = names.get(guideId) ?? app.name;
      const where =
        fromProfile === undefined ? 'in this cohort (their application)' : 'in their guide profile';
      throw new Problem(
        409,
        'guide-over-capacity',
        `Nothing was published: ${name} can take ${capacity} ${capacity === 1 ? 'person' : 'people'} ${where}, already has ${held} active or proposed, and this run would add ${count}. Lower their pairs with a block, or ask them to raise their capacity, then publish again.`,
      );
    }
  }
}

/**
 * One press of "run matching" makes a run per mode; only one of them may be published, or a member
 * would be proposed two guides. The batch's rows are locked first, so two admins publishing two modes
 * at once are serialised and the second is refused (the partial unique index is the last guard).
 */
async function assertOnlyModePublished(tx: Tx, run: { id: string; batchId: string | null }): Promise<void> {
  if (run.batchId === null) return;
  const batch = await tx
    .select({ id: matchRuns.id, mode: matchRuns.mode, publishedAt: matchRuns.publishedAt })
    .from(matchRuns)
    .where(eq(matchRuns.batchId, run.batchId))
    .for('update');
  const published = batch.find((sibling) => sibling.publishedAt !== null && sibling.id !== run.id);
  if (published)
    throw new Problem(
      409,
      'mode-already-published',
      `The ${published.mode} matches of this run are already published, so its other modes cannot be. Run matching again to publish a different mode.`,
    );
}
