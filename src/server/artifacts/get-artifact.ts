import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { artifacts } from '../db/schema';
import { loadGoal } from '../goals/get-goal';
import { notFound, Problem } from '../http/problem';
import { type ArtifactRow, presentArtifact } from './present';
import type { ArtifactView } from './schemas';

export async function checkArtifactGoal(tx: Tx, actor: Actor, goalId: string | null): Promise<void> {
  if (goalId === null) return;
  await loadGoal(tx, actor, goalId, 'write').catch(() => {
    throw new Problem(422, 'unknown-goal', 'Pick one of your own goals.', 'goalId');
  });
}

export async function loadArtifact(db: Db | Tx, actor: Actor, artifactId: string): Promise<ArtifactRow> {
  const [row] = await db
    .select()
    .from(artifacts)
    .where(and(eq(artifacts.id, artifactId), eq(artifacts.userId, actor.userId)));
  if (!row) throw notFound('artifact');
  return row;
}

export async function getArtifact(db: Db, actor: Actor, artifactId: string): Promise<ArtifactView> {
  return presentArtifact(await loadArtifact(db, actor, artifactId));
}
