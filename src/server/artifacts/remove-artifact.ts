import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { artifacts } from '../db/schema';
import { loadArtifact } from './get-artifact';

export async function removeArtifact(db: Db, actor: Actor, artifactId: string): Promise<void> {
  await loadArtifact(db, actor, artifactId);
  await db.delete(artifacts).where(eq(artifacts.id, artifactId));
}
