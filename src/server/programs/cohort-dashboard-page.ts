import type { MomentumState } from '../../domain/momentum/compute-momentum';
import { DASHBOARD_STATE_ORDER } from '../../domain/settings/dashboard';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { type CohortDashboard, cohortDashboard } from './cohort-dashboard';

export type DashboardPageQuery = { state?: MomentumState; page: number; pageSize: number };

export type CohortDashboardPage = CohortDashboard & {
  page: { number: number; size: number; state: MomentumState | null; pairs: number; pages: number };
};

const rank = (state: string) => {
  const index = (DASHBOARD_STATE_ORDER as readonly string[]).indexOf(state);
  return index === -1 ? DASHBOARD_STATE_ORDER.length : index;
};
// One collation whatever the server's locale, so the same cohort pages the same way everywhere.
const names = new Intl.Collator('en');

/**
 * The dashboard with one page of its pair list: the aggregates and per-state totals cover the whole
 * cohort, the list only the pairs of the asked state (or all), pairs needing attention first, then by
 * member, guide and id, so consecutive pages never repeat or skip a pair. The CSV export keeps the
 * whole list (cohortDashboard).
 */
export async function cohortDashboardPage(
  db: Db,
  actor: Actor,
  cohortId: string,
  now: Date,
  query: DashboardPageQuery,
): Promise<CohortDashboardPage> {
  const dashboard = await cohortDashboard(db, actor, cohortId, now);
  const listed = dashboard.pairList
    .filter((pair) => query.state === undefined || pair.state === query.state)
    .sort(
      (a, b) =>
        rank(a.state) - rank(b.state) ||
        names.compare(a.member, b.member) ||
        names.compare(a.guide, b.guide) ||
        (a.relationshipId < b.relationshipId ? -1 : a.relationshipId > b.relationshipId ? 1 : 0),
    );
  const start = (query.page - 1) * query.pageSize;
  return {
    ...dashboard,
    pairList: listed.slice(start, start + query.pageSize),
    page: {
      number: query.page,
      size: query.pageSize,
      state: query.state ?? null,
      pairs: listed.length,
      pages: Math.max(1, Math.ceil(listed.length / query.pageSize)),
    },
  };
}
