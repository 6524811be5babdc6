import { sql } from 'drizzle-orm';
import type { Cadence } from '../../domain/agreements/vocabulary';
import { type RiskClock, riskStableUntil } from '../../domain/outcomes/risk-horizon';
import {
  type PairRiskFacts,
  type RiskLevel,
  type RiskSignal,
  riskLevel,
  riskSignals,
} from '../../domain/outcomes/risk-signals';
import { RISK_GUIDE_SLOW_ANSWER_WINDOW_DAYS, RISK_RECENT_DAYS } from '../../domain/settings/outcomes';
import type { Db } from '../db/client';
import { rowsOf, uuidArray } from '../db/raw-rows';

const DAY_MS = 86_400_000;
const BATCH = 5_000;
const isoOf = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

export type RepairStepSeen = { kind: string; at: string };
export type PairRisk = { level: RiskLevel; signals: RiskSignal[]; lastRepairStep: RepairStepSeen | null };
export type StaleRisk = { relationshipId: string; generation: number };

/**
 * Computes the early warning of these pairs at `now` and stores each with the generation read before
 * its facts were, and the instant until which time alone cannot change it; if a write came in meanwhile
 * the generation has moved on, nothing is stored and the next reader computes again (as the stored
 * momentum does). Returns the computed risks of the pairs that are active.
 */
export async function refreshStoredRisk(
  db: Db,
  stale: StaleRisk[],
  now: Date,
): Promise<Map<string, PairRisk>> {
  const computed = new Map<string, PairRisk>();
  for (let offset = 0; offset < stale.length; offset += BATCH) {
    const batch = stale.slice(offset, offset + BATCH);
    const risks = await computePairRisks(
      db,
      batch.map((row) => row.relationshipId),
      now,
    );
    const stored: {
      id: string;
      generation: number;
      level: RiskLevel;
      detail: Omit<PairRisk, 'level'> | null;
      until: string | null;
    }[] = [];
    for (const row of batch) {
      const risk = risks.get(row.relationshipId);
      if (!risk) continue;
      computed.set(row.relationshipId, risk.risk);
      stored.push({
        id: row.relationshipId,
        generation: row.generation,
        level: risk.risk.level,
        detail:
          risk.risk.level === 'ok'
            ? null
            : { signals: risk.risk.signals, lastRepairStep: risk.risk.lastRepairStep },
        until: risk.stableUntil?.toISOString() ?? null,
      });
    }
    if (stored.length === 0) continue;
    // The rows travel as one JSON array, not as text[] literals, which would need quoting.
    await db.execute(sql`
      update relationship_health as h
      set risk_level = v.level, risk_detail = v.detail, risk_stable_until = v.until,
        risk_computed_at = ${now.toISOString()}::timestamptz, risk_generation = v.generation
      from (
        select x.id::uuid, x.generation::int, x.level, x.detail, x.until::timestamptz
        from jsonb_to_recordset(${JSON.stringify(stored)}::jsonb)
          as x(id text, generation int, level text, detail jsonb, until text)
      ) as v(id, generation, level, detail, until)
      where h.relationship_id = v.id and h.generation = v.generation`);
  }
  return computed;
}

/**
 * Whether a row's kept risk holds at `at` (never null): no write has come in since it was computed, and
 * `at` lies between when it was computed and when time alone would change it, or is that very instant.
 */
export const keptRiskHolds = (at: string) => sql`coalesce(h.risk_generation = h.generation
  and h.risk_computed_at <= ${at}::timestamptz
  and (h.risk_stable_until is null or h.risk_stable_until > ${at}::timestamptz
    or h.risk_computed_at = ${at}::timestamptz), false)`;

/**
 * Brings every stale kept risk of a cohort's active pair up to date, so the at-risk list finds them ready
 * (the refresh job). Returns how many were computed.
 */
export async function refreshStaleRisk(db: Db, now: Date): Promise<number> {
  const at = now.toISOString();
  const stale = rowsOf<StaleRisk>(
    await db.execute(sql`
      select h.relationship_id as "relationshipId", h.generation
      from relationship_health h join relationships r on r.id = h.relationship_id
      where h.cohort_id is not null and r.status = 'active' and r.accepted_at is not null
        and not ${keptRiskHolds(at)}`),
  );
  return (await refreshStoredRisk(db, stale, now)).size;
}

