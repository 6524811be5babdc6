import { sql } from 'drizzle-orm';
import type { Cadence } from '../../domain/agreements/vocabulary';
import {
  type PairRiskFacts,
  type RiskLevel,
  type RiskSignal,
  riskLevel,
  riskSignals,
} from '../../domain/outcomes/risk-signals';
import { RISK_RECENT_DAYS } from '../../domain/settings/outcomes';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { requireCohortAdmin } from '../policies/programs';

const DAY_MS = 86_400_000;
/** How far back the guide's answer times are read. */
const ANSWER_WINDOW_DAYS = 2 * RISK_RECENT_DAYS;
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

export type AtRiskPair = {
  relationshipId: string;
  member: string;
  guide: string;
  level: Exclude<RiskLevel, 'ok'>;
  signals: RiskSignal[];
  lastRepairStep: { kind: string; at: string } | null;
};

// The admin's early-warning list: each active pair with at least one signal, its level and the reasons.
// Only instants, counts, authorship and scores are read — never a message's, note's or comment's words.
export async function listAtRisk(db: Db, actor: Actor, cohortId: string, now: Date): Promise<AtRiskPair[]> {
  await requireCohortAdmin(db, actor, cohortId);
  const at = now.toISOString();
  const recent = new Date(now.getTime() - RISK_RECENT_DAYS * DAY_MS).toISOString();
  const pairs = rowsOf<{
    id: string;
    member_id: string;
    started_at: number;
    member: string;
    guide: string;
    cadence: string | null;
    held: number;
    missed: number;
    next_step: boolean;
    last_by: string | null;
    last_at: number | null;
    pulse: number | null;
    step_kind: string | null;
    step_at: number | null;
  }>(
    // Each fact is read once for the whole cohort and joined by hash, not probed per pair by a
    // correlated subquery: at 20,000 pairs and 500,000 sessions six probes per pair were most of the
    // read (bench:outcomes). Only the session-pulse fallback stays per pair, for pairs without a pulse
    // check-in. The upcoming and missed sessions come from their partial indexes.
    await db.execute(sql`
    with pairs as materialized (
      select r.id, r.member_id, r.guide_id, r.accepted_at from relationships r
      where r.cohort_id = ${cohortId} and r.status = 'active' and r.accepted_at is not null
    ), recent as (
      select s.relationship_id, count(*) filter (where s.status = 'held')::int as held,
        count(*) filter (where s.status <> 'held')::int as missed
      from sessions s join pairs p on p.id = s.relationship_id
      where s.status in ('held', 'cancelled', 'no-show') and s.starts_at > ${recent} and s.starts_at <= ${at}
      group by s.relationship_id
    ), upcoming as (
      select distinct s.relationship_id from sessions s join pairs p on p.id = s.relationship_id
      where s.status = 'scheduled' and s.starts_at > ${at}
    ), open_actions as (
      select distinct x.relationship_id from actions x join pairs p on p.id = x.relationship_id
      where x.status = 'open'
    ), cadence as (
      select distinct on (a.relationship_id) a.relationship_id, a.terms->>'cadence' as cadence
      from agreements a join pairs p on p.id = a.relationship_id where a.status = 'accepted'
      order by a.relationship_id, a.version desc
    ), pulse as (
      select distinct on (q.relationship_id) q.relationship_id, min(q.relationship_score) as score
      from pulse_check_ins q join pairs p on p.id = q.relationship_id
      group by q.relationship_id, q.round order by q.relationship_id, q.round desc
    )
    select r.id, r.member_id, (extract(epoch from r.accepted_at) * 1000)::float8 as started_at,
      coalesce(mu.name, '') as member, coalesce(gu.name, '') as guide, c.cadence,
      coalesce(n.held, 0) as held, coalesce(n.missed, 0) as missed,
      (u.relationship_id is not null or o.relationship_id is not null) as next_step,
      lm.author_id as last_by, (extract(epoch from lm.created_at) * 1000)::float8 as last_at,
      coalesce(pu.score,
        (select sp.score from session_pulses sp join sessions s on s.id = sp.session_id
          where s.relationship_id = r.id and sp.created_at <= ${at} order by sp.created_at desc limit 1)
      ) as pulse,
      rs.kind as step_kind, (extract(epoch from rs.created_at) * 1000)::float8 as step_at
    from pairs r
    left join "user" mu on mu.id = r.member_id
    left join "user" gu on gu.id = r.guide_id
    left join cadence c on c.relationship_id = r.id
    left join recent n on n.relationship_id = r.id
    left join upcoming u on u.relationship_id = r.id
    left join open_actions o on o.relationship_id = r.id
    left join pulse pu on pu.relationship_id = r.id
    left join lateral (select m.author_id, m.created_at from relationship_messages m
      where m.relationship_id = r.id and m.created_at <= ${at} order by m.created_at desc limit 1) lm on true
    left join lateral (select kind, created_at from repair_steps x
      where x.relationship_id = r.id order by x.created_at desc limit 1) rs on true`),
  );
  if (pairs.length === 0) return [];
  const answerDays = await guideAnswerDays(db, cohortId, new Map(pairs.map((p) => [p.id, p.member_id])), now);
  const list: AtRiskPair[] = [];
  for (const pair of pairs) {
    const facts: PairRiskFacts = {
      startedAt: new Date(Number(pair.started_at)).toISOString(),
      cadence: isCadence(pair.cadence) ? pair.cadence : null,
      heldSessionsRecent: Number(pair.held),
      cancelledOrMissedRecent: Number(pair.missed),
      hasNextStep: pair.next_step,
      lastMessage:
        pair.last_at === null || pair.last_by === null
          ? null
          : {
              at: new Date(Number(pair.last_at)).toISOString(),
              by: pair.last_by === pair.member_id ? 'member' : 'guide',
            },
      guideAnswerDays: answerDays.get(pair.id) ?? [],
      latestPulseScore: pair.pulse === null ? null : Number(pair.pulse),
    };
    const signals = riskSignals(facts, now);
    const level = riskLevel(signals);
    if (level === 'ok') continue;
    list.push({
      relationshipId: pair.id,
      member: pair.member,
      guide: pair.guide,
      level,
      signals,
      lastRepairStep:
        pair.step_kind && pair.step_at !== null
          ? { kind: pair.step_kind, at: new Date(Number(pair.step_at)).toISOString() }
          : null,
    });
  }
  return list.sort(
    (a, b) =>
      (a.level === b.level ? 0 : a.level === 'at-risk' ? -1 : 1) ||
      b.signals.length - a.signals.length ||
      names.compare(a.member, b.member) ||
      names.compare(a.guide, b.guide) ||
      (a.relationshipId < b.relationshipId ? -1 : a.relationshipId > b.relationshipId ? 1 : 0),
  );
}

