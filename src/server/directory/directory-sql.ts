import {
  type AnyColumn,
  and,
  eq,
  getTableName,
  gte,
  inArray,
  ne,
  or,
  type SQL,
  sql,
  type Table,
} from 'drizzle-orm';
import { DIRECTORY_COUNT_CAP, DIRECTORY_RANK_POOL } from '../../domain/settings/directory';
import type { Db } from '../db/client';
import { guideProfiles, member, relationships, user } from '../db/schema';
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

/**
 * A column with its table's name in front. Drizzle leaves columns in a one-table select list
 * unqualified, so inside a correlated subquery there "id" would silently mean the inner table's column.
 */
export const qualified = (table: Table, column: AnyColumn): SQL =>
  sql`${sql.identifier(getTableName(table))}.${sql.identifier(column.name)}`;
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
export type DirectoryCardRow = Awaited<ReturnType<typeof directoryQueries>['pool']>[number];

export type DirectoryContext = {
  kind: 'mentor' | 'coach' | 'any';
  memberSlots: number[];
  /** The member's organization when its guides are to be left out (conflict of interest). */
  excludeOrganization: string | null;
  /** Leave out guides who share an organization (membership) with this member. */
  excludeOrgMatesOf?: string | null;
};

/**
 * The statements behind a directory search: the candidate pool (best text match, then most recently
 * active) and the total matches, counted up to just past DIRECTORY_COUNT_CAP: by a second statement
 * for a search without text, in the pool's own rows (`matched`) for a text search. Kept apart from the
 * ranking so the benchmark can time the SQL alone.
 */
export function directoryQueries(db: Db, memberId: string, query: DirectoryQuery, context: DirectoryContext) {
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
  // Capacity is bounded here; each pool row brings its active relationships, subtracted in findGuides.
  where.push(gte(g.capacity, query.minCapacityLeft ?? 1));
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
  const condition = and(...where);

  // "nulls last" matches the recency index; the column is never null, so it changes no order.
  const recent = [sql`${g.lastActiveAt} desc nulls last`, g.userId];
  if (!query.q) {
    return {
      // Walks the recency index and stops at the pool size.
      pool: db
        .select({ ...cardColumns, matched: sql<number | null>`null::int` })
        .from(g)
        .where(condition)
        .orderBy(...recent)
        .limit(DIRECTORY_RANK_POOL),
      // Counting every match of a broad search costs a scan; past the cap the page says "more than".
      count: db.select({ total: sql<number>`count(*)::int` }).from(
        db
          .select({ one: sql`1` })
          .from(g)
          .where(condition)
          .limit(DIRECTORY_COUNT_CAP + 1)
          .as('matches'),
      ),
    };
  }
  // Ranking by text relevance reads every match anyway, so the same pass counts them, and the sort
  // carries only ids; the card columns are read for the pool's rows alone.
  const rank = sql`ts_rank(${g.search}, websearch_to_tsquery('english', ${query.q}))`;
  const best = db
    .select({ userId: g.userId, matched: sql<number>`(count(*) over ())::int`.as('matched') })
    .from(g)
    .where(condition)
    .orderBy(sql`${rank} desc`, ...recent)
    .limit(DIRECTORY_RANK_POOL)
    .as('best');
  return {
    pool: db
      .select({ ...cardColumns, matched: sql<number | null>`${best.matched}` })
      .from(best)
      .innerJoin(g, eq(g.userId, best.userId)),
    count: null,
  };
}
