import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { artifacts } from '../db/schema';
import { checkArtifactGoal } from './get-artifact';
import { normalizeTags, presentArtifact } from './present';
import type { ArtifactInput, ArtifactView } from './schemas';

export async function addArtifact(
  db: Db,
  actor: Actor,
  input: ArtifactInput,
  now: Date,
): Promise<ArtifactView> {
  return db.transaction(async (tx) => {
    await checkArtifactGoal(tx, actor, input.goalId);
    const [row] = await tx
      .insert(artifacts)
      .values({
        ...input,
        tags: normalizeTags(input.tags),
        userId: actor.userId,
        role: 'example',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no artifact');
    return presentArtifact(row);
  });
}
