import { z } from 'zod';
import type { ModeCertificate, ModeRun } from './modes';
import { indexPairEdges, knownPairs, totalFit } from './pair-edges';
import { formatPath, MATCHING_MODES, type MatchingMode } from './problem-file';
import type { IndexedProblem, MatchingResult } from './solve-problem';
import type { PlainSolution } from './stable';
import type { IndexPair, MatchingDuals } from './types';

// The result file of `corner match solve` carries its own proof, so anyone holding the problem can check
// it with `corner match verify` (or their own code) without trusting or re-running Corner's solver.
// Certificate arrays follow the order of "mentees" and "mentors" in the problem file.

type LexPair = [count: number, score: number];
type CoverJson = { mentees: number[]; mentors: number[] };
export type CertificateJson = {
  menteeValues?: LexPair[];
  mentorPrices?: LexPair[];
  threshold?: number | null;
  coverAll?: CoverJson;
  coverAbove?: CoverJson | null;
};

export type ResultFile = MatchingResult & {
  seconds: number;
  mode: MatchingMode;
  worstFit: number | null;
  blockingPairs: number;
  certificate: CertificateJson;
  /** A rematch (`--keep`): the pairs it tried to keep, how many it kept, and who moved. */
  keep?: [menteeId: string, mentorId: string][];
  kept?: number;
  moves?: { mentee: string; from: string | null; to: string | null }[];
};

function dualsJson(duals: MatchingDuals): Pick<CertificateJson, 'menteeValues' | 'mentorPrices'> {
  return {
    menteeValues: Array.from(duals.menteeValueCount, (c, i): LexPair => [c, duals.menteeValueScore[i] ?? 0]),
    mentorPrices: Array.from(duals.mentorPriceCount, (c, j): LexPair => [c, duals.mentorPriceScore[j] ?? 0]),
  };
}

export function certificateJson(certificate: ModeCertificate): CertificateJson {
  if (certificate.kind === 'optimal') return dualsJson(certificate.duals);
  if (certificate.kind === 'stable') return {};
  const { threshold, coverAll, coverAbove, dualsAtThreshold } = certificate.fair;
  const cover = (c: typeof coverAll): CoverJson => ({
    mentees: Array.from(c.mentee),
    mentors: Array.from(c.mentor),
  });
  return {
    threshold,
    coverAll: cover(coverAll),
    coverAbove: coverAbove === null ? null : cover(coverAbove),
    ...dualsJson(dualsAtThreshold),
  };
}

export function resultFile(result: MatchingResult, run: ModeRun, seconds: number): ResultFile {
  return {
    ...result,
    seconds,
    mode: run.mode,
    worstFit: run.worstFit,
    blockingPairs: run.blockingPairs,
    certificate: certificateJson(run.certificate),
  };
}

const lexPair = z.tuple([z.number().int(), z.number()]);
const cover = z.object({ mentees: z.array(z.number().int()), mentors: z.array(z.number().int()) });
const resultSchema = z.object(
  {
    mode: z.enum(MATCHING_MODES, { error: 'mode must be "optimal", "stable" or "fair"' }).default('optimal'),
    matched: z.number({ error: 'matched must be a number' }),
    objective: z.number({ error: 'objective must be a number' }),
    assignments: z.array(z.tuple([z.string(), z.string()]), {
      error: 'assignments must be a list of [menteeId, mentorId] pairs',
    }),
    keep: z.array(z.tuple([z.string(), z.string()])).optional(),
    certificate: z
      .object({
        menteeValues: z.array(lexPair).optional(),
        mentorPrices: z.array(lexPair).optional(),
        threshold: z.number().nullable().optional(),
        coverAll: cover.optional(),
        coverAbove: cover.nullable().optional(),
      })
      .default({}),
  },
  { error: 'the result must be a JSON object with "matched", "objective" and "assignments"' },
);

/** A result read back against its problem: the assignment by index and the certificate as typed arrays. */
export type ReadResult =
  | {
      ok: true;
      mode: MatchingMode;
      solution: PlainSolution;
      certificate: ModeCertificate;
      claims: string[];
      /** A rematch's kept pairs, by index (the certificate is for the keep-first objective). */
      keep: IndexPair[];
    }
  | { ok: false; malformed: boolean; errors: string[] };

