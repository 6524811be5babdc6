import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { checkInRatings, checkIns, goals, progressSigns } from '../../db/schema';
import { defineSection, iso } from './section';

const itemSchema = z.object({
  ref: z.string().min(1),
  title: z.string().min(1).max(300),
  category: z.enum(['iq', 'eq', 'internal']),
  targetDate: z.iso.date().nullable(),
  motivation: z.string().max(2000),
  pattern: z.string().max(60).nullable(),
  status: z.enum(['active', 'achieved', 'archived']),
  sharedWithGuides: z.enum(['shared', 'private']),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  signs: z.array(
    z.object({
      ref: z.string().min(1),
      label: z.string().min(1).max(200),
      position: z.number().int().min(0),
      retiredAt: z.iso.datetime().nullable(),
    }),
  ),
  checkIns: z.array(
    z.object({
      note: z.string().max(4000),
      createdAt: z.iso.datetime(),
      ratings: z.array(z.object({ sign: z.string().min(1), score: z.number().int().min(1).max(10) })),
    }),
  ),
});

export const goalsSection = defineSection({
  key: 'goals',
  title: 'Goals',
  schema: z.array(itemSchema),
  async exportItems({ db, userId, refs }) {
    const goalRows = await db
      .select()
      .from(goals)
      .where(eq(goals.userId, userId))
      .orderBy(asc(goals.createdAt), asc(goals.title));
    const goalIds = goalRows.map((goal) => goal.id);
    if (goalIds.length === 0) return [];
    const signRows = await db
      .select()
      .from(progressSigns)
      .where(inArray(progressSigns.goalId, goalIds))
      .orderBy(asc(progressSigns.position), asc(progressSigns.label));
    const checkInRows = await db
      .select()
      .from(checkIns)
      .where(inArray(checkIns.goalId, goalIds))
      .orderBy(asc(checkIns.createdAt), asc(checkIns.note));
    const ratingRows =
      checkInRows.length === 0
        ? []
        : await db
            .select()
            .from(checkInRatings)
            .where(
              inArray(
                checkInRatings.checkInId,
                checkInRows.map((row) => row.id),
              ),
            );
    return goalRows.map((goal) => ({
      ref: refs.refFor('goal', goal.id),
      title: goal.title,
      category: goal.category,
      targetDate: goal.targetDate,
      motivation: goal.motivation,
      pattern: goal.pattern,
      status: goal.status,
      sharedWithGuides: goal.sharedWithGuides,
      createdAt: goal.createdAt.toISOString(),
      updatedAt: goal.updatedAt.toISOString(),
      signs: signRows
        .filter((sign) => sign.goalId === goal.id)
        .map((sign) => ({
          ref: refs.refFor('sign', sign.id),
          label: sign.label,
          position: sign.position,
          retiredAt: iso(sign.retiredAt),
        })),
      checkIns: checkInRows
        .filter((checkIn) => checkIn.goalId === goal.id)
        .map((checkIn) => ({
          note: checkIn.note,
          createdAt: checkIn.createdAt.toISOString(),
          ratings: ratingRows
            .filter((rating) => rating.checkInId === checkIn.id)
            .map((rating) => ({ sign: refs.refFor('sign', rating.signId), score: rating.score }))
            .sort((a, b) => a.sign.localeCompare(b.sign, 'en', { numeric: true })),
        })),
    }));
  },
  async importItems({ tx, userId, refs }, items) {
    for (const [index, item] of items.entries()) {
      const [goal] = await tx
        .insert(goals)
        .values({
          userId,
          title: item.title,
          category: item.category,
          targetDate: item.targetDate,
          motivation: item.motivation,
          pattern: item.pattern,
          status: item.status,
          sharedWithGuides: item.sharedWithGuides,
          createdAt: new Date(item.createdAt),
          updatedAt: new Date(item.updatedAt),
        })
        .returning({ id: goals.id });
      if (!goal) throw new Error('insert returned no goal');
      refs.bind(item.ref, goal.id, 'goal');
      for (const sign of item.signs) {
        const [row] = await tx
          .insert(progressSigns)
          .values({
            goalId: goal.id,
            label: sign.label,
            position: sign.position,
            retiredAt: sign.retiredAt ? new Date(sign.retiredAt) : null,
          })
          .returning({ id: progressSigns.id });
        if (!row) throw new Error('insert returned no sign');
        refs.bind(sign.ref, row.id, 'sign');
      }
      for (const [checkInIndex, checkIn] of item.checkIns.entries()) {
        const [row] = await tx
          .insert(checkIns)
          .values({ goalId: goal.id, note: checkIn.note, createdAt: new Date(checkIn.createdAt) })
          .returning({ id: checkIns.id });
        if (!row) throw new Error('insert returned no check-in');
        if (checkIn.ratings.length > 0) {
          await tx.insert(checkInRatings).values(
            checkIn.ratings.map((rating, ratingIndex) => ({
              checkInId: row.id,
              signId: refs.idFor(
                rating.sign,
                `goals.${index}.checkIns.${checkInIndex}.ratings.${ratingIndex}.sign`,
                'sign',
              ),
              score: rating.score,
            })),
          );
        }
      }
    }
    return items.length;
  },
  renderMarkdown(items) {
    if (items.length === 0) return '_No goals yet._';
    return items
      .map((goal) => {
        const signs = goal.signs.filter((sign) => sign.retiredAt === null);
        const lines = [
          `### ${goal.title}`,
          '',
          `${goal.category.toUpperCase()} goal · ${goal.status} · target ${goal.targetDate ?? 'not set'} · set ${goal.createdAt.slice(0, 10)}`,
        ];
        if (goal.motivation) lines.push('', `> ${goal.motivation}`);
        if (signs.length > 0)
          lines.push('', '**Signs of progress**', '', ...signs.map((sign) => `- ${sign.label}`));
        if (goal.checkIns.length > 0) {
          const header = `| date | ${signs.map((sign) => sign.label).join(' | ')} | note |`;
          const rule = `|---|${signs.map(() => '---|').join('')}---|`;
          const rows = goal.checkIns.map((checkIn) => {
            const scores = signs.map((sign) =>
              String(checkIn.ratings.find((r) => r.sign === sign.ref)?.score ?? '–'),
            );
            return `| ${checkIn.createdAt.slice(0, 10)} | ${scores.join(' | ')} | ${checkIn.note.replaceAll('|', '/')} |`;
          });
          lines.push('', '**Check-ins** (1–10)', '', header, rule, ...rows);
        }
        return lines.join('\n');
      })
      .join('\n\n');
  },
});
