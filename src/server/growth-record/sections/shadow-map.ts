import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { feedbackAnswers, shadowStrengthEvidence, shadowStrengths } from '../../db/schema';
import { defineSection } from './section';

const itemSchema = z.object({
  strength: z.string().min(1).max(200),
  overdone: z.string().max(1000),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  // Each piece of evidence names the feedback request whose answer showed the strength.
  evidence: z.array(z.string().min(1)),
});

export const shadowMapSection = defineSection({
  key: 'shadowMap',
  title: 'Shadow-side map',
  schema: z.array(itemSchema),
  async exportItems({ db, userId, refs }) {
    const rows = await db
      .select()
      .from(shadowStrengths)
      .where(eq(shadowStrengths.userId, userId))
      .orderBy(asc(shadowStrengths.createdAt), asc(shadowStrengths.strength));
    const evidence =
      rows.length === 0
        ? []
        : await db
            .select({ strengthId: shadowStrengthEvidence.strengthId, requestId: feedbackAnswers.requestId })
            .from(shadowStrengthEvidence)
            .innerJoin(feedbackAnswers, eq(feedbackAnswers.id, shadowStrengthEvidence.answerId))
            .where(
              inArray(
                shadowStrengthEvidence.strengthId,
                rows.map((row) => row.id),
              ),
            );
    return rows.map((row) => ({
      strength: row.strength,
      overdone: row.overdone,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      evidence: evidence
        .filter((e) => e.strengthId === row.id)
        .map((e) => refs.refFor('feedback', e.requestId))
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
    }));
  },
  async importItems({ tx, userId, refs }, items) {
    for (const [index, item] of items.entries()) {
      const [row] = await tx
        .insert(shadowStrengths)
        .values({
          userId,
          strength: item.strength,
          overdone: item.overdone,
          createdAt: new Date(item.createdAt),
          updatedAt: new Date(item.updatedAt),
        })
        .returning({ id: shadowStrengths.id });
      if (!row) throw new Error('insert returned no strength');
      const answerIds = [...new Set(item.evidence)].map((ref, evidenceIndex) =>
        refs.idFor(
          ref,
          `shadowMap.${index}.evidence.${evidenceIndex} (an answered feedback request)`,
          'feedback',
        ),
      );
      if (answerIds.length > 0) {
        await tx
          .insert(shadowStrengthEvidence)
          .values(answerIds.map((answerId) => ({ strengthId: row.id, answerId })));
      }
    }
    return items.length;
  },
  renderMarkdown(items, { feedbackName }) {
    if (items.length === 0) return '_No strengths mapped yet._';
    const rows = items.map(
      (item) =>
        `| ${item.strength} | ${item.overdone || '–'} | ${item.evidence.map(feedbackName).join('; ') || '–'} |`,
    );
    return ['| strength | when overdone | shown by feedback from |', '|---|---|---|', ...rows].join('\n');
  },
});
