import type { guideProfiles } from '../db/schema';
import type { GuideProfileView, MyGuideProfileView, Reliability } from './schemas';

type ProfileRow = typeof guideProfiles.$inferSelect;

export function presentGuideProfile(
  row: ProfileRow,
  name: string,
  activeRelationships: number,
  reliability: Reliability,
): GuideProfileView {
  return {
    userId: row.userId,
    name,
    headline: row.headline,
    bio: row.bio,
    kind: row.kind,
    expertise: row.expertise,
    proofOfWork: row.proofOfWork,
    approach: row.approach,
    structure: row.structure,
    style: row.style,
    credentials: row.credentials,
    background: row.background,
    worksWith: row.worksWith,
    seniorityLevels: row.seniorityLevels,
    formats: row.formats,
    city: row.city,
    languages: row.languages,
    timeZone: row.timeZone,
    availability: row.availability,
    capacity: row.capacity,
    capacityLeft: Math.max(0, row.capacity - activeRelationships),
    volunteer: row.volunteer,
    priceMin: row.priceMin,
    priceMax: row.priceMax,
    currency: row.currency,
    status: row.status,
    pausedReason: row.pausedReason,
    reliability,
  };
}

export function presentMyGuideProfile(
  row: ProfileRow,
  name: string,
  activeRelationships: number,
  reliability: Reliability,
): MyGuideProfileView {
  return {
    ...presentGuideProfile(row, name, activeRelationships, reliability),
    organization: row.organization,
    defaultCommitments: row.defaultCommitments ?? null,
  };
}
