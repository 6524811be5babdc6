import { and, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { MemberNeeds } from '../../domain/fit-score/fit-score';
import type { Db } from '../db/client';
import { guideProfiles, guideReplyStats, member, relationships, user } from '../db/schema';
import { fitScoreSql } from './fit-sql';
import { qualified } from './qualified';
import type { DirectoryQuery } from './schemas';

const g = guideProfiles;
const textArray = (values: string[]) =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;

/**
 * A set of week slots as a multirange of consecutive runs: the member's working week is a few runs
 * (one per workday), so checking a guide's slots against it costs a handful of comparisons per slot
 * instead of one per member slot (`&&` against 90 slots was the costliest filter per row).
 */
export const slotRuns = (slots: readonly number[]): string => {
  const sorted = [...new Set(slots)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    const start = sorted[i] as number;
    let end = start;
    while (sorted[i + 1] === end + 1) {
      end += 1;
      i += 1;
    }
    runs.push(`[${start},${end + 1})`);
    i += 1;
  }
  return `{${runs.join(',')}}`;
};

export { qualified };

const r = relationships;

// Only what a result card and the fit score need: long texts and JSON stay in the table.
const cardColumns = {
  userId: g.userId,
  headline: g.headline,
  kind: g.kind,
  expertise: g.expertise,
  approach: g.approach,
  structure: g.structure,
  style: g.style,
  credentials: g.credentials,
  formats: g.formats,
  city: g.city,
  languages: g.languages,
  timeZone: g.timeZone,
  capacity: g.capacity,
  volunteer: g.volunteer,
  priceMin: g.priceMin,
  priceMax: g.priceMax,
  currency: g.currency,
  seniorityLevels: g.seniorityLevels,
  weekSlots: g.weekSlots,
  noShows: g.noShows,
  lastActiveAt: g.lastActiveAt,
  // Correlated look-ups in the select list run only for the rows the pool returns (after the limit),
  // and save two round trips per search.
  name: sql<string>`coalesce((select ${qualified(user, user.name)} from ${user} where ${qualified(user, user.id)} = ${qualified(g, g.userId)}), '')`,
  activeRelationships: sql<number>`(select count(*)::int from ${r} where ${qualified(r, r.guideId)} = ${qualified(g, g.userId)} and ${qualified(r, r.status)} = 'active')`,
};
export type DirectoryCardRow = Awaited<ReturnType<typeof directoryRanking>>[number];

export type DirectoryContext = {
  kind: 'mentor' | 'coach' | 'any';
  memberSlots: number[];
  /** The member's organization when its guides are to be left out (conflict of interest). */
  excludeOrganization: string | null;
  /** Leave out guides who share an organization (membership) with this member. */
  excludeOrgMatesOf?: string | null;
};

/** Every hard filter of a directory search (the guides a member may see for this query). */
export function directoryCondition(memberId: string, query: DirectoryQuery, context: DirectoryContext) {
  // Literal, not bound: the partial indexes on searchable guides (schema/guides.ts) apply only when
  // the planner can see this exact predicate, whatever plan the engine caches for the statement.
  const where: (SQL | undefined)[] = [
    sql`${g.status} = 'active' and ${g.capacity} > 0`,
    ne(g.userId, memberId),
  ];
  if (context.kind !== 'any') where.push(inArray(g.kind, [context.kind, 'both']));
  if (query.q) where.push(sql`${g.search} @@ websearch_to_tsquery('english', ${query.q})`);
  if (query.expertise && query.expertise.length > 0)
    where.push(sql`${g.expertise} && ${textArray(query.expertise)}`);
  if (query.approach) where.push(eq(g.approach, query.approach));
  if (query.structure) where.push(eq(g.structure, query.structure));
  if (query.style) where.push(eq(g.style, query.style));
  if (query.credential) {
    where.push(
      sql`exists (select 1 from unnest(${g.credentials}) c where c ilike ${`%${query.credential}%`})`,
    );
  }
  if (query.format) where.push(sql`${g.formats} @> ${textArray([query.format])}`);
  if (query.city) where.push(sql`${g.city} ilike ${query.city}`);
  if (query.language) where.push(sql`${g.languages} @> ${textArray([query.language])}`);
  if (query.seniority) where.push(sql`${g.seniorityLevels} @> ${textArray([query.seniority])}`);
  if (query.volunteerOnly) where.push(eq(g.volunteer, true));
  if (query.priceMax !== undefined)
    where.push(or(eq(g.volunteer, true), sql`${g.priceMin} <= ${query.priceMax}`));
  if (query.priceMin !== undefined) {
    where.push(and(eq(g.volunteer, false), sql`coalesce(${g.priceMax}, ${g.priceMin}) >= ${query.priceMin}`));
  }
  // Capacity left (capacity minus active relationships) is checked in directoryRanking's join.
  // The planner guesses "range @> any(array)" to keep well under 1% of rows when most guides share
  // some hours with a member, and then sorts thousands of rows instead of walking the recency index;
  // wrapped in coalesce (no change in meaning: the column is never null) it counts as a plain
  // boolean, guessed at half the rows, which is close to what the benchmark's guides show.
  if (query.overlapOnly) {
    where.push(sql`coalesce(${slotRuns(context.memberSlots)}::int4multirange @> any(${g.weekSlots}), false)`);
  }
  if (context.excludeOrganization) {
    where.push(
      sql`(${g.organization} is null or lower(${g.organization}) <> lower(${context.excludeOrganization}))`,
    );
  }
  if (context.excludeOrgMatesOf) {
    where.push(
      sql`not exists (select 1 from ${member} gm join ${member} mm on mm.organization_id = gm.organization_id where gm.user_id = ${qualified(g, g.userId)} and mm.user_id = ${context.excludeOrgMatesOf})`,
    );
  }
  return and(...where);
}

const rs = guideReplyStats;

/**
 * The one statement behind a directory search: every guide that passes the filters (and still has
 * the seats asked for) is scored by the fit score in SQL (fit-sql.ts), ranked by score then id in
 * code-point order, and only the page's rows are joined back for their card columns and reply
 * stats. `matched` counts every ranked guide (window count before the limit); a page past the end
 * returns no rows, and findGuides counts separately then.
 */
export function directoryRanking(
  db: Db,
  memberId: string,
  query: DirectoryQuery,
  context: DirectoryContext,
  needs: MemberNeeds,
) {
  const condition = directoryCondition(memberId, query, context);
  const score = fitScoreSql(needs, {
    style: Boolean(query.style),
    structure: Boolean(query.structure),
    approach: Boolean(query.approach),
    format: Boolean(query.format),
    language: Boolean(query.language),
    seniority: Boolean(query.seniority),
  });
  const active = db
    .select({ guideId: r.guideId, n: sql<number>`count(*)::int`.as('n') })
    .from(r)
    .where(eq(r.status, 'active'))
    .groupBy(r.guideId)
    .as('active');
  const seatsLeft = sql`${g.capacity} - coalesce(${active.n}, 0)`;
  const ranked = db
    .select({
      userId: sql<string>`${qualified(g, g.userId)}`.as('ranked_user_id'),
      score: sql<number>`${score}`.as('score'),
      matched: sql<number>`(count(*) over ())::int`.as('matched'),
    })
    .from(g)
    .leftJoin(rs, eq(rs.guideId, g.userId))
    .leftJoin(active, eq(active.guideId, g.userId))
    .where(and(condition, sql`${seatsLeft} >= ${query.minCapacityLeft ?? 1}`))
    .orderBy(sql`score desc`, sql`${qualified(g, g.userId)} collate "C"`)
    .limit(query.limit)
    .offset((query.page - 1) * query.limit)
    .as('ranked');
  return db
    .select({
      ...cardColumns,
      score: ranked.score,
      matched: ranked.matched,
      asked: rs.asked,
      answered: rs.answered,
      medianReplySeconds: rs.medianReplySeconds,
    })
    .from(ranked)
    .innerJoin(g, eq(g.userId, ranked.userId))
    .leftJoin(rs, eq(rs.guideId, ranked.userId))
    .orderBy(sql`${ranked.score} desc`, sql`${ranked.userId} collate "C"`);
}

/** How many guides pass the filters and have the seats asked for (for a page past the end). */
export function directoryCount(db: Db, memberId: string, query: DirectoryQuery, context: DirectoryContext) {
  const active = sql`(select count(*) from ${r} where ${qualified(r, r.guideId)} = ${qualified(g, g.userId)} and ${qualified(r, r.status)} = 'active')`;
  return db
    .select({ total: sql<number>`count(*)::int` })
    .from(g)
    .where(
      and(
        directoryCondition(memberId, query, context),
        sql`${g.capacity} - ${active} >= ${query.minCapacityLeft ?? 1}`,
      ),
    );
}
