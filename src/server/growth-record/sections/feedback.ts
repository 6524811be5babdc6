import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { newSecretToken } from '../../access-tokens/secret-token';
import { feedbackAnswers, feedbackRequests } from '../../db/schema';
import { defineSection, iso } from './section';

const itemSchema = z.object({
  ref: z.string().min(1),
  goal: z.string().min(1),
  question: z.string().min(1).max(500),
  moment: z.string().max(300),
  giverName: z.string().min(1).max(120),
  giverEmail: z.string().nullable(),
  sharedWithGuide: z.boolean(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  answer: z.object({ text: z.string().min(1), createdAt: z.iso.datetime() }).nullable(),
  thankedAt: z.iso.datetime().nullable(),
  thankYouNote: z.string().nullable(),
});

export const feedbackSection = defineSection({
  key: 'feedbackRequests',
  title: 'Mirror feedback',
  schema: z.array(itemSchema),
  async exportItems({ db, userId, refs }) {
    const rows = await db
      .select({ request: feedbackRequests, answer: feedbackAnswers })
      .from(feedbackRequests)
      .leftJoin(feedbackAnswers, eq(feedbackAnswers.requestId, feedbackRequests.id))
      .where(eq(feedbackRequests.userId, userId))
      .orderBy(asc(feedbackRequests.createdAt), asc(feedbackRequests.question));
    return rows.map(({ request, answer }) => ({
      ref: refs.refFor('feedback', request.id),
      goal: refs.refFor('goal', request.goalId),
      question: request.question,
      moment: request.moment,
      giverName: request.giverName,
      giverEmail: request.giverEmail,
      sharedWithGuide: request.sharedWithGuide,
      createdAt: request.createdAt.toISOString(),
      expiresAt: request.expiresAt.toISOString(),
      answer: answer ? { text: answer.answer, createdAt: answer.createdAt.toISOString() } : null,
      thankedAt: iso(request.thankedAt),
      thankYouNote: request.thankYouNote,
    }));
  },
  async importItems({ tx, userId, refs, warnings }, items) {
    let openLinks = 0;
    for (const [index, item] of items.entries()) {
      // The old link's secret never leaves the old Corner, so an imported request gets a fresh,
      // unshared one: a giver who had not answered yet is asked again from the new Corner.
      const { hash } = newSecretToken();
      if (!item.answer) openLinks += 1;
      const [row] = await tx
        .insert(feedbackRequests)
        .values({
          userId,
          goalId: refs.idFor(item.goal, `feedbackRequests.${index}.goal`, 'goal'),
          question: item.question,
          moment: item.moment,
          giverName: item.giverName,
          giverEmail: item.giverEmail,
          tokenHash: hash,
          sharedWithGuide: item.sharedWithGuide,
          createdAt: new Date(item.createdAt),
          expiresAt: new Date(item.expiresAt),
          thankedAt: item.thankedAt ? new Date(item.thankedAt) : null,
          thankYouNote: item.thankYouNote,
        })
        .returning({ id: feedbackRequests.id });
      if (!row) throw new Error('insert returned no feedback request');
      if (item.answer) {
        const [answer] = await tx
          .insert(feedbackAnswers)
          .values({ requestId: row.id, answer: item.answer.text, createdAt: new Date(item.answer.createdAt) })
          .returning({ id: feedbackAnswers.id });
        if (!answer) throw new Error('insert returned no answer');
        refs.bind(item.ref, answer.id, 'feedback');
      }
    }
    if (openLinks > 0) {
      warnings.push(
        `${openLinks} unanswered feedback link(s) from the old Corner no longer work; send new requests if needed.`,
      );
    }
    return items.length;
  },
  renderMarkdown(items) {
    if (items.length === 0) return '_No feedback requests yet._';
    return items
      .map((item) => {
        const lines = [`**Question:** ${item.question}`];
        if (item.moment) lines.push(`**Moment:** ${item.moment}`);
        lines.push(
          item.answer
            ? `**Answer** (${item.answer.createdAt.slice(0, 10)}): ${item.answer.text}`
            : '_Not answered._',
        );
        if (item.thankYouNote)
          lines.push(`**Thanked** (${item.thankedAt?.slice(0, 10) ?? ''}): ${item.thankYouNote}`);
        lines.push(`Shared with my guide: ${item.sharedWithGuide ? 'yes' : 'no'}`);
        return `### ${item.giverName}, ${item.createdAt.slice(0, 10)}\n\n${lines.join('  \n')}`;
      })
      .join('\n\n');
  },
});