// One collation whatever the server's locale (and far cheaper than localeCompare per comparison), so
// the same cohort pages the same way everywhere; guide and id make the order total for paging.
const names = new Intl.Collator('en');

export type AtRiskPageQuery = { page: number; pageSize: number };
export type AtRiskPage = {
  pairs: AtRiskPair[];
  totals: { atRisk: number; watch: number };
  page: { number: number; size: number; pairs: number; pages: number };
};

/**
 * One page of the early-warning list, at risk first, then by number of signals, member, guide and id,
 * so consecutive pages never repeat or skip a pair; the totals cover the whole cohort.
 */
export async function atRiskPage(
  db: Db,
  actor: Actor,
  cohortId: string,
  now: Date,
  query: AtRiskPageQuery,
): Promise<AtRiskPage> {
  const list = await listAtRisk(db, actor, cohortId, now);
  const atRisk = list.filter((pair) => pair.level === 'at-risk').length;
  const start = (query.page - 1) * query.pageSize;
  return {
    pairs: list.slice(start, start + query.pageSize),
    totals: { atRisk, watch: list.length - atRisk },
    page: {
      number: query.page,
      size: query.pageSize,
      pairs: list.length,
      pages: Math.max(1, Math.ceil(list.length / query.pageSize)),
    },
  };
}

const isCadence = (value: string | null): value is Cadence =>
  value === 'weekly' || value === 'biweekly' || value === 'monthly';

// For each turn the member starts (a member message after the guide's, or the first), the days until
// the guide wrote next, or until now while the guide has not.
async function guideAnswerDays(
  db: Db,
  cohortId: string,
  memberOf: Map<string, string>,
  now: Date,
): Promise<Map<string, number[]>> {
  const since = new Date(now.getTime() - ANSWER_WINDOW_DAYS * DAY_MS).toISOString();
  const rows = rowsOf<{ relationship_id: string; author_id: string; at: number }>(
    await db.execute(sql`
    select m.relationship_id, m.author_id, (extract(epoch from m.created_at) * 1000)::float8 as at
    from relationship_messages m join relationships r on r.id = m.relationship_id
    where r.cohort_id = ${cohortId} and r.status = 'active' and r.accepted_at is not null
      and m.created_at > ${since} and m.created_at <= ${now.toISOString()}
    order by m.relationship_id, m.created_at`),
  );
  const result = new Map<string, number[]>();
  let open: { id: string; at: number } | null = null;
  let previousAuthor: string | null = null;
  let previousPair: string | null = null;
  const close = (until: number) => {
    if (!open) return;
    const days = result.get(open.id) ?? [];
    days.push((until - open.at) / DAY_MS);
    result.set(open.id, days);
    open = null;
  };
  for (const row of rows) {
    if (row.relationship_id !== previousPair) {
      close(now.getTime());
      previousAuthor = null;
      previousPair = row.relationship_id;
    }
    const fromMember = row.author_id === memberOf.get(row.relationship_id);
    if (fromMember && previousAuthor !== row.author_id && !open) {
      open = { id: row.relationship_id, at: Number(row.at) };
    } else if (!fromMember) {
      close(Number(row.at));
    }
    previousAuthor = row.author_id;
  }
  close(now.getTime());
  return result;
}
