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
import { uuidArray } from './load-outcome-facts';

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
    await db.execute(sql`
    select r.id, r.member_id, (extract(epoch from r.accepted_at) * 1000)::float8 as started_at,
      coalesce(mu.name, '') as member, coalesce(gu.name, '') as guide,
      (select a.terms->>'cadence' from agreements a
        where a.relationship_id = r.id and a.status = 'accepted' order by a.version desc limit 1) as cadence,
      (select count(*) from sessions s where s.relationship_id = r.id and s.status = 'held'
        and s.starts_at > ${recent} and s.starts_at <= ${at})::int as held,
      (select count(*) from sessions s where s.relationship_id = r.id and s.status in ('cancelled', 'no-show')
        and s.starts_at > ${recent} and s.starts_at <= ${at})::int as missed,
      (exists (select 1 from actions x where x.relationship_id = r.id and x.status = 'open')
        or exists (select 1 from sessions s where s.relationship_id = r.id and s.status = 'scheduled'
          and s.starts_at > ${at})) as next_step,
      lm.author_id as last_by, (extract(epoch from lm.created_at) * 1000)::float8 as last_at,
      coalesce(
        (select min(p.relationship_score) from pulse_check_ins p where p.relationship_id = r.id
          and p.round = (select max(q.round) from pulse_check_ins q where q.relationship_id = r.id)),
        (select sp.score from session_pulses sp join sessions s on s.id = sp.session_id
          where s.relationship_id = r.id and sp.created_at <= ${at} order by sp.created_at desc limit 1)
      ) as pulse,
      rs.kind as step_kind, (extract(epoch from rs.created_at) * 1000)::float8 as step_at
    from relationships r
    left join "user" mu on mu.id = r.member_id
    left join "user" gu on gu.id = r.guide_id
    left join lateral (select m.author_id, m.created_at from relationship_messages m
      where m.relationship_id = r.id and m.created_at <= ${at} order by m.created_at desc limit 1) lm on true
    left join lateral (select kind, created_at from repair_steps x
      where x.relationship_id = r.id order by x.created_at desc limit 1) rs on true
    where r.cohort_id = ${cohortId} and r.status = 'active' and r.accepted_at is not null`),
  );
  if (pairs.length === 0) return [];
  const answerDays = await guideAnswerDays(
    db,
    pairs.map((p) => p.id),
    new Map(pairs.map((p) => [p.id, p.member_id])),
    now,
  );
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
      a.member.localeCompare(b.member),
  );
}

const isCadence = (value: string | null): value is Cadence =>
  value === 'weekly' || value === 'biweekly' || value === 'monthly';

// For each turn the member starts (a member message after the guide's, or the first), the days until
// the guide wrote next, or until now while the guide has not.
async function guideAnswerDays(
  db: Db,
  ids: string[],
  memberOf: Map<string, string>,
  now: Date,
): Promise<Map<string, number[]>> {
  const since = new Date(now.getTime() - ANSWER_WINDOW_DAYS * DAY_MS).toISOString();
  const rows = rowsOf<{ relationship_id: string; author_id: string; at: number }>(
    await db.execute(sql`
    select relationship_id, author_id, (extract(epoch from created_at) * 1000)::float8 as at
    from relationship_messages
    where relationship_id = any(${uuidArray(ids)}::uuid[]) and created_at > ${since} and created_at <= ${now.toISOString()}
    order by relationship_id, created_at`),
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
