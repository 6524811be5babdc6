import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { member as orgMember, readinessResults, user } from '../db/schema';
import { qualified } from './directory-sql';

const rr = readinessResults;

type Recommendation = { kind?: unknown; fit?: unknown };

/**
 * The guide kind a readiness result points to: a mentor recommendation looks for mentors, a coach one
 * for coaches; when both are recommended, or neither, the directory shows every kind.
 */
export function kindFromReadiness(result: unknown): 'mentor' | 'coach' | 'any' {
  const recommendations =
    typeof result === 'object' && result !== null && 'recommendations' in result
      ? (result.recommendations as Recommendation[])
      : [];
  const kinds = new Set(
    recommendations
      .map((recommendation) => recommendation.kind)
      .filter((kind): kind is 'mentor' | 'coach' => kind === 'mentor' || kind === 'coach'),
  );
  if (kinds.size !== 1) return 'any';
  return kinds.has('mentor') ? 'mentor' : 'coach';
}

// One statement: the member's row with their latest readiness result beside it.
export async function loadMemberContext(db: Db | Tx, actor: Actor) {
  const [member] = await db
    .select({
      organization: user.organization,
      timeZone: user.timeZone,
      inOrganization: sql<boolean>`exists (select 1 from ${orgMember} where ${qualified(orgMember, orgMember.userId)} = ${qualified(user, user.id)})`,
      latestResult: sql<unknown>`(select ${qualified(rr, rr.result)} from ${rr} where ${qualified(rr, rr.userId)} = ${qualified(user, user.id)} order by ${qualified(rr, rr.createdAt)} desc limit 1)`,
    })
    .from(user)
    .where(eq(user.id, actor.userId));
  const latest = member?.latestResult ?? null;
  return {
    organization: member?.organization?.trim() || null,
    inOrganization: member?.inOrganization === true,
    timeZone: member?.timeZone ?? actor.timeZone,
    readinessKind: latest === null ? null : kindFromReadiness(latest),
  };
}
