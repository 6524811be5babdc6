import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { artifacts } from '../db/schema';
import { loadGoal } from '../goals/get-goal';
import { notFound, Problem } from '../http/problem';
import type { ArtifactInput, ArtifactView } from './schemas';

type ArtifactRow = typeof artifacts.$inferSelect;

// The library is private to the member (PRODUCT.md §3 has no row for guides here): examples they
// collected and drafts they started from them.
export function presentArtifact(row: ArtifactRow): ArtifactView {
  return {
    id: row.id,
    role: row.role,
    kind: row.kind,
    title: row.title,
    body: row.body,
    source: row.source,
    questions: row.questions,
    tags: row.tags,
    goalId: row.goalId,
    templateId: row.templateId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function checkGoal(tx: Tx, actor: Actor, goalId: string | null): Promise<void> {
  if (goalId === null) return;
  await loadGoal(tx, actor, goalId, 'write').catch(() => {
    throw new Problem(422, 'unknown-goal', 'Pick one of your own goals.', 'goalId');
  });
}

const normalizeTags = (tags: string[]) => [...new Set(tags.map((tag) => tag.toLowerCase()))];

async function loadArtifact(db: Db | Tx, actor: Actor, artifactId: string): Promise<ArtifactRow> {
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

export async function addArtifact(
  db: Db,
  actor: Actor,
  input: ArtifactInput,
  now: Date,
): Promise<ArtifactView> {
  return db.transaction(async (tx) => {
    await checkGoal(tx, actor, input.goalId);
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

export async function updateArtifact(
  db: Db,
  actor: Actor,
  artifactId: string,
  input: ArtifactInput,
  now: Date,
): Promise<ArtifactView> {
  return db.transaction(async (tx) => {
    await loadArtifact(tx, actor, artifactId);
    await checkGoal(tx, actor, input.goalId);
    const [row] = await tx
      .update(artifacts)
      .set({ ...input, tags: normalizeTags(input.tags), updatedAt: now })
      .where(eq(artifacts.id, artifactId))
      .returning();
    if (!row) throw notFound('artifact');
    return presentArtifact(row);
  });
}

export async function removeArtifact(db: Db, actor: Actor, artifactId: string): Promise<void> {
  await loadArtifact(db, actor, artifactId);
  await db.delete(artifacts).where(eq(artifacts.id, artifactId));
}

// "Use as template": the example's questions become the headings of a fresh draft, so the member
// writes their own answers instead of copying the example's prose.
export function draftBodyFrom(questions: string[]): string {
  return questions.map((question) => `## ${question}\n\n`).join('');
}

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
