import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import { importedHistory } from '../../db/schema';
import type { RefMap } from './section';

// Relationships come from another Corner with a counterpart who has no account here, so they (and
// everything that hangs off them) are restored as read-only history in `imported_history`, never as
// live rows. Each history row holds the item in the record's own shape, with links as ids: ids of
// other history rows, or of the person's live goals. Export reads live rows and history through the
// same steps (entry → order → refs), which is what makes export → import → export give one document.

export type HistorySection = (typeof importedHistory.$inferSelect)['section'];

/** One record of a section, live or imported: its id, its data with ids for links, its file position. */
export type Entry<T> = { id: string; data: T; position: number };

export const liveEntry = <T>(id: string, data: T): Entry<T> => ({ id, data, position: 0 });

export async function loadHistory<S extends z.ZodType>(
  db: Db,
  userId: string,
  section: HistorySection,
  schema: S,
): Promise<Entry<z.infer<S>>[]> {
  const rows = await db
    .select()
    .from(importedHistory)
    .where(and(eq(importedHistory.userId, userId), eq(importedHistory.section, section)));
  return rows.map((row) => {
    const parsed = schema.safeParse(row.payload);
    // Written by import after the same schema accepted it; a mismatch is a bug, not bad input.
    if (!parsed.success) throw new Error(`imported ${section} ${row.id} no longer fits its schema`);
    return { id: row.id, data: parsed.data, position: row.position };
  });
}

const compareKeys = (a: string[], b: string[]): number => {
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const left = a[index] ?? '';
    const right = b[index] ?? '';
    if (left !== right) return left < right ? -1 : 1;
  }
  return 0;
};

/**
 * One order for live and imported records alike: by the section's key (time first, then content and
 * refs already given out, never database ids), then by the imported file's order. The id decides only
 * between records alike in every keyed field, where either order gives the same document.
 */
export function inOrder<T>(entries: Entry<T>[], key: (data: T) => string[]): Entry<T>[] {
  const keyed = entries.map((entry) => ({ entry, key: key(entry.data) }));
  keyed.sort(
    (a, b) =>
      compareKeys(a.key, b.key) ||
      a.entry.position - b.entry.position ||
      (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0),
  );
  return keyed.map(({ entry }) => entry);
}

/** Import side: a new id for every item, bound before any link is read, so links within a section resolve. */
export function withNewIds<T extends { ref: string }>(refs: RefMap, items: T[], kind: string) {
  return items.map((item, index) => {
    const id = crypto.randomUUID();
    refs.bind(item.ref, id, kind);
    return { id, item, index };
  });
}

export async function saveHistory(
  tx: Tx,
  userId: string,
  section: HistorySection,
  rows: { id: string; position: number; payload: Record<string, unknown> }[],
  importedAt: Date,
): Promise<void> {
  // In slices, so a long history stays far below PostgreSQL's limit of parameters per statement.
  for (let start = 0; start < rows.length; start += HISTORY_INSERT_SLICE) {
    const slice = rows.slice(start, start + HISTORY_INSERT_SLICE);
    await tx.insert(importedHistory).values(slice.map((row) => ({ ...row, userId, section, importedAt })));
  }
}

const HISTORY_INSERT_SLICE = 500;
