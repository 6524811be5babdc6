import type { problemReports } from '../db/schema';
import { problemReportPolicy } from '../policies/problem-reports';

type ReportRow = typeof problemReports.$inferSelect;
type Pair = { id: string; memberId: string | null; guideId: string | null };

// A report as its program admin sees it: who wrote (as member or guide), about which pair, what kind,
// the reporter's words and when; whether an admin has reviewed it.
export function presentProblemReport(report: ReportRow, rel: Pair, names: Map<string, { name: string }>) {
  const nameOf = (id: string | null) => (id ? (names.get(id)?.name ?? '—') : '—');
  return {
    id: report.id,
    kind: report.kind,
    details: report.details,
    createdAt: report.createdAt.toISOString(),
    reviewedAt: report.reviewedAt?.toISOString() ?? null,
    reporterRole: problemReportPolicy.reporterRole(report, rel),
    pair: { relationshipId: rel.id, member: nameOf(rel.memberId), guide: nameOf(rel.guideId) },
  };
}
