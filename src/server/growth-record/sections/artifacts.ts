import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { artifactKinds } from '../../artifacts/schemas';
import { artifacts } from '../../db/schema';
import { defineSection } from './section';

const itemSchema = z.object({
  ref: z.string().min(1),
  role: z.enum(['example', 'draft']),
  kind: z.enum(artifactKinds),
  title: z.string().min(1).max(200),
  body: z.string().max(100_000),
  source: z.string().max(500),
  questions: z.array(z.string()),
  tags: z.array(z.string()),
  goal: z.string().nullable(),
  template: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const artifactsSection = defineSection({
  key: 'artifacts',
  title: 'Artifact library',
  schema: z.array(itemSchema),
  async exportItems({ db, userId, refs }) {
    const rows = await db
      .select()
      .from(artifacts)
      .where(eq(artifacts.userId, userId))
      .orderBy(asc(artifacts.createdAt), asc(artifacts.role), asc(artifacts.title));
    for (const row of rows) refs.refFor('artifact', row.id);
    return rows.map((row) => ({
      ref: refs.refFor('artifact', row.id),
      role: row.role,
      kind: row.kind,
      title: row.title,
      body: row.body,
      source: row.source,
      questions: row.questions,
      tags: row.tags,
      goal: row.goalId ? refs.knownRef('goal', row.goalId) : null,
      template: row.templateId ? refs.knownRef('artifact', row.templateId) : null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    }));
  },
  async importItems({ tx, userId, refs }, items) {
    for (const [index, item] of items.entries()) {
      const [row] = await tx
        .insert(artifacts)
        .values({
          userId,
          role: item.role,
          kind: item.kind,
          title: item.title,
          body: item.body,
          source: item.source,
          questions: item.questions,
          tags: item.tags,
          goalId: item.goal ? refs.idFor(item.goal, `artifacts.${index}.goal`, 'goal') : null,
          createdAt: new Date(item.createdAt),
          updatedAt: new Date(item.updatedAt),
        })
        .returning({ id: artifacts.id });
      if (!row) throw new Error('insert returned no artifact');
      refs.bind(item.ref, row.id, 'artifact');
    }
    // Templates are linked in a second pass, since a draft may be listed before its example.
    for (const [index, item] of items.entries()) {
      if (!item.template) continue;
      await tx
        .update(artifacts)
        .set({ templateId: refs.idFor(item.template, `artifacts.${index}.template`, 'artifact') })
        .where(eq(artifacts.id, refs.idFor(item.ref, `artifacts.${index}.ref`, 'artifact')));
    }
    return items.length;
  },
  renderMarkdown(items) {
    if (items.length === 0) return '_No artifacts yet._';
    return items
      .map((item) => {
        const lines = [
          `### ${item.title}`,
          '',
          `${item.role === 'example' ? 'Example' : 'My draft'} · ${item.kind}${item.tags.length ? ` · tags: ${item.tags.join(', ')}` : ''}${item.source ? ` · source: ${item.source}` : ''}`,
        ];
        if (item.questions.length > 0)
          lines.push('', 'Questions it answers:', '', ...item.questions.map((q) => `- ${q}`));
        return lines.join('\n');
      })
      .join('\n\n');
  },
});
