import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { artifacts } from '../db/schema';
import { loadArtifact } from './get-artifact';
import { draftBodyFrom, presentArtifact } from './present';
import type { ArtifactView } from './schemas';

export async function startDraftFromArtifact(
  db: Db,
  actor: Actor,
  artifactId: string,
  now: Date,
): Promise<ArtifactView> {
  return db.transaction(async (tx) => {
    const template = await loadArtifact(tx, actor, artifactId);
    const [row] = await tx
      .insert(artifacts)
      .values({
        userId: actor.userId,
        role: 'draft',
        kind: template.kind,
        title: `My ${template.title}`,
        body: draftBodyFrom(template.questions),
        source: '',
        questions: template.questions,
        tags: template.tags,
        goalId: template.goalId,
        templateId: template.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned no draft');
    return presentArtifact(row);
  });
}
