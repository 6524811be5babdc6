import type { artifacts } from '../db/schema';
import type { ArtifactView } from './schemas';

export type ArtifactRow = typeof artifacts.$inferSelect;

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

// "Use as template": the example's questions become the headings of a fresh draft, so the member
// writes their own answers instead of copying the example's prose.
export function draftBodyFrom(questions: string[]): string {
  return questions.map((question) => `## ${question}\n\n`).join('');
}

export const normalizeTags = (tags: string[]) => [...new Set(tags.map((tag) => tag.toLowerCase()))];