type ComputedRisk = { risk: PairRisk; stableUntil: Date | null };

// Only instants, counts, authorship and scores are read — never a message's, note's or comment's words.
async function computePairRisks(db: Db, pairIds: string[], now: Date): Promise<Map<string, ComputedRisk>> {
  const at = now.toISOString();
  const recent = new Date(now.getTime() - RISK_RECENT_DAYS * DAY_MS).toISOString();
  const ids = uuidArray(pairIds);
  const pairs = rowsOf<{
    id: string;
    member_id: string;
    started_at: number;
    cadence: string | null;
    held: number;
    missed: number;
    earliest_recent: number | null;
    next_past_status: number | null;
    has_action: boolean;
    latest_upcoming: number | null;
    last_by: string | null;
    last_at: number | null;
    next_message_at: number | null;
    pulse: number | null;
    step_kind: string | null;
    step_at: number | null;
  }>(
    // Each fact is read once for all the pairs and joined by hash, not probed per pair by a correlated
    // subquery: at 20,000 pairs and 500,000 sessions six probes per pair were most of the read
    // (bench:outcomes). Only the session-pulse fallback stays per pair, for pairs without a pulse
    // check-in. The upcoming and missed sessions come from their partial indexes.
    await db.execute(sql`
    with pairs as materialized (
      select r.id, r.member_id, r.guide_id, r.accepted_at from relationships r
      where r.id = any(${ids}::uuid[]) and r.status = 'active' and r.accepted_at is not null
    ), recent as (
      select s.relationship_id,
        count(*) filter (where s.status = 'held' and s.starts_at <= ${at})::int as held,
        count(*) filter (where s.status <> 'held' and s.starts_at <= ${at})::int as missed,
        (extract(epoch from min(s.starts_at) filter (where s.starts_at <= ${at})) * 1000)::float8 as earliest_recent,
        (extract(epoch from min(s.starts_at) filter (where s.starts_at > ${at})) * 1000)::float8 as next_past_status
      from sessions s join pairs p on p.id = s.relationship_id
      where s.status in ('held', 'cancelled', 'no-show') and s.starts_at > ${recent}
      group by s.relationship_id
    ), upcoming as (
      select s.relationship_id, (extract(epoch from max(s.starts_at)) * 1000)::float8 as latest
      from sessions s join pairs p on p.id = s.relationship_id
      where s.status = 'scheduled' and s.starts_at > ${at}
      group by s.relationship_id
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
    select r.id, r.member_id, (extract(epoch from r.accepted_at) * 1000)::float8 as started_at, c.cadence,
      coalesce(n.held, 0) as held, coalesce(n.missed, 0) as missed, n.earliest_recent, n.next_past_status,
      (o.relationship_id is not null) as has_action, u.latest as latest_upcoming,
      lm.author_id as last_by, (extract(epoch from lm.created_at) * 1000)::float8 as last_at,
      (extract(epoch from nm.created_at) * 1000)::float8 as next_message_at,
      coalesce(pu.score,
        (select sp.score from session_pulses sp join sessions s on s.id = sp.session_id
          where s.relationship_id = r.id and sp.created_at <= ${at} order by sp.created_at desc limit 1)
      ) as pulse,
      rs.kind as step_kind, (extract(epoch from rs.created_at) * 1000)::float8 as step_at
    from pairs r
    left join cadence c on c.relationship_id = r.id
    left join recent n on n.relationship_id = r.id
    left join upcoming u on u.relationship_id = r.id
    left join open_actions o on o.relationship_id = r.id
    left join pulse pu on pu.relationship_id = r.id
    left join lateral (select m.author_id, m.created_at from relationship_messages m
      where m.relationship_id = r.id and m.created_at <= ${at} order by m.created_at desc limit 1) lm on true
    left join lateral (select m.created_at from relationship_messages m
      where m.relationship_id = r.id and m.created_at > ${at} order by m.created_at limit 1) nm on true
    left join lateral (select kind, created_at from repair_steps x
      where x.relationship_id = r.id order by x.created_at desc limit 1) rs on true`),
  );
  const result = new Map<string, ComputedRisk>();
  if (pairs.length === 0) return result;
  const answers = await guideAnswers(db, new Map(pairs.map((p) => [p.id, p.member_id])), now);
  for (const pair of pairs) {
    const startedAt = isoOf(pair.started_at) as string;
    const cadence = isCadence(pair.cadence) ? pair.cadence : null;
    const answer = answers.get(pair.id);
    const lastMessageAt = isoOf(pair.last_at);
    const latestUpcoming = isoOf(pair.latest_upcoming);
    const facts: PairRiskFacts = {
      startedAt,
      cadence,
      heldSessionsRecent: Number(pair.held),
      cancelledOrMissedRecent: Number(pair.missed),
      hasNextStep: pair.has_action || latestUpcoming !== null,
      lastMessage:
        lastMessageAt === null || pair.last_by === null
          ? null
          : { at: lastMessageAt, by: pair.last_by === pair.member_id ? 'member' : 'guide' },
      guideAnswerDays: answer?.days ?? [],
      latestPulseScore: pair.pulse === null ? null : Number(pair.pulse),
    };
    const clock: RiskClock = {
      startedAt,
      cadence,
      earliestRecentSessionAt: isoOf(pair.earliest_recent),
      nextPastStatusSessionAt: isoOf(pair.next_past_status),
      latestUpcomingSessionAt: latestUpcoming,
      lastMessageAt,
      nextMessageAt: isoOf(pair.next_message_at),
      earliestAnswerWindowMessageAt: answer?.earliestAt ?? null,
      guideTurnOpen: answer?.turnOpen ?? false,
    };
    const signals = riskSignals(facts, now);
    result.set(pair.id, {
      risk: {
        level: riskLevel(signals),
        signals,
        lastRepairStep:
          pair.step_kind && pair.step_at !== null
            ? { kind: pair.step_kind, at: isoOf(pair.step_at) as string }
            : null,
      },
      stableUntil: riskStableUntil(clock, now),
    });
  }
  return result;
}

