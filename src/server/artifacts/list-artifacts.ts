import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { artifacts } from '../db/schema';
import { presentArtifact } from './present';
import type { ArtifactView } from './schemas';

export async function listArtifacts(
  db: Db,
  actor: Actor,
  filter: { role: 'example' | 'draft' | 'all'; tag?: string },
): Promise<ArtifactView[]> {
  const rows = await db
    .select()
    .from(artifacts)
    .where(
      filter.role === 'all'
        ? eq(artifacts.userId, actor.userId)
        : and(eq(artifacts.userId, actor.userId), eq(artifacts.role, filter.role)),
    )
    .orderBy(desc(artifacts.updatedAt));
  const tag = filter.tag?.toLowerCase();
  return rows.filter((row) => !tag || row.tags.includes(tag)).map(presentArtifact);
}
