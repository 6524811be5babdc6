import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { applications } from '../db/schema';
import { notFound, Problem } from '../http/problem';

// Only the person signed in with the imported address answers their program invitation; anyone else
// gets a 404, so application ids reveal nothing.
export async function answerParticipation(
  db: Db,
  actor: Actor,
  applicationId: string,
  answer: 'confirmed' | 'declined',
  now: Date,
): Promise<{ status: 'confirmed' | 'declined' }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(applications)
      .where(and(eq(applications.id, applicationId), eq(applications.email, actor.email.toLowerCase())))
      .for('update');
    if (!row) throw notFound('program invitation');
    if (row.status !== 'pending') {
      throw new Problem(
        409,
        'participation-answered',
        `You already answered this invitation (${row.status}).`,
      );
    }
    await tx
      .update(applications)
      .set({ status: answer, confirmedBy: answer === 'confirmed' ? actor.userId : null, answeredAt: now })
      .where(eq(applications.id, row.id));
    return { status: answer };
  });
}
