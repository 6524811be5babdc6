import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Actor } from '../../auth/actor';
import type { Db } from '../../db/client';
import { buildReportContent } from '../../relationships/build-report';
import { instant, longText, ref, role } from './fields';
import { type Entry, inOrder, liveEntry, loadHistory, saveHistory } from './history';
import { myRelationships } from './my-relationships';
import { defineSection } from './section';

const count = z.number().int().min(0);

// The end-of-relationship report (PRODUCT.md §2.8) of every closed relationship, built by the same code
// as the report page, so it holds exactly what this person may read there: goals and outcome, sessions
// held against agreed, actions done, and the retrospectives' key insights the blind rules reveal.
const dataSchema = z.object({
  relationship: ref,
  closedAt: instant,
  sessionsHeld: count,
  sessionsAgreed: count,
  actionsDone: count,
  actionsTotal: count,
  goals: z.array(z.object({ title: z.string().min(1).max(300), status: z.string().max(30) })),
  goalAchieved: z.array(z.object({ by: role, answer: z.string().max(100) })),
  keyInsights: z.array(z.object({ by: role, text: longText })),
  // The report as the page shows and downloads it.
  markdown: z.string().max(500_000),
});
type ReportData = z.infer<typeof dataSchema>;

export const reportItemSchema = dataSchema;
export type ReportItem = z.infer<typeof reportItemSchema>;

async function liveReports(db: Db, actor: Actor, now: Date): Promise<Entry<ReportData>[]> {
  const reports: Entry<ReportData>[] = [];
  for (const rel of await myRelationships(db, actor.userId)) {
    const { closedAt } = rel;
    if (!closedAt) continue;
    const content = await buildReportContent(db, actor, rel.id, now);
    reports.push(
      liveEntry(rel.id, {
        relationship: rel.id,
        closedAt: closedAt.toISOString(),
        sessionsHeld: content.sessionsHeld,
        sessionsAgreed: content.sessionsAgreed,
        actionsDone: content.actionsDone,
        actionsTotal: content.actionsTotal,
        goals: content.goals,
        goalAchieved: content.goalAchieved,
        keyInsights: content.keyInsights,
        markdown: content.markdown,
      }),
    );
  }
  return reports;
}

export const reportsSection = defineSection({
  key: 'reports',
  title: 'Reports',
  schema: z.array(reportItemSchema),
  async exportItems({ db, userId, actor, refs, now, scope }) {
    const live = scope === 'everything' ? await liveReports(db, actor, now) : [];
    const imported = await loadHistory(db, userId, 'reports', dataSchema);
    const ordered = inOrder(
      [...live, ...imported].filter((entry) => refs.knownRef('relationship', entry.data.relationship)),
      (r) => [r.closedAt, refs.knownRef('relationship', r.relationship) ?? '', r.markdown],
    );
    return ordered.map(({ data }) => ({
      ...data,
      relationship: refs.refOf('relationship', data.relationship),
    }));
  },
  async importItems({ tx, userId, refs, now }, items) {
    const rows = items.map((item, index) => {
      const payload: ReportData = {
        ...item,
        relationship: refs.idFor(item.relationship, `reports.${index}.relationship`, 'relationship'),
      };
      return { id: randomUUID(), position: index, payload };
    });
    await saveHistory(tx, userId, 'reports', rows, now);
    return items.length;
  },
});
