import { and, desc, eq, getTableColumns, gte, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import { scoreFit } from '../../domain/fit-score/fit-score';
import { workdaySlotsUtc } from '../../domain/fit-score/week-slots';
import { DIRECTORY_RANK_POOL } from '../../domain/settings/directory';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { guideProfiles, user } from '../db/schema';
import { countActiveRelationships, loadReliability } from '../guide-profiles/reliability';
import { loadMemberContext } from './member-context';
import { presentDirectoryResult } from './present';
import type { DirectoryPage, DirectoryQuery } from './schemas';

const g = guideProfiles;
const textArray = (values: string[]) =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;
const intArray = (values: number[]) => sql`${`{${values.join(',')}}`}::int[]`;

/**
 * The directory: hard filters in SQL (status, kind, every profile field, conflict of interest,
 * time-zone overlap through the indexed UTC week slots, full-text through the GIN index), then the
 * best DIRECTORY_RANK_POOL candidates by text relevance and recency are ranked by the fit score, so
 * every result can say why it is there.
 */
export async function findGuides(
  db: Db,
  actor: Actor,
  query: DirectoryQuery,
  now: Date,
): Promise<DirectoryPage> {
  const member = await loadMemberContext(db, actor);
  const kindSource = query.kind ? 'query' : member.readinessKind ? 'readiness' : 'none';
  const kind = query.kind ?? member.readinessKind ?? 'any';
  const memberSlots = workdaySlotsUtc(member.timeZone, now);
  const excludeOwn = member.organization !== null && query.includeOwnOrganization !== true;

  const where: (SQL | undefined)[] = [eq(g.status, 'active'), ne(g.userId, actor.userId)];
  if (kind !== 'any') where.push(inArray(g.kind, [kind, 'both']));
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
  // Capacity is bounded here; active relationships are subtracted per candidate below.
  where.push(gte(g.capacity, query.minCapacityLeft ?? 1));
  if (query.overlapOnly) where.push(sql`${g.weekSlots} && ${intArray(memberSlots)}`);
  if (excludeOwn && member.organization) {
    where.push(sql`(${g.organization} is null or lower(${g.organization}) <> lower(${member.organization}))`);
  }
  const condition = and(...where);

  const { search: _search, searchText: _searchText, bio: _bio, ...columns } = getTableColumns(g);
  const rank = query.q ? sql`ts_rank(${g.search}, websearch_to_tsquery('english', ${query.q}))` : sql`0`;
  const [pool, counted] = await Promise.all([
    db
      .select({ ...columns, name: user.name })
      .from(g)
      .innerJoin(user, eq(user.id, g.userId))
      .where(condition)
      .orderBy(desc(rank), desc(g.lastActiveAt), g.userId)
      .limit(DIRECTORY_RANK_POOL),
    db.select({ total: sql<number>`count(*)::int` }).from(g).where(condition),
  ]);

  const active = await countActiveRelationships(
    db,
    pool.map((row) => row.userId),
  );
  const minLeft = query.minCapacityLeft ?? 1;
  const needs = {
    wanted: query.expertise ?? (query.q ? query.q.split(/\s+/).filter((word) => word.length > 2) : []),
    style: query.style ?? null,
    structure: query.structure ?? null,
    approach: query.approach ?? null,
    formats: query.format ? [query.format] : [],
    languages: query.language ? [query.language] : [],
    weekSlots: memberSlots,
    seniority: query.seniority ?? null,
  };
  const ranked = pool
    .map((row) => ({ row, capacityLeft: row.capacity - (active.get(row.userId) ?? 0) }))
    .filter((candidate) => candidate.capacityLeft >= minLeft)
    .map((candidate) => ({ ...candidate, fit: scoreFit(needs, candidate.row) }))
    .sort((a, b) => b.fit.score - a.fit.score || a.row.userId.localeCompare(b.row.userId));
  const offset = (query.page - 1) * query.limit;
  const pageItems = ranked.slice(offset, offset + query.limit);
  const reliability = await loadReliability(
    db,
    pageItems.map((item) => item.row.userId),
  );
  const removedForCapacity = pool.length - ranked.length;
  return {
    results: pageItems.map((item) =>
      presentDirectoryResult(item.row, item.capacityLeft, item.fit, reliability.get(item.row.userId)),
    ),
    page: query.page,
    limit: query.limit,
    total: Math.max(0, (counted[0]?.total ?? 0) - removedForCapacity),
    kindFilter: { kind, source: kindSource },
    ownOrganizationExcluded: excludeOwn,
  };
}
