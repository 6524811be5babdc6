import { scoreFit } from '../../domain/fit-score/fit-score';
import { workdaySlotsUtc } from '../../domain/fit-score/week-slots';
import { DIRECTORY_COUNT_CAP } from '../../domain/settings/directory';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { loadReplyTimes, reliabilityOf } from '../guide-profiles/reliability';
import { directoryQueries } from './directory-sql';
import { loadMemberContext } from './member-context';
import { presentDirectoryResult } from './present';
import type { DirectoryPage, DirectoryQuery } from './schemas';

/**
 * The directory: hard filters in SQL (status, kind, every profile field, conflict of interest,
 * time-zone overlap of the UTC week slots, full-text through the GIN index), then the best
 * DIRECTORY_RANK_POOL candidates by text relevance and recency are ranked by the fit score, so every
 * result can say why it is there. Three or four statements per search: the member, the pool (and for
 * a search without text the capped count beside it), and the reply times of the page's guides.
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
  // Conflict of interest: guides in the member's organizations (membership), and guides whose free-text
  // organization names the member's (for people and guides who belong to no organization in Corner).
  const excludeOwn = member.organization !== null && query.includeOwnOrganization !== true;
  const excludeOrgMates = member.inOrganization && query.includeOwnOrganization !== true;

  const { pool: poolQuery, count: countQuery } = directoryQueries(db, actor.userId, query, {
    kind,
    memberSlots,
    excludeOrganization: excludeOwn ? member.organization : null,
    excludeOrgMatesOf: excludeOrgMates ? actor.userId : null,
  });
  const [pool, counts] = await Promise.all([poolQuery, countQuery]);
  // As many matches as the count statement would see: it stops just past the cap.
  const matched = counts ? (counts[0]?.total ?? 0) : Math.min(pool[0]?.matched ?? 0, DIRECTORY_COUNT_CAP + 1);

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
    .map((row) => ({ row, capacityLeft: row.capacity - row.activeRelationships }))
    .filter((candidate) => candidate.capacityLeft >= minLeft)
    .map((candidate) => ({ ...candidate, fit: scoreFit(needs, candidate.row) }))
    .sort((a, b) => b.fit.score - a.fit.score || a.row.userId.localeCompare(b.row.userId));
  const offset = (query.page - 1) * query.limit;
  const pageItems = ranked.slice(offset, offset + query.limit);
  const replies = await loadReplyTimes(
    db,
    pageItems.map((item) => item.row.userId),
  );
  const removedForCapacity = pool.length - ranked.length;
  return {
    results: pageItems.map((item) =>
      presentDirectoryResult(
        item.row,
        item.capacityLeft,
        item.fit,
        reliabilityOf(item.row, replies.get(item.row.userId)),
      ),
    ),
    page: query.page,
    limit: query.limit,
    total: Math.min(DIRECTORY_COUNT_CAP, Math.max(0, matched - removedForCapacity)),
    totalCapped: matched > DIRECTORY_COUNT_CAP,
    kindFilter: { kind, source: kindSource },
    ownOrganizationExcluded: excludeOwn || excludeOrgMates,
  };
}
