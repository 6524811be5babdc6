import { type SQL, sql } from 'drizzle-orm';
import { defaultAgreementTerms } from '../../domain/agreements/agreement-terms';
import type { Cadence, RelationshipFraming, RelationshipKind } from '../../domain/agreements/vocabulary';
import type { ActionStatus } from '../../domain/momentum/compute-momentum';
import type { Db, Tx } from '../db/client';
import { rowsOf, uuidArray } from '../db/raw-rows';
import { momentumRowWindow } from './momentum-facts';

export type MomentumRows = {
  rel: { id: string; framing: RelationshipFraming; acceptedAt: Date | null; createdAt: Date };
  cadence: Cadence;
  records: {
    sessions: { id: string; startsAt: Date; status: string; agendaTopic: string }[];
    actions: {
      id: string;
      /** Not a momentum fact: the reminder sweep names the action it writes about. */
      title: string;
      sessionId: string | null;
      status: ActionStatus;
      dueDate: string | null;
      ownerId: string;
    }[];
    pulses: { createdAt: Date; score: number }[];
  };
  /** The member's and the guide's zones, as the pair's own view knows them (anyone else: UTC). */
  zoneOf: (userId: string) => string;
};

// Instants leave the database as epoch milliseconds (truncated like a JavaScript Date), so both drivers
// hand back plain numbers.
const ms = (column: SQL) => sql`floor(extract(epoch from ${column}) * 1000)::float8`;

// The rows momentumRowWindow names, for many relationships in a few set queries (one index probe or
// range per relationship each), grouped per relationship in the orders momentumFactsOf expects.
export async function loadMomentumRows(
  db: Db | Tx,
  relationshipIds: string[],
  now: Date,
): Promise<Map<string, MomentumRows>> {
  const result = new Map<string, MomentumRows>();
  if (relationshipIds.length === 0) return result;
  const ids = uuidArray(relationshipIds);
  const window = momentumRowWindow(now);
  const at = now.toISOString();
  const heldFrom = window.heldFrom.toISOString();
  const upcomingUntil = window.upcomingUntil.toISOString();
  const [rels, sessionRows, actionRows, pulseRows] = await Promise.all([
    db.execute(sql`
      select r.id, r.kind, r.framing, ${ms(sql`r.accepted_at`)} as accepted_at, ${ms(sql`r.created_at`)} as created_at,
        r.member_id, m.time_zone as member_zone, r.guide_id, g.time_zone as guide_zone,
        (select a.terms->>'cadence' from agreements a
          where a.relationship_id = r.id and a.status = 'accepted' order by a.version desc limit 1) as cadence
      from relationships r
      left join "user" m on m.id = r.member_id
      left join "user" g on g.id = r.guide_id
      where r.id = any(${ids}::uuid[])`),
    db.execute(sql`
      select s.relationship_id, s.id, ${ms(sql`s.starts_at`)} as starts_at, s.status, s.agenda_topic from (
        select * from sessions
          where relationship_id = any(${ids}::uuid[]) and status = 'held' and starts_at >= ${heldFrom}::timestamptz
        union all
        select * from sessions
          where relationship_id = any(${ids}::uuid[]) and status = 'scheduled'
            and starts_at > ${at}::timestamptz and starts_at <= ${upcomingUntil}::timestamptz
        union all
        select before.* from unnest(${ids}::uuid[]) as r(id) cross join lateral (
          select * from sessions
            where relationship_id = r.id and status = 'held' and starts_at < ${heldFrom}::timestamptz
            order by starts_at desc, id desc limit 1) as before
      ) as s
      order by s.relationship_id, s.starts_at, s.id`),
    db.execute(sql`
      select a.relationship_id, a.id, a.title, a.session_id, a.owner_id, a.status, a.due_date from actions a
        where a.relationship_id = any(${ids}::uuid[]) and a.status = 'open' and a.due_date <= ${window.dueBy}::date
      union
      select a.relationship_id, a.id, a.title, a.session_id, a.owner_id, a.status, a.due_date
        from unnest(${ids}::uuid[]) as r(id)
        cross join lateral (
          select id from sessions where relationship_id = r.id and status = 'held'
          order by starts_at desc, id desc limit 1) as last_held
        cross join lateral (select * from actions where session_id = last_held.id limit 1) as a`),
    db.execute(sql`
      select r.id as relationship_id, ${ms(sql`p.created_at`)} as created_at, p.score
        from unnest(${ids}::uuid[]) as r(id)
        cross join lateral (
          select p.created_at, p.score, p.session_id, p.user_id
            from sessions s join session_pulses p on p.session_id = s.id
            where s.relationship_id = r.id and p.created_at <= ${at}::timestamptz
            order by p.created_at desc, p.session_id desc, p.user_id desc
            limit ${window.pulses}) as p
        order by r.id, p.created_at, p.session_id, p.user_id`),
  ]);

  type RelRow = {
    id: string;
    kind: RelationshipKind;
    framing: RelationshipFraming;
    accepted_at: number | null;
    created_at: number;
    member_id: string | null;
    member_zone: string | null;
    guide_id: string | null;
    guide_zone: string | null;
    cadence: Cadence | null;
  };
  for (const row of rowsOf<RelRow>(rels)) {
    const zones = new Map<string, string>();
    if (row.member_id && row.member_zone) zones.set(row.member_id, row.member_zone);
    if (row.guide_id && row.guide_zone) zones.set(row.guide_id, row.guide_zone);
    result.set(row.id, {
      rel: {
        id: row.id,
        framing: row.framing,
        acceptedAt: row.accepted_at === null ? null : new Date(row.accepted_at),
        createdAt: new Date(row.created_at),
      },
      cadence: row.cadence ?? defaultAgreementTerms(row.kind).cadence,
      records: { sessions: [], actions: [], pulses: [] },
      zoneOf: (userId) => zones.get(userId) ?? 'UTC',
    });
  }
  type SessionRow = {
    relationship_id: string;
    id: string;
    starts_at: number;
    status: string;
    agenda_topic: string;
  };
  for (const row of rowsOf<SessionRow>(sessionRows)) {
    result.get(row.relationship_id)?.records.sessions.push({
      id: row.id,
      startsAt: new Date(row.starts_at),
      status: row.status,
      agendaTopic: row.agenda_topic,
    });
  }
  type ActionRow = {
    relationship_id: string;
    id: string;
    title: string;
    session_id: string | null;
    owner_id: string;
    status: ActionStatus;
    due_date: string | null;
  };
  for (const row of rowsOf<ActionRow>(actionRows)) {
    result.get(row.relationship_id)?.records.actions.push({
      id: row.id,
      title: row.title,
      sessionId: row.session_id,
      status: row.status,
      dueDate: row.due_date,
      ownerId: row.owner_id,
    });
  }
  type PulseRow = { relationship_id: string; created_at: number; score: number };
  for (const row of rowsOf<PulseRow>(pulseRows)) {
    result
      .get(row.relationship_id)
      ?.records.pulses.push({ createdAt: new Date(row.created_at), score: row.score });
  }
  return result;
}
