import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { growthRecordImports, user } from '../db/schema';
import { type GrowthRecord, growthRecordSchema } from './format';
import { sections } from './sections';
import { GrowthRecordError, RefMap } from './sections/section';

export type ImportReport = {
  userId: string;
  email: string;
  createdPerson: boolean;
  temporaryPassword: string | null;
  /** The same record was imported into this person before: nothing was written again. */
  alreadyImported: boolean;
  counts: Record<string, number>;
  warnings: string[];
};

// Creating a person needs the auth system (password hashing, account rows); the caller supplies it.
export type CreatePerson = (person: {
  name: string;
  email: string;
  timeZone: string;
}) => Promise<{ userId: string; temporaryPassword: string }>;

// A malformed file is refused with every problem named by its path ("goals.0.signs.1.label: …"),
// before anything is written.
export function parseGrowthRecord(input: unknown): GrowthRecord {
  const parsed = growthRecordSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 10).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(the whole file)';
    return `${where}: ${issue.message}`;
  });
  const more = parsed.error.issues.length > 10 ? ` (and ${parsed.error.issues.length - 10} more)` : '';
  throw new GrowthRecordError(`This is not a valid Corner growth record: ${problems.join('; ')}${more}`);
}

export function parseGrowthRecordText(text: string): GrowthRecord {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new GrowthRecordError(
      `The file is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return parseGrowthRecord(json);
}

/**
 * The record's identity for re-imports: SHA-256 of its parsed content without exportedAt. Parsing
 * fixes the key order and drops formatting, so the same data gives the same digest whichever way the
 * file was written, and exporting it again later does not make it a new record.
 */
export function growthRecordDigest(record: GrowthRecord): string {
  const { exportedAt: _, ...content } = record;
  return crypto.createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

// Restores a record into this Corner as one transaction: all of it or none of it. Every record gets
// a new id, and refs inside the file are turned into those new ids. The person's own areas (goals,
// feedback, artifacts, journal entries of their own) come back live; relationships and what hangs off
// them come back as read-only history (sections/history.ts explains why). Importing the same record
// into the same person again writes nothing (growthRecordDigest).
export async function importGrowthRecord(
  db: Db,
  record: GrowthRecord,
  options: { asEmail?: string; createPerson: CreatePerson; now: Date },
): Promise<ImportReport> {
  const email = z.email().parse((options.asEmail ?? record.person.email).toLowerCase());
  const [existing] = await db.select({ id: user.id }).from(user).where(eq(user.email, email));
  const created = existing
    ? null
    : await options.createPerson({ name: record.person.name, email, timeZone: record.person.timeZone });
  const userId = existing?.id ?? created?.userId;
  if (!userId) throw new Error('no person to import into');
  const warnings: string[] = [];
  const counts: Record<string, number> = {};
  const recordDigest = growthRecordDigest(record);
  let alreadyImported = false;
  try {
    await db.transaction(async (tx) => {
      // First, so a concurrent import of the same record waits on this row and then finds it taken.
      const claimed = await tx
        .insert(growthRecordImports)
        .values({ userId, recordDigest, importedAt: options.now })
        .onConflictDoNothing()
        .returning({ id: growthRecordImports.id });
      if (claimed.length === 0) {
        alreadyImported = true;
        const [earlier] = await tx
          .select({ importedAt: growthRecordImports.importedAt })
          .from(growthRecordImports)
          .where(
            and(eq(growthRecordImports.userId, userId), eq(growthRecordImports.recordDigest, recordDigest)),
          );
        warnings.push(
          `This record was already imported into ${email}${earlier ? ` on ${earlier.importedAt.toISOString().slice(0, 10)}` : ''}; nothing was imported again.`,
        );
        return;
      }
      if (!existing && record.person.organization) {
        await tx.update(user).set({ organization: record.person.organization }).where(eq(user.id, userId));
      }
      const context = { tx, userId, refs: new RefMap(), warnings, now: options.now };
      for (const section of sections) {
        const items = record[section.key as keyof GrowthRecord];
        // Parsed by the schema built from these sections, so each slice matches its section.
        const importItems = section.importItems as (ctx: typeof context, items: unknown) => Promise<number>;
        counts[section.key] = await importItems(context, items);
      }
    });
  } catch (error) {
    // The account is made by the auth system outside the transaction; a failed import takes it back,
    // so a refused file leaves nothing behind.
    if (created) await db.delete(user).where(eq(user.id, created.userId));
    throw error;
  }
  return {
    userId,
    email,
    createdPerson: created !== null,
    temporaryPassword: created?.temporaryPassword ?? null,
    alreadyImported,
    counts,
    warnings,
  };
}
