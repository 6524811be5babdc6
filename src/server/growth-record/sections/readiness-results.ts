import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { readinessResults } from '../../db/schema';
import { defineSection } from './section';

const itemSchema = z.object({
  answers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  result: z
    .object({
      summary: z.string(),
      recommendations: z.array(z.object({ kind: z.string(), fit: z.string(), headline: z.string() }).loose()),
    })
    .loose(),
  createdAt: z.iso.datetime(),
});

export const readinessResultsSection = defineSection({
  key: 'readinessResults',
  title: 'Readiness checks',
  schema: z.array(itemSchema),
  async exportItems({ db, userId }) {
    const rows = await db
      .select()
      .from(readinessResults)
      .where(eq(readinessResults.userId, userId))
      .orderBy(asc(readinessResults.createdAt));
    return rows.map((row) =>
      itemSchema.parse({ answers: row.answers, result: row.result, createdAt: row.createdAt.toISOString() }),
    );
  },
  async importItems({ tx, userId }, items) {
    for (const item of items) {
      await tx.insert(readinessResults).values({
        userId,
        answers: item.answers,
        result: item.result,
        createdAt: new Date(item.createdAt),
      });
    }
    return items.length;
  },
  renderMarkdown(items) {
    if (items.length === 0) return '_No readiness check taken yet._';
    return items
      .map((item) => {
        const best = item.result.recommendations.map(
          (r) => `${r.headline} (${r.fit === 'primary' ? 'best fit' : 'also'})`,
        );
        return `- **${item.createdAt.slice(0, 10)}**: ${item.result.summary}${best.length ? `\n  - ${best.join('\n  - ')}` : ''}`;
      })
      .join('\n');
  },
});
