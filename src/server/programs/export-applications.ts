import { and, eq } from 'drizzle-orm';
import { guideColumns, memberColumns } from '../../domain/programs/csv-rows';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { applications } from '../db/schema';
import { stringifyCsv } from '../http/csv';
import { requireCohortAdmin } from '../policies/programs';

const weekdayNames = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

// Writes the same columns the import reads, so a program can round-trip its spreadsheet.
export async function exportApplications(
  db: Db,
  actor: Actor,
  cohortId: string,
  role: 'member' | 'guide',
): Promise<string> {
  const cohort = await requireCohortAdmin(db, actor, cohortId);
  const rows = await db
    .select()
    .from(applications)
    .where(and(eq(applications.cohortId, cohortId), eq(applications.role, role)))
    .orderBy(applications.email);
  const records = rows.map((row) => {
    const p = row.profile;
    const common = {
      email: row.email,
      name: row.name,
      organization: p.organization ?? '',
      time_zone: p.timeZone,
      languages: p.languages.join('; '),
      formats: p.formats.join('; '),
    };
    if (p.role === 'member') {
      return {
        ...common,
        goal: p.goal,
        skill_gaps: p.skillGaps
          .map((gap) => (gap.category ? `${gap.area} (${gap.category})` : gap.area))
          .join('; '),
        style: p.style ?? '',
        structure: p.structure ?? '',
        seniority: p.seniority ?? '',
      };
    }
    return {
      ...common,
      expertise: p.expertise.join('; '),
      capacity: String(p.capacity),
      availability: p.availability
        .map((w) => `${weekdayNames[w.weekday] ?? ''} ${w.start}-${w.end}`)
        .join('; '),
      style: p.style,
      structure: p.structure,
      approach: p.approach,
      works_with: p.worksWith.join('; '),
    };
  });
  await recordAuditEvent(db, {
    actor: actor.userId,
    action: 'export.applications',
    target: `cohort:${cohortId}`,
    programId: cohort.programId,
    meta: { role, rows: rows.length },
  });
  return stringifyCsv(records, {
    header: true,
    // A guide's ranking of members is theirs (an admin sees only how many they answered), so the export
    // leaves the optional `ranks` column out; re-importing the file keeps each guide's ranking as it is.
    columns: role === 'member' ? [...memberColumns] : guideColumns.filter((column) => column !== 'ranks'),
  });
}