const isCadence = (value: string | null): value is Cadence =>
  value === 'weekly' || value === 'biweekly' || value === 'monthly';

type GuideAnswers = { days: number[]; earliestAt: string; turnOpen: boolean };

// For each turn the member starts (a member message after the guide's, or the first), the days until
// the guide wrote next, or until now while the guide has not.
async function guideAnswers(
  db: Db,
  memberOf: Map<string, string>,
  now: Date,
): Promise<Map<string, GuideAnswers>> {
  const since = new Date(now.getTime() - RISK_GUIDE_SLOW_ANSWER_WINDOW_DAYS * DAY_MS).toISOString();
  const rows = rowsOf<{ relationship_id: string; author_id: string; at: number }>(
    await db.execute(sql`
    select m.relationship_id, m.author_id, (extract(epoch from m.created_at) * 1000)::float8 as at
    from relationship_messages m
    where m.relationship_id = any(${uuidArray([...memberOf.keys()])}::uuid[])
      and m.created_at > ${since} and m.created_at <= ${now.toISOString()}
    order by m.relationship_id, m.created_at`),
  );
  const result = new Map<string, GuideAnswers>();
  let open: { id: string; at: number } | null = null;
  let previousAuthor: string | null = null;
  let previousPair: string | null = null;
  const answersOf = (id: string, at: number) => {
    let answers = result.get(id);
    if (!answers) {
      answers = { days: [], earliestAt: new Date(at).toISOString(), turnOpen: false };
      result.set(id, answers);
    }
    return answers;
  };
  const close = (until: number, stillWaiting: boolean) => {
    if (!open) return;
    const answers = answersOf(open.id, open.at);
    answers.days.push((until - open.at) / DAY_MS);
    answers.turnOpen = stillWaiting;
    open = null;
  };
  for (const row of rows) {
    if (row.relationship_id !== previousPair) {
      close(now.getTime(), true);
      previousAuthor = null;
      previousPair = row.relationship_id;
    }
    answersOf(row.relationship_id, Number(row.at));
    const fromMember = row.author_id === memberOf.get(row.relationship_id);
    if (fromMember && previousAuthor !== row.author_id && !open) {
      open = { id: row.relationship_id, at: Number(row.at) };
    } else if (!fromMember) {
      close(Number(row.at), false);
    }
    previousAuthor = row.author_id;
  }
  close(now.getTime(), true);
  return result;
}
