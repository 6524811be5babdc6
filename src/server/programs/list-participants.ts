import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { applications, relationships } from '../db/schema';
import { requireCohortAdmin } from '../policies/programs';
import { loadPeople } from '../relationships/load-relationship';
import type { CohortPair, Participant } from './schemas';

// Who was invited into the cohort and whether they confirmed: the admin matches confirmed people only.
export async function listParticipants(db: Db, actor: Actor, cohortId: string): Promise<Participant[]> {
  await requireCohortAdmin(db, actor, cohortId);
  const rows = await db
    .select()
    .from(applications)
    .where(eq(applications.cohortId, cohortId))
    .orderBy(asc(applications.role), asc(applications.name));
  return rows.map((row) => ({
    applicationId: row.id,
    role: row.role,
    name: row.name,
    email: row.email,
    status: row.status,
  }));
}

// The published pairs and where each stands: proposed (and who has said yes), active, declined (by
// whom, never why), closed.
export async function listCohortPairs(db: Db, actor: Actor, cohortId: string): Promise<CohortPair[]> {
  await requireCohortAdmin(db, actor, cohortId);
  const rows = await db
    .select()
    .from(relationships)
    .where(eq(relationships.cohortId, cohortId))
    .orderBy(asc(relationships.createdAt), asc(relationships.id));
  const people = await loadPeople(
    db,
    rows.flatMap((row) => [row.memberId, row.guideId]),
  );
  const nameOf = (id: string | null) => (id ? (people.get(id)?.name ?? 'someone who left') : 'not yet known');
  return rows.map((row) => ({
    relationshipId: row.id,
    memberName: nameOf(row.memberId),
    guideName: nameOf(row.guideId),
    status: row.status,
    memberAccepted: row.memberAcceptedAt !== null || row.status === 'active' || row.status === 'closed',
    guideAccepted: row.guideAcceptedAt !== null || row.status === 'active' || row.status === 'closed',
    declinedByRole:
      row.status !== 'declined' || row.declinedBy === null
        ? null
        : row.declinedBy === row.memberId
          ? 'member'
          : 'guide',
  }));
}
