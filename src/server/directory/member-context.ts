import { desc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { readinessResults, user } from '../db/schema';

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

export async function loadMemberContext(db: Db | Tx, actor: Actor) {
  const [[member], [latest]] = await Promise.all([
    db
      .select({ organization: user.organization, timeZone: user.timeZone })
      .from(user)
      .where(eq(user.id, actor.userId)),
    db
      .select({ result: readinessResults.result })
      .from(readinessResults)
      .where(eq(readinessResults.userId, actor.userId))
      .orderBy(desc(readinessResults.createdAt))
      .limit(1),
  ]);
  return {
    organization: member?.organization?.trim() || null,
    timeZone: member?.timeZone ?? actor.timeZone,
    readinessKind: latest ? kindFromReadiness(latest.result) : null,
  };
}
