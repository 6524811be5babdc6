import type { z } from 'zod';
import type { Db, Tx } from '../../db/client';

// Records are linked by local references ("goal-1", "feedback-2") rather than database ids: ids mean
// nothing in another Corner, and refs make an export of the same data identical every time.
export class RefMap {
  private readonly refs = new Map<string, string>();
  private readonly ids = new Map<string, string>();
  private readonly counters = new Map<string, number>();

  /** Export side: the ref for a database id, made on first sight. */
  refFor(kind: string, id: string): string {
    const key = `${kind}:${id}`;
    const known = this.refs.get(key);
    if (known) return known;
    const next = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, next);
    const ref = `${kind}-${next}`;
    this.refs.set(key, ref);
    return ref;
  }

  /** Export side: the ref of an id already exported, or null (e.g. a template since deleted). */
  knownRef(kind: string, id: string): string | null {
    return this.refs.get(`${kind}:${id}`) ?? null;
  }

  /** Import side: remember which new id a ref became. */
  bind(ref: string, id: string): void {
    this.ids.set(ref, id);
  }

  /** Import side: the new id of a ref, or a clear error naming where the dangling ref was found. */
  idFor(ref: string, where: string): string {
    const id = this.ids.get(ref);
    if (!id) throw new GrowthRecordError(`${where}: refers to "${ref}", which is not in this record.`);
    return id;
  }
}

export class GrowthRecordError extends Error {}

export type ExportContext = { db: Db; userId: string; refs: RefMap };
export type ImportContext = { tx: Tx; userId: string; refs: RefMap; warnings: string[] };

// One area of the growth record. Adding an area (relationships, sessions, journal …) is a new file
// exporting one of these and a line in sections/index.ts.
export type Section<K extends string, T extends z.ZodType> = {
  key: K;
  title: string;
  schema: T;
  exportItems: (context: ExportContext) => Promise<z.infer<T>>;
  importItems: (context: ImportContext, items: z.infer<T>) => Promise<number>;
  renderMarkdown: (items: z.infer<T>) => string;
};

export const defineSection = <const K extends string, T extends z.ZodType>(
  section: Section<K, T>,
): Section<K, T> => section;

export const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);
