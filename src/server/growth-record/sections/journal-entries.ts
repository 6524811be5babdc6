import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { journalEntries } from '../../db/schema';
import { type Entry, inOrder, loadHistory, saveHistory, withNewIds } from './history';
import type { ExportContext, ImportContext } from './section';

// Journal entries and decisions are rows of one table, told apart by kind. Only the person's own
// entries are exported: entries the other person shared with them are that person's record.
//
// An entry that stands on its own comes back as a live entry (still pinnable, a decision's 30- and
// 90-day questions still asked); one tied to a relationship becomes history with that relationship.

type EntryRow = typeof journalEntries.$inferSelect;
type EntrySection = 'journal' | 'decisions';
type Linked = { relationship: string | null };

export async function ownEntries(
  { db, userId, scope }: ExportContext,
  section: EntrySection,
): Promise<EntryRow[]> {
  if (scope !== 'everything') return [];
  return db
    .select()
    .from(journalEntries)
    .where(
      and(
        eq(journalEntries.userId, userId),
        section === 'decisions' ? eq(journalEntries.kind, 'decision') : ne(journalEntries.kind, 'decision'),
      ),
    );
}

/** Live and imported entries in one order; `key` lists every field, so equal keys mean equal entries. */
export async function exportEntries<S extends z.ZodType<Linked>>(
  { db, userId, refs }: ExportContext,
  section: EntrySection,
  kind: string,
  schema: S,
  live: Entry<z.infer<S>>[],
  key: (data: z.infer<S>) => string[],
) {
  const relationshipRef = (data: Linked) =>
    data.relationship ? refs.knownRef('relationship', data.relationship) : null;
  const imported = await loadHistory(db, userId, section, schema);
  const ordered = inOrder([...live, ...imported], (data) => [...key(data), relationshipRef(data) ?? '']);
  for (const { id } of ordered) refs.refFor(kind, id);
  return ordered.map(({ id, data }) => ({
    ...data,
    ref: refs.refOf(kind, id),
    // A live entry tied to an invitation that never started keeps no link: that relationship is not
    // in the record.
    relationship: relationshipRef(data),
  }));
}

export async function importEntries<T extends Linked & { ref: string }>(
  { tx, userId, refs, now }: ImportContext,
  section: EntrySection,
  kind: string,
  items: T[],
  liveRow: (item: T) => Omit<typeof journalEntries.$inferInsert, 'id' | 'userId' | 'relationshipId'>,
): Promise<number> {
  const history: { id: string; position: number; payload: Record<string, unknown> }[] = [];
  for (const { id, item, index } of withNewIds(refs, items, kind)) {
    if (item.relationship === null) {
      await tx.insert(journalEntries).values({ ...liveRow(item), id, userId, relationshipId: null });
      continue;
    }
    const { ref: _, ...data } = item;
    const relationship = refs.idFor(item.relationship, `${section}.${index}.relationship`, 'relationship');
    history.push({ id, position: index, payload: { ...data, relationship } });
  }
  await saveHistory(tx, userId, section, history, now);
  return items.length;
}
