import { and, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { applications, cohorts, programs, relationships, user } from '../db/schema';

export type MyInvitation = {
  id: string;
  kind: 'invitation' | 'proposal';
  about: 'relationship' | 'program';
  fromName: string;
  programName: string | null;
  cohortName: string | null;
  role: 'member' | 'guide';
  createdAt: string;
  acceptPath: string;
  declinePath: string;
};

const api = '/api/v1';

// Everything waiting for my answer: relationship invitations sent to my address, program invitations
// (imported rows) for my address, and program proposals I have not answered. Newest first.
export async function listMyInvitations(db: Db, actor: Actor): Promise<MyInvitation[]> {
  const email = actor.email.toLowerCase();
  const invited = await db
    .select({ rel: relationships, fromName: user.name })
    .from(relationships)
    .innerJoin(user, eq(user.id, relationships.invitedBy))
    .where(
      and(
        eq(relationships.status, 'invited'),
        eq(relationships.inviteeEmail, email),
        ne(relationships.invitedBy, actor.userId),
      ),
    );
  const proposed = await db
    .select({ rel: relationships, cohortName: cohorts.name, programName: programs.name })
    .from(relationships)
    .leftJoin(cohorts, eq(cohorts.id, relationships.cohortId))
    .leftJoin(programs, eq(programs.id, cohorts.programId))
    .where(
      and(
        eq(relationships.status, 'proposed'),
        or(
          and(eq(relationships.memberId, actor.userId), isNull(relationships.memberAcceptedAt)),
          and(eq(relationships.guideId, actor.userId), isNull(relationships.guideAcceptedAt)),
        ),
      ),
    );
  const others = proposed.map(({ rel }) => (rel.memberId === actor.userId ? rel.guideId : rel.memberId));
  const otherNames = new Map(
    others.length === 0
      ? []
      : (
          await db
            .select({ id: user.id, name: user.name })
            .from(user)
            .where(
              inArray(
                user.id,
                others.filter((id): id is string => id !== null),
              ),
            )
        ).map((row) => [row.id, row.name]),
  );
  const pendingPrograms = await db
    .select({ app: applications, cohortName: cohorts.name, programName: programs.name })
    .from(applications)
    .innerJoin(cohorts, eq(cohorts.id, applications.cohortId))
    .innerJoin(programs, eq(programs.id, cohorts.programId))
    .where(and(eq(applications.email, email), eq(applications.status, 'pending')));

  const items: MyInvitation[] = [
    ...invited.map(({ rel, fromName }) => ({
      id: rel.id,
      kind: 'invitation' as const,
      about: 'relationship' as const,
      fromName,
      programName: null,
      cohortName: null,
      role: rel.memberId === null ? ('member' as const) : ('guide' as const),
      createdAt: rel.createdAt.toISOString(),
      acceptPath: `${api}/me/invitations/${rel.id}/accept`,
      declinePath: `${api}/me/invitations/${rel.id}/decline`,
    })),
    ...proposed.map(({ rel, cohortName, programName }) => {
      const mine = rel.memberId === actor.userId ? ('member' as const) : ('guide' as const);
      const otherId = mine === 'member' ? rel.guideId : rel.memberId;
      return {
        id: rel.id,
        kind: 'proposal' as const,
        about: 'relationship' as const,
        fromName: (otherId && otherNames.get(otherId)) || 'Someone',
        programName,
        cohortName,
        role: mine,
        createdAt: rel.createdAt.toISOString(),
        acceptPath: `${api}/relationships/${rel.id}/proposal/accept`,
        declinePath: `${api}/relationships/${rel.id}/proposal/decline`,
      };
    }),
    ...pendingPrograms.map(({ app, cohortName, programName }) => ({
      id: app.id,
      kind: 'invitation' as const,
      about: 'program' as const,
      fromName: programName,
      programName,
      cohortName,
      role: app.role,
      createdAt: app.createdAt.toISOString(),
      acceptPath: `${api}/me/program-invitations/${app.id}/accept`,
      declinePath: `${api}/me/program-invitations/${app.id}/decline`,
    })),
  ];
  return items.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
}
