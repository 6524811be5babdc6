import { z } from 'zod';
import { selfCoachingPrompts } from '../../../domain/journal/prompts';
import { day, quote } from '../markdown-text';
import { instant, longText, ref } from './fields';
import { liveEntry } from './history';
import { exportEntries, importEntries, ownEntries } from './journal-entries';
import { defineSection } from './section';

const dataSchema = z.object({
  relationship: ref.nullable(),
  kind: z.enum(['free', 'prompt']),
  promptId: z.string().max(60).nullable(),
  body: longText,
  sharedWithGuide: z.boolean(),
  pinnedForNextSession: z.boolean(),
  createdAt: instant,
});

export const journalItemSchema = z.object({ ref, ...dataSchema.shape });
export type JournalItem = z.infer<typeof journalItemSchema>;

export const journalSection = defineSection({
  key: 'journal',
  title: 'Journal',
  schema: z.array(journalItemSchema),
  async exportItems(context) {
    const rows = await ownEntries(context, 'journal');
    const live = rows.map((row) =>
      liveEntry(row.id, {
        relationship: row.relationshipId,
        kind: row.kind === 'prompt' ? ('prompt' as const) : ('free' as const),
        promptId: row.promptId,
        body: row.body,
        sharedWithGuide: row.sharedWithGuide,
        pinnedForNextSession: row.pinnedForNextSession,
        createdAt: row.createdAt.toISOString(),
      }),
    );
    return exportEntries(context, 'journal', 'journal', dataSchema, live, (entry) => [
      entry.createdAt,
      entry.kind,
      entry.promptId ?? '',
      entry.body,
      String(entry.sharedWithGuide),
      String(entry.pinnedForNextSession),
    ]);
  },
  importItems: (context, items) =>
    importEntries(context, 'journal', 'journal', items, (item) => ({
      kind: item.kind,
      promptId: item.promptId,
      body: item.body,
      sharedWithGuide: item.sharedWithGuide,
      pinnedForNextSession: item.pinnedForNextSession,
      createdAt: new Date(item.createdAt),
    })),
  renderMarkdown(items, { relationshipName }) {
    if (items.length === 0) return '_No journal entries yet._';
    return items
      .map((entry) => {
        const prompt = selfCoachingPrompts.find((p) => p.id === entry.promptId)?.text;
        const marks = [
          entry.sharedWithGuide ? 'shared with my guide' : 'private',
          entry.relationship ? `written in my ${relationshipName(entry.relationship)}` : null,
          entry.pinnedForNextSession ? 'pinned for the next session' : null,
        ].filter(Boolean);
        const lines = [`### ${day(entry.createdAt)}${prompt ? `: ${prompt}` : ''}`, ''];
        lines.push(quote(entry.body), '', `_${marks.join(' · ')}_`);
        return lines.join('\n');
      })
      .join('\n\n');
  },
});
