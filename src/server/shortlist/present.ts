import { eq } from 'drizzle-orm';
import type { ShortlistNudge } from '../../domain/fit/shortlist-nudges';
import type { Db, Tx } from '../db/client';
import { type guideChoices, user } from '../db/schema';
import type { ChoiceView } from './schemas';

export async function presentChoice(
  db: Db | Tx,
  choice: typeof guideChoices.$inferSelect,
  guideName: string | undefined,
  nudges: ShortlistNudge[],
): Promise<ChoiceView> {
  const row = choice;
  let name = guideName;
  if (name === undefined) {
    const [found] = await db.select({ name: user.name }).from(user).where(eq(user.id, choice.guideId));
    name = found?.name ?? 'Guide';
  }
  return {
    id: row.id,
    guide: { userId: row.guideId, name },
    kind: row.kind,
    agreementTerms: row.agreementTerms,
    termsFrom: row.termsFrom,
    introsHeld: row.introsHeld,
    relationshipId: row.relationshipId,
    createdAt: row.createdAt.toISOString(),
    nudges,
  };
}
