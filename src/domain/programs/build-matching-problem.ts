import { type GuideFacts, type MemberNeeds, scoreFit } from '../fit-score/fit-score';
import { overlapMinutes, weekSlotsUtc, workdaySlotsUtc } from '../fit-score/week-slots';
import type { IndexPair, MatchingConstraints, MatchingInput } from '../matching/types';
import type { GuideApplicationProfile, MemberApplicationProfile } from './application';

export type MemberApplication = { id: string; name: string; profile: MemberApplicationProfile };
export type GuideApplication = { id: string; name: string; profile: GuideApplicationProfile };
export type Override = { memberApplicationId: string; guideApplicationId: string; decision: 'pin' | 'block' };

export type CohortProblem = {
  input: MatchingInput;
  constraints: MatchingConstraints;
  /** Per edge: the reasons a person would give for the pair's fit. */
  edgeWhy: string[][];
  /** Per member: why no pair at all was allowed, when that is the case. */
  noOptions: Map<number, string>;
};

// A cohort's applications become a matching problem: every allowed pair is an edge scored by the same
// fit score the directory ranks with. Hard exclusions leave the edge out: the same organization (people
// are rarely candid inside their company), no shared hours in the week, a guide with no capacity, or an
// admin's block. An admin's pin keeps a pair even past those rules: the admin knows something we don't.
export function buildMatchingProblem(
  members: MemberApplication[],
  guides: GuideApplication[],
  overrides: Override[],
  at: Date,
): CohortProblem {
  const decision = new Map(
    overrides.map((o) => [`${o.memberApplicationId}|${o.guideApplicationId}`, o.decision]),
  );
  const guideFacts = guides.map((guide) => toGuideFacts(guide.profile, at));
  const edgeMentee: number[] = [];
  const edgeMentor: number[] = [];
  const edgeScore: number[] = [];
  const edgeWhy: string[][] = [];
  const pinned: IndexPair[] = [];
  const noOptions = new Map<number, string>();

  members.forEach((member, i) => {
    const needs = toMemberNeeds(member.profile, at);
    const reasons = new Set<string>();
    let allowed = 0;
    guides.forEach((guide, j) => {
      const facts = guideFacts[j];
      if (!facts) return;
      const choice = decision.get(`${member.id}|${guide.id}`);
      if (choice === 'block') {
        reasons.add('an admin blocked the pair');
        return;
      }
      const exclusion = excludedBecause(member.profile, guide.profile, needs, facts);
      if (exclusion && choice !== 'pin') {
        reasons.add(exclusion);
        return;
      }
      // The admin reads these reasons, so they speak about the member, not to them.
      const fit = scoreFit(needs, facts, 'admin');
      if (choice === 'pin') pinned.push([i, j]);
      edgeMentee.push(i);
      edgeMentor.push(j);
      edgeScore.push(fit.score);
      edgeWhy.push(fit.why);
      allowed += 1;
    });
    if (allowed === 0) {
      noOptions.set(
        i,
        reasons.size > 0 ? `No guide was allowed: ${[...reasons].join('; ')}.` : 'No guides applied.',
      );
    }
  });

  return {
    input: {
      menteeCount: members.length,
      mentorCount: guides.length,
      capacity: Int32Array.from(guides.map((guide) => guide.profile.capacity)),
      edgeMentee: Int32Array.from(edgeMentee),
      edgeMentor: Int32Array.from(edgeMentor),
      edgeScore: Float64Array.from(edgeScore),
    },
    constraints: { pinned },
    edgeWhy,
    noOptions,
  };
}

function excludedBecause(
  member: MemberApplicationProfile,
  guide: GuideApplicationProfile,
  needs: MemberNeeds,
  facts: GuideFacts,
): string | null {
  if (guide.capacity === 0) return 'a guide has no capacity';
  const sameOrganization =
    member.organization &&
    guide.organization &&
    member.organization.trim().toLowerCase() === guide.organization.trim().toLowerCase();
  if (sameOrganization) return 'guides from the same organization are excluded';
  if (needs.weekSlots && overlapMinutes(needs.weekSlots, facts.weekSlots) === 0)
    return 'no shared hours in the working week';
  return null;
}

export function toMemberNeeds(profile: MemberApplicationProfile, at: Date): MemberNeeds {
  return {
    wanted: profile.skillGaps.map((gap) => gap.area),
    style: profile.style,
    structure: profile.structure,
    formats: profile.formats,
    languages: profile.languages,
    weekSlots: workdaySlotsUtc(profile.timeZone, at),
    seniority: profile.seniority,
  };
}

export function toGuideFacts(profile: GuideApplicationProfile, at: Date): GuideFacts {
  return {
    expertise: profile.expertise,
    style: profile.style,
    structure: profile.structure,
    approach: profile.approach,
    formats: profile.formats,
    languages: profile.languages,
    weekSlots: weekSlotsUtc(profile.timeZone, profile.availability, at),
    seniorityLevels: profile.worksWith,
  };
}
