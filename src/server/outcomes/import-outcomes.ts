import { and, eq, ne, sql } from 'drizzle-orm';
import { parseOutcomeRows } from '../../domain/outcomes/outcome-rows';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { applications, outcomeValues } from '../db/schema';
import { Problem } from '../http/problem';
import { requireCohortAdmin } from '../policies/programs';
import { readCsv } from '../programs/import-applications';

// All or nothing, as the applications import: unknown people, bad values or duplicates are listed with
// line and column and nothing is stored until the file is fixed. A re-import replaces a person's value.
export async function importOutcomes(
  db: Db,
  actor: Actor,
  cohortId: string,
  csv: string,
  now: Date,
): Promise<{ imported: number; measures: string[] }> {
  await requireCohortAdmin(db, actor, cohortId);
  const { headers, records } = readCsv(csv);
  const members = await db
    .select({ id: applications.id, email: applications.email })
    .from(applications)
    .where(
      and(
        eq(applications.cohortId, cohortId),
        eq(applications.role, 'member'),
        ne(applications.status, 'declined'),
      ),
    );
  const idOf = new Map(members.map((m) => [m.email.toLowerCase(), m.id]));
  const { rows, problems } = parseOutcomeRows(headers, records, new Set(idOf.keys()));
  if (problems.length > 0) {
    throw new Problem(
      422,
      'invalid-rows',
      `Nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the file. ` +
        problems
          .slice(0, 50)
          .map((p) => `Line ${p.line}, ${p.column}: ${p.message}.`)
          .join(' '),
      'csv',
      problems.map((p) => ({ field: `line ${p.line}, ${p.column}`, message: p.message })),
    );
  }
  if (rows.length > 0) {
    await db.transaction(async (tx) => {
      await tx
        .insert(outcomeValues)
        .values(
          rows.map((row) => ({
            cohortId,
            applicationId: idOf.get(row.email) ?? '',
            measure: row.measure,
            scale: row.scale,
            value: row.value,
            importedAt: now,
          })),
        )
        .onConflictDoUpdate({
          target: [outcomeValues.applicationId, outcomeValues.measure],
          set: {
            value: sql`excluded.value`,
            scale: sql`excluded.scale`,
            importedAt: sql`excluded.imported_at`,
          },
        });
    });
  }
  return { imported: rows.length, measures: [...new Set(rows.map((r) => r.measure))].sort() };
}
