import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { guideChoices, user } from '../db/schema';
import type { Person } from './load-relationship';

// A member who chose a guide from the directory already knows who they invited (the guide's public
// profile), so an invitation still waiting for an answer is shown under that guide's name, not the
// e-mail address the invitation went to. Only the member's own choices are read: nobody learns an
// account's name from an e-mail address they typed.
export async function loadChosenGuides(
  db: Db | Tx,
  actor: Actor,
  relationshipIds: string[],
): Promise<Map<string, Person>> {
  if (relationshipIds.length === 0) return new Map();
  const rows = await db
    .select({
      relationshipId: guideChoices.relationshipId,
      id: user.id,
      name: user.name,
      timeZone: user.timeZone,
      email: user.email,
    })
    .from(guideChoices)
    .innerJoin(user, eq(user.id, guideChoices.guideId))
    .where(
      and(eq(guideChoices.memberId, actor.userId), inArray(guideChoices.relationshipId, relationshipIds)),
    );
  return new Map(
    rows.flatMap(({ relationshipId, ...person }) => (relationshipId ? [[relationshipId, person]] : [])),
  );
}
