import { type MemberNeeds, type ReplyRecord, scoreFit } from '../../domain/fit-score/fit-score';
import { workdaySlotsUtc } from '../../domain/fit-score/week-slots';
import { DIRECTORY_COUNT_CAP } from '../../domain/settings/directory';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { reliabilityOf } from '../guide-profiles/reliability';
import { directoryCount, directoryRanking } from './directory-sql';
import { loadMemberContext } from './member-context';
import { presentDirectoryResult } from './present';
import type { DirectoryPage, DirectoryQuery } from './schemas';

/** What a search asks for, as the fit score's needs (q's words stand in for expertise when none). */
export function directoryNeeds(query: DirectoryQuery, memberSlots: number[]): MemberNeeds {
  return {
    wanted: query.expertise ?? (query.q ? query.q.split(/\s+/).filter((word) => word.length > 2) : []),
    style: query.style ?? null,
    structure: query.structure ?? null,
    approach: query.approach ?? null,
    formats: query.format ? [query.format] : [],
    languages: query.language ? [query.language] : [],
    weekSlots: memberSlots,
    seniority: query.seniority ?? null,
  };
}

/**
 * The directory: hard filters in SQL (status, kind, every profile field, conflict of interest,
 * time-zone overlap of the UTC week slots, full-text through the GIN index), and every guide that
 * passes them ranked by the fit score, computed in SQL from precomputed fit inputs (fit-sql.ts), so
 * the page is exactly the top of the full ranking. Responsiveness (guide_reply_stats, kept by a
 * trigger) is one of the fit's parts. Two statements per search: the member, and the ranking with
 * the page's card rows (a third counts when the page is past the end).
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

  const context = {
    kind,
    memberSlots,
    excludeOrganization: excludeOwn ? member.organization : null,
    excludeOrgMatesOf: excludeOrgMates ? actor.userId : null,
  };
  const needs = directoryNeeds(query, memberSlots);
  const rows = await directoryRanking(db, actor.userId, query, context, needs);
  // A page past the end has no row to carry the count.
  const matched =
    rows[0]?.matched ??
    (query.page > 1 ? ((await directoryCount(db, actor.userId, query, context))[0]?.total ?? 0) : 0);
  return {
    results: rows.map((row) => {
      const replies: ReplyRecord | null =
        row.asked === null || row.answered === null
          ? null
          : { asked: row.asked, answered: row.answered, medianReplySeconds: row.medianReplySeconds };
      // The explanation comes from the domain's fit score; its score is the one SQL ranked by.
      const fit = scoreFit(needs, { ...row, replies });
      return presentDirectoryResult(
        row,
        row.capacity - row.activeRelationships,
        fit,
        reliabilityOf(row, {
          medianReplyHours:
            replies?.medianReplySeconds == null
              ? null
              : Math.round((replies.medianReplySeconds / 3600) * 10) / 10,
          introRequestsAnswered: replies?.answered ?? 0,
        }),
      );
    }),
    page: query.page,
    limit: query.limit,
    total: Math.min(DIRECTORY_COUNT_CAP, matched),
    totalCapped: matched > DIRECTORY_COUNT_CAP,
    kindFilter: { kind, source: kindSource },
    ownOrganizationExcluded: excludeOwn || excludeOrgMates,
  };
}
