import { parse } from 'csv-parse/sync';
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  type CsvRecord,
  type ParsedApplication,
  parseApplicationRows,
  type RowProblem,
} from '../../domain/programs/csv-rows';
import { rankingToPreferences } from '../../domain/programs/guide-preferences';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { applications, guidePreferences, programs } from '../db/schema';
import { Problem } from '../http/problem';
import type { Mailer } from '../mail/mailer';
import { requireCohortAdmin } from '../policies/programs';

const INSERT_CHUNK = 500;

export type ImportResult = { imported: number; skipped: number; problems: RowProblem[] };

// All or nothing by default: one bad row means nothing is imported and every problem is listed with its
// line and column. With skipInvalid the good rows go in and the rest are reported. Re-importing a person
// (same email and role) updates their application instead of duplicating it.
// Each new row is an invitation to join, not an enrolment: it stays pending until the person, signed in
// with that address, confirms it (the admin's own row counts as confirmed: they are the one importing).
// With `notify`, each newly invited person is mailed after the import commits.
export async function importApplications(
  db: Db,
  actor: Actor,
  cohortId: string,
  input: { role: 'member' | 'guide'; csv: string; skipInvalid: boolean },
  onProgress?: (done: number, total: number) => void,
  notify?: { mailer: Mailer; baseUrl: string },
): Promise<ImportResult> {
  const cohort = await requireCohortAdmin(db, actor, cohortId);
  const { headers, records } = readCsv(input.csv);
  const parsed = await checkRankedMembers(db, cohortId, parseApplicationRows(input.role, headers, records));
  if (parsed.problems.length > 0 && !input.skipInvalid) {
    const shown = parsed.problems.slice(0, 50);
    throw new Problem(
      422,
      'invalid-rows',
      `Nothing was imported: ${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'} in the file. ` +
        shown.map((p) => `Line ${p.line}, ${p.column}: ${p.message}.`).join(' '),
      'csv',
      parsed.problems.map((p) => ({ field: `line ${p.line}, ${p.column}`, message: p.message })),
    );
  }
  const myEmail = actor.email.toLowerCase();
  const invited = await db.transaction(async (tx) => {
    const known = new Set<string>();
    for (let start = 0; start < parsed.applications.length; start += INSERT_CHUNK) {
      const emails = parsed.applications.slice(start, start + INSERT_CHUNK).map((row) => row.email);
      const rows = await tx
        .select({ email: applications.email })
        .from(applications)
        .where(
          and(
            eq(applications.cohortId, cohortId),
            eq(applications.role, input.role),
            inArray(applications.email, emails),
          ),
        );
      for (const row of rows) known.add(row.email);
    }
    for (let start = 0; start < parsed.applications.length; start += INSERT_CHUNK) {
      const chunk = parsed.applications.slice(start, start + INSERT_CHUNK);
      await tx
        .insert(applications)
        .values(
          chunk.map((row) => ({
            cohortId,
            role: input.role,
            email: row.email,
            name: row.name,
            profile: row.profile,
            ...(row.email === myEmail
              ? { status: 'confirmed' as const, confirmedBy: actor.userId, answeredAt: sql`now()` }
              : {}),
          })),
        )
        .onConflictDoUpdate({
          target: [applications.cohortId, applications.role, applications.email],
          set: { name: sql`excluded.name`, profile: sql`excluded.profile` },
        });
      onProgress?.(Math.min(start + INSERT_CHUNK, parsed.applications.length), parsed.applications.length);
    }
    await saveImportedRanks(tx, cohortId, parsed.applications, parsed.members);
    return parsed.applications.filter((row) => !known.has(row.email) && row.email !== myEmail);
  });
  if (notify && invited.length > 0) {
    const [program] = await db
      .select({ name: programs.name })
      .from(programs)
      .where(eq(programs.id, cohort.programId));
    const where = `${program?.name ?? 'A program'} (${cohort.name})`;
    for (const row of invited) {
      await notify.mailer.send({
        to: row.email,
        subject: `${actor.name} invites you to join ${where} as a ${input.role}`,
        text: `Hello ${row.name},\n\n${actor.name} added you to ${where} on Corner as a ${input.role}. You are not part of it until you confirm: sign in (or create your account) with this address, ${row.email}, and confirm or decline on your home page: ${notify.baseUrl}/\n\nIf you did not expect this, decline or ignore it; nobody is matched with you unless you confirm.`,
      });
    }
  }
  const skipped = new Set(parsed.problems.map((p) => p.line)).size;
  return { imported: parsed.applications.length, skipped, problems: parsed.problems };
}

// A guide row's `ranks` names members by e-mail; each must already be a member of the cohort (import the
// members first), else it is a row problem like any other.
async function checkRankedMembers(db: Db, cohortId: string, parsed: ReturnType<typeof parseApplicationRows>) {
  const rankedRows = parsed.applications.filter((row) => row.ranks);
  if (rankedRows.length === 0) return { ...parsed, members: new Map<string, string>() };
  const members = new Map(
    (
      await db
        .select({ id: applications.id, email: applications.email })
        .from(applications)
        .where(and(eq(applications.cohortId, cohortId), eq(applications.role, 'member')))
    ).map((row) => [row.email.toLowerCase(), row.id]),
  );
  const problems = [...parsed.problems];
  for (const row of rankedRows)
    for (const email of row.ranks ?? [])
      if (!members.has(email))
        problems.push({
          line: row.line,
          column: 'ranks',
          message: `${email} is not a member of this cohort (import the members first)`,
        });
  const bad = new Set(problems.map((p) => p.line));
  problems.sort((a, b) => a.line - b.line);
  return { applications: parsed.applications.filter((row) => !bad.has(row.line)), problems, members };
}

// The guide's ranking from the file replaces what they had saved; a row without `ranks` leaves it as is.
async function saveImportedRanks(
  tx: Parameters<Parameters<Db['transaction']>[0]>[0],
  cohortId: string,
  rows: ParsedApplication[],
  members: Map<string, string>,
) {
  for (const row of rows) {
    if (!row.ranks) continue;
    const [guide] = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(
        and(
          eq(applications.cohortId, cohortId),
          eq(applications.role, 'guide'),
          eq(applications.email, row.email),
        ),
      );
    if (!guide) continue;
    await tx
      .delete(guidePreferences)
      .where(and(eq(guidePreferences.cohortId, cohortId), eq(guidePreferences.guideApplicationId, guide.id)));
    const ids = row.ranks.map((email) => members.get(email) ?? '');
    await tx.insert(guidePreferences).values(
      rankingToPreferences(ids).map((p) => ({
        cohortId,
        guideApplicationId: guide.id,
        memberApplicationId: p.memberApplicationId,
        score: p.score,
        rank: p.rank,
      })),
    );
  }
}

export function readCsv(text: string): { headers: string[]; records: CsvRecord[] } {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  let headers: string[] = [];
  try {
    rows = parse(text, {
      columns: (header: string[]) => {
        headers = header.map((name) => name.trim().toLowerCase());
        return headers;
      },
      skip_empty_lines: true,
      trim: true,
      info: true,
      bom: true,
      relax_column_count: false,
    });
  } catch (error) {
    throw new Problem(
      422,
      'unreadable-csv',
      `The file is not readable CSV: ${(error as Error).message}`,
      'csv',
    );
  }
  return { headers, records: rows.map((row) => ({ line: row.info.lines, values: row.record })) };
}
