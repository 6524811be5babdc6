import { z } from 'zod';
import { DECISION_FOLLOW_UP_DAYS } from '../../../domain/settings/journal';
import { day, quote } from '../markdown-text';
import { instant, longText, ref } from './fields';
import { liveEntry } from './history';
import { exportEntries, importEntries, ownEntries } from './journal-entries';
import { defineSection } from './section';

// The decision journal (PRODUCT.md §2.8a): what I decided, the options, what I expected, and what I
// said had actually happened when Corner asked again after 30 and 90 days.
const dataSchema = z.object({
  relationship: ref.nullable(),
  decision: z.object({ decision: longText, options: longText, expectation: longText }),
  body: longText,
  followUps: z.array(z.object({ afterDays: z.number().int().min(1), answer: longText, answeredAt: instant })),
  sharedWithGuide: z.boolean(),
  pinnedForNextSession: z.boolean(),
  createdAt: instant,
});

export const decisionItemSchema = z.object({ ref, ...dataSchema.shape });
export type DecisionItem = z.infer<typeof decisionItemSchema>;

export const decisionsSection = defineSection({
  key: 'decisions',
  title: 'Decisions',
  schema: z.array(decisionItemSchema),
  async exportItems(context) {
    const rows = await ownEntries(context, 'decisions');
    const live = rows.map((row) =>
      liveEntry(row.id, {
        relationship: row.relationshipId,
        // A decision entry always has its decision; the fallback only keeps a damaged row exportable.
        decision: row.decision ?? { decision: row.body, options: '', expectation: '' },
        body: row.body,
        followUps: [...row.followUpAnswers].sort((a, b) => a.afterDays - b.afterDays),
        sharedWithGuide: row.sharedWithGuide,
        pinnedForNextSession: row.pinnedForNextSession,
        createdAt: row.createdAt.toISOString(),
      }),
    );
    return exportEntries(context, 'decisions', 'decision', dataSchema, live, (entry) => [
      entry.createdAt,
      entry.decision.decision,
      entry.decision.options,
      entry.decision.expectation,
      entry.body,
      JSON.stringify(entry.followUps),
      String(entry.sharedWithGuide),
      String(entry.pinnedForNextSession),
    ]);
  },
  importItems: (context, items) =>
    importEntries(context, 'decisions', 'decision', items, (item) => ({
      kind: 'decision',
      promptId: null,
      body: item.body,
      decision: item.decision,
      followUpAnswers: item.followUps,
      sharedWithGuide: item.sharedWithGuide,
      pinnedForNextSession: item.pinnedForNextSession,
      createdAt: new Date(item.createdAt),
    })),
  renderMarkdown(items, { relationshipName }) {
    if (items.length === 0) return '_No decisions recorded yet._';
    return items
      .map((entry) => {
        const lines = [
          `### ${entry.decision.decision}`,
          '',
          `Decided ${day(entry.createdAt)}${entry.relationship ? ` during my ${relationshipName(entry.relationship)}` : ''} · ${entry.sharedWithGuide ? 'shared with my guide' : 'private'}`,
          '',
          `- **Options I weighed:** ${entry.decision.options}`,
          `- **What I expected:** ${entry.decision.expectation}`,
        ];
        if (entry.body.trim() !== '') lines.push('', quote(entry.body));
        for (const afterDays of DECISION_FOLLOW_UP_DAYS) {
          const answer = entry.followUps.find((followUp) => followUp.afterDays === afterDays);
          lines.push(
            '',
            answer
              ? `**After ${afterDays} days** (${day(answer.answeredAt)}): ${answer.answer}`
              : `**After ${afterDays} days:** _not answered yet_`,
          );
        }
        return lines.join('\n');
      })
      .join('\n\n');
  },
});
