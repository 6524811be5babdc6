import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import { requireCohortAdmin } from './programs';

export type ReporterRole = 'member' | 'guide';

// Problem reports (PRODUCT.md §2.8a) are written to the program admin. The admins of the program the
// pair's cohort belongs to read them, the reporter's own words included since they were addressed to
// them; anyone else — the other program's admins, the pair itself, strangers — gets a 404, so a report's
// existence is not revealed. A report brings nothing else of the pair along: no notes, agendas,
// actions, messages or reflections.
export const problemReportPolicy = {
  requireReader: (db: Db | Tx, actor: Actor, cohortId: string) => requireCohortAdmin(db, actor, cohortId),
  /** Whether the reporter wrote as the pair's member or its guide (null: neither of them any more). */
  reporterRole: (
    report: { reporterId: string },
    rel: { memberId: string | null; guideId: string | null },
  ): ReporterRole | null =>
    report.reporterId === rel.memberId ? 'member' : report.reporterId === rel.guideId ? 'guide' : null,
};