function readDuals(json: z.infer<typeof resultSchema>['certificate'], indexed: IndexedProblem) {
  const values = json.menteeValues ?? [];
  const prices = json.mentorPrices ?? [];
  const errors: string[] = [];
  if (values.length !== indexed.menteeIds.length)
    errors.push(
      `certificate.menteeValues has ${values.length} entries for ${indexed.menteeIds.length} mentees`,
    );
  if (prices.length !== indexed.mentorIds.length)
    errors.push(
      `certificate.mentorPrices has ${prices.length} entries for ${indexed.mentorIds.length} mentors`,
    );
  const duals: MatchingDuals = {
    menteeValueCount: Int32Array.from(values, (v) => v[0]),
    menteeValueScore: Float64Array.from(values, (v) => v[1]),
    mentorPriceCount: Int32Array.from(prices, (v) => v[0]),
    mentorPriceScore: Float64Array.from(prices, (v) => v[1]),
  };
  return { duals, errors };
}

/**
 * Reads a result file against its problem. A file that is not a result at all is `malformed`; one whose
 * assignments cannot belong to this problem lists each impossible assignment.
 */
export function readResult(data: unknown, indexed: IndexedProblem): ReadResult {
  const parsed = resultSchema.safeParse(data);
  if (!parsed.success)
    return {
      ok: false,
      malformed: true,
      errors: parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`),
    };
  const json = parsed.data;
  const { input, menteeIndex, mentorIndex } = indexed;
  const { edgeOf } = indexPairEdges(input);

  const errors: string[] = [];
  const menteeEdge = new Int32Array(input.menteeCount).fill(-1);
  const menteeMentor = new Int32Array(input.menteeCount).fill(-1);
  const impossible = (menteeId: string, mentorId: string): string | null => {
    const i = menteeIndex.get(menteeId);
    const j = mentorIndex.get(mentorId);
    if (i === undefined) return `"${menteeId}" is not a mentee of this problem`;
    if (j === undefined) return `"${mentorId}" is not a guide of this problem`;
    const e = edgeOf(i, j);
    if (e < 0) return `("${menteeId}", "${mentorId}") is not an allowed pair of this problem`;
    if ((menteeEdge[i] ?? -1) >= 0) return `"${menteeId}" is assigned twice`;
    menteeEdge[i] = e;
    menteeMentor[i] = j;
    return null;
  };
  json.assignments.forEach(([menteeId, mentorId], k) => {
    const reason = impossible(menteeId, mentorId);
    if (reason !== null) errors.push(`assignments[${k}]: ${reason}`);
  });
  if (errors.length > 0) return { ok: false, malformed: false, errors };

  const menteePinned = new Uint8Array(input.menteeCount);
  for (const [i] of indexed.constraints.pinned ?? []) menteePinned[i] = 1;
  const matched = menteeEdge.reduce((count, e) => count + (e >= 0 ? 1 : 0), 0);
  const objective = totalFit(input, menteeEdge);
  const claims: string[] = [];
  if (json.matched !== matched)
    claims.push(`the result says ${json.matched} matched, its assignments match ${matched}`);
  const tolerance = 1e-9 * Math.max(1, Math.abs(objective));
  if (Math.abs(json.objective - objective) > tolerance)
    claims.push(`the result says total fit ${json.objective}, its assignments add up to ${objective}`);
  const solution: PlainSolution = { menteeEdge, menteeMentor, menteePinned, matched, objective };

  // Pairs the rematch wanted to keep that are not in this problem cannot have been kept: leave them out.
  const keep = knownPairs(indexed, json.keep ?? []);
  const cert = json.certificate;
  if (json.mode === 'stable')
    return { ok: true, mode: 'stable', solution, certificate: { kind: 'stable' }, claims, keep };
  const { duals, errors: dualErrors } = readDuals(cert, indexed);
  if (json.mode === 'optimal') {
    if (dualErrors.length > 0) return { ok: false, malformed: false, errors: dualErrors };
    return { ok: true, mode: 'optimal', solution, certificate: { kind: 'optimal', duals }, claims, keep };
  }
  const readCover = (c: z.infer<typeof cover>, name: string) => {
    if (c.mentees.length !== input.menteeCount || c.mentors.length !== input.mentorCount)
      dualErrors.push(`certificate.${name} does not have one weight per mentee and per mentor`);
    return { mentee: Int32Array.from(c.mentees), mentor: Int32Array.from(c.mentors) };
  };
  if (cert.coverAll === undefined) dualErrors.push('certificate.coverAll is missing');
  const coverAll = readCover(cert.coverAll ?? { mentees: [], mentors: [] }, 'coverAll');
  const coverAbove = cert.coverAbove ? readCover(cert.coverAbove, 'coverAbove') : null;
  if (dualErrors.length > 0) return { ok: false, malformed: false, errors: dualErrors };
  return {
    ok: true,
    mode: 'fair',
    solution,
    certificate: {
      kind: 'fair',
      fair: { threshold: cert.threshold ?? null, coverAll, coverAbove, dualsAtThreshold: duals },
    },
    claims,
    keep,
  };
}
