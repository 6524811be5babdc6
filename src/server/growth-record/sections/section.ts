import type { z } from 'zod';
import type { Actor } from '../../auth/actor';
import type { Db, Tx } from '../../db/client';

// Records are linked by local references ("goal-1", "feedback-2") rather than database ids: ids mean
// nothing in another Corner, and refs make an export of the same data identical every time.
export class RefMap {
  private readonly refs = new Map<string, string>();
  private readonly ids = new Map<string, { id: string; kind: string }>();
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

  /** Export side: the ref of a record exported earlier; anything else would be a dangling link. */
  refOf(kind: string, id: string): string {
    const known = this.knownRef(kind, id);
    if (!known) throw new Error(`the export links to a ${kind} it did not include`);
    return known;
  }

  /** Import side: remember which new id a ref became. A ref names one record in the whole file. */
  bind(ref: string, id: string, kind: string): void {
    if (this.ids.has(ref)) {
      throw new GrowthRecordError(`"${ref}" names two records in this file; each ref must be unique.`);
    }
    this.ids.set(ref, { id, kind });
  }

  /** Import side: the new id of a ref, or a clear error naming where the dangling ref was found. */
  idFor(ref: string, where: string, kind: string): string {
    const bound = this.ids.get(ref);
    if (!bound) throw new GrowthRecordError(`${where}: refers to "${ref}", which is not in this record.`);
    if (bound.kind !== kind) {
      throw new GrowthRecordError(`${where}: refers to "${ref}", which is a ${bound.kind}, not a ${kind}.`);
    }
    return bound.id;
  }
}

export class GrowthRecordError extends Error {}

export type ExportContext = {
  db: Db;
  userId: string;
  actor: Actor;
  refs: RefMap;
  now: Date;
  // 'imported-history' leaves out live rows: the read-only page of what came from another Corner.
  scope: 'everything' | 'imported-history';
};
export type ImportContext = { tx: Tx; userId: string; refs: RefMap; warnings: string[]; now: Date };

// One area of the growth record. Adding an area (relationships, sessions, journal …) is a new file
// exporting one of these and a line in sections/index.ts.
export type Section<K extends string, T extends z.ZodType> = {
  key: K;
  title: string;
  schema: T;
  exportItems: (context: ExportContext) => Promise<z.infer<T>>;
  importItems: (context: ImportContext, items: z.infer<T>) => Promise<number>;
  // Absent for sections told inside each relationship's chapter (sessions, actions, reports).
  renderMarkdown?: (items: z.infer<T>, context: MarkdownContext) => string;
};

/** What a section's Markdown may know of the rest of the record. */
export type MarkdownContext = {
  /** "mentoring with Sam Rivera" for a relationship's ref. */
  relationshipName: (ref: string) => string;
  /** "Jordan, 2026-11-21" for a feedback request's ref. */
  feedbackName: (ref: string) => string;
};

export const defineSection = <const K extends string, T extends z.ZodType>(
  section: Section<K, T>,
): Section<K, T> => section;

export const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);
