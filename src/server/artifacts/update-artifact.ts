import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { artifacts } from '../db/schema';
import { notFound } from '../http/problem';
import { checkArtifactGoal, loadArtifact } from './get-artifact';
import { normalizeTags, presentArtifact } from './present';
import type { ArtifactInput, ArtifactView } from './schemas';

export async function updateArtifact(
  db: Db,
  actor: Actor,
  artifactId: string,
  input: ArtifactInput,
  now: Date,
): Promise<ArtifactView> {
  return db.transaction(async (tx) => {
    await loadArtifact(tx, actor, artifactId);
    await checkArtifactGoal(tx, actor, input.goalId);
    const [row] = await tx
      .update(artifacts)
      .set({ ...input, tags: normalizeTags(input.tags), updatedAt: now })
      .where(eq(artifacts.id, artifactId))
      .returning();
    if (!row) throw notFound('artifact');
    return presentArtifact(row);
  });
}
