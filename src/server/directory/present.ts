import type { FitScore } from '../../domain/fit-score/fit-score';
import type { Reliability } from '../guide-profiles/schemas';
import type { DirectoryCardRow } from './directory-sql';
import type { DirectoryResult } from './schemas';

export function presentDirectoryResult(
  row: DirectoryCardRow,
  capacityLeft: number,
  fit: FitScore,
  reliability: Reliability,
): DirectoryResult {
  return {
    guide: {
      userId: row.userId,
      name: row.name,
      headline: row.headline,
      kind: row.kind,
      expertise: row.expertise,
      approach: row.approach,
      structure: row.structure,
      style: row.style,
      credentials: row.credentials,
      formats: row.formats,
      city: row.city,
      languages: row.languages,
      timeZone: row.timeZone,
      capacity: row.capacity,
      capacityLeft: Math.max(0, capacityLeft),
      volunteer: row.volunteer,
      priceMin: row.priceMin,
      priceMax: row.priceMax,
      currency: row.currency,
      reliability,
    },
    fit: { score: fit.score, why: fit.why, overlapMinutesPerWeek: fit.overlapMinutesPerWeek },
  };
}
