import { type SQL, sql } from 'drizzle-orm';
import type { FitPart, MemberNeeds } from '../../domain/fit-score/fit-score';
import { SLOTS_PER_WEEK } from '../../domain/fit-score/week-slots';
import {
  AVAILABILITY_SLOT_MINUTES,
  FIT_WEIGHTS,
  OVERLAP_COMFORTABLE_MINUTES_PER_WEEK,
  RESPONSIVENESS_MIN_REQUESTS,
  RESPONSIVENESS_SLOW_REPLY_HOURS,
} from '../../domain/settings/directory';
import { guideProfiles, guideReplyStats } from '../db/schema';
import { qualified } from './qualified';

const g = guideProfiles;
const rs = guideReplyStats;
const f8 = (value: number): SQL => sql.raw(`${String(value)}::float8`);
const norm = (value: string): string => value.trim().toLowerCase();

/** A set of UTC week slots as the bit string the database keeps in week_mask (bit i = slot i). */
export const weekMaskOf = (slots: readonly number[]): string => {
  const bits = Array.from({ length: SLOTS_PER_WEEK }, () => '0');
  for (const slot of slots) if (slot >= 0 && slot < SLOTS_PER_WEEK) bits[slot] = '1';
  return bits.join('');
};

/**
 * The fit score (src/domain/fit-score) as one SQL expression over a guide's precomputed fit inputs,
 * so every guide that passes the filters is ranked, not a pre-cut. The parts are added in
 * FIT_WEIGHTS order with the same float8 operations as scoreFit, so the score is the same number
 * (fit-sql.test.ts checks this on random guides and needs). Preferences the filters already enforce
 * (style, structure, approach, format, language, seniority: `filtered`) are constant 1 here.
 */
export function fitScoreSql(
  needs: MemberNeeds,
  filtered: {
    style: boolean;
    structure: boolean;
    approach: boolean;
    format: boolean;
    language: boolean;
    seniority: boolean;
  },
): SQL {
  const wanted = needs.wanted ?? [];
  const items = wanted.map((item) => {
    const want = norm(item);
    return sql`case when ${qualified(g, g.expertiseNorm)} @> array[${want}]::text[] then 1 when exists (select 1 from unnest(${qualified(g, g.expertiseNorm)}) o where strpos(o, ${want}) > 0 or strpos(${want}, o) > 0) then 0.5 else 0 end`;
  });
  const expertise =
    wanted.length === 0 ? null : sql`((${sql.join(items, sql` + `)})::float8 / ${f8(wanted.length)})`;
  const overlap = needs.weekSlots
    ? sql`least(${f8(1)}, (bit_count(coalesce(${qualified(g, g.weekMask)}, repeat('0', ${sql.raw(String(SLOTS_PER_WEEK))})::bit(${sql.raw(String(SLOTS_PER_WEEK))})) & ${weekMaskOf(needs.weekSlots)}::bit(${sql.raw(String(SLOTS_PER_WEEK))})) * ${sql.raw(String(AVAILABILITY_SLOT_MINUTES))})::float8 / ${f8(OVERLAP_COMFORTABLE_MINUTES_PER_WEEK)})`
    : null;
  const asked = qualified(rs, rs.asked);
  const answered = qualified(rs, rs.answered);
  const median = qualified(rs, rs.medianReplySeconds);
  const responsiveness = sql`((${answered}::float8 / ${asked}::float8 + case when ${answered} = 0 or ${median} is null then ${f8(0)} else greatest(${f8(0)}, ${f8(1)} - ${median} / ${f8(RESPONSIVENESS_SLOW_REPLY_HOURS * 3600)}) end) / ${f8(2)})`;
  // A stated preference the filters do not enforce would need its own SQL; the directory has none.
  const constant = (stated: unknown, byFilter: boolean): SQL | null => {
    if (!stated) return null;
    if (!byFilter) throw new Error('fitScoreSql: a preference that is not also a filter');
    return f8(1);
  };
  const parts: Record<Exclude<FitPart, 'responsiveness'>, SQL | null> = {
    expertise,
    overlap,
    style: constant(needs.style, filtered.style),
    structure: constant(needs.structure, filtered.structure),
    approach: constant(needs.approach, filtered.approach),
    format: constant(needs.formats?.length, filtered.format),
    language: constant(needs.languages?.length, filtered.language),
    seniority: constant(needs.seniority, filtered.seniority),
  };
  // Same order and operations as scoreFit's loop: weighted += value * weight, weights += weight.
  let weighted: SQL = f8(0);
  let weights = 0;
  for (const part of Object.keys(FIT_WEIGHTS) as FitPart[]) {
    if (part === 'responsiveness') continue;
    const value = parts[part];
    if (value === null) continue;
    weighted = sql`(${weighted} + ${value} * ${f8(FIT_WEIGHTS[part])})`;
    weights += FIT_WEIGHTS[part];
  }
  const withReplies = sql`(${weighted} + ${responsiveness} * ${f8(FIT_WEIGHTS.responsiveness)})`;
  const weightsWithReplies = weights + FIT_WEIGHTS.responsiveness;
  const rounded = (value: SQL, over: number): SQL =>
    over === 0 ? f8(0.5) : sql`floor(${value} / ${f8(over)} * ${f8(1000)} + ${f8(0.5)}) / ${f8(1000)}`;
  return sql`(case when ${asked} >= ${sql.raw(String(RESPONSIVENESS_MIN_REQUESTS))} then ${rounded(withReplies, weightsWithReplies)} else ${rounded(weighted, weights)} end)`;
}
