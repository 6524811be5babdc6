import { z } from '@hono/zod-openapi';
import { funnelStages } from '../../domain/outcomes/funnel';
import { riskSignalCodes } from '../../domain/outcomes/risk-signals';
import { AT_RISK_MAX_PAGE_SIZE, AT_RISK_PAGE_SIZE } from '../../domain/settings/outcomes';

const guarded = <T extends z.ZodType>(value: T) =>
  z.union([
    z.object({ suppressed: z.literal(false), value }),
    z.object({ suppressed: z.literal(true), label: z.string() }),
  ]);
const spreadSchema = z
  .object({ median: z.number(), p25: z.number(), p75: z.number(), count: z.number().int() })
  .nullable();
const effectSchema = z.object({
  difference: z.number(),
  low: z.number(),
  high: z.number(),
  matched: z.number().int(),
  waiting: z.number().int(),
  randomised: z.boolean(),
  sentence: z.string(),
});

export const outcomesSchema = z
  .object({
    funnel: z.object({
      stages: z.array(z.object({ stage: z.enum(funnelStages), count: guarded(z.number().int()) })),
      timing: z.object({ daysToMatch: guarded(spreadSchema), daysToFirstSession: guarded(spreadSchema) }),
      earlyEndings: z.object({
        total: guarded(z.number().int()),
        reasons: z.array(z.object({ reason: z.string(), count: guarded(z.number().int()) })),
      }),
    }),
    pulse: z.array(
      z.object({
        month: z.string(),
        people: guarded(z.number().int()),
        relationship: guarded(z.number()),
        progress: guarded(z.number()),
        recommendShare: guarded(z.number()),
      }),
    ),
    goalAttainment: z.object({
      withProgressData: guarded(z.number().int()),
      improved: guarded(z.number().int()),
      averageChange: guarded(z.number()),
      improvedShare: guarded(z.number()),
      goalMet: z.object({
        yes: guarded(z.number().int()),
        partly: guarded(z.number().int()),
        no: guarded(z.number().int()),
      }),
      metShare: guarded(z.number()),
    }),
    effect: z.object({
      randomised: z.boolean(),
      label: z.string().nullable(),
      measures: z.array(
        z.object({ measure: z.string(), effect: effectSchema.nullable(), reason: z.string().nullable() }),
      ),
    }),
    // Before/after 360: members with rated answers in both rounds, and their mean change (1–5 scale).
    change360: z.object({ members: guarded(z.number().int()), meanChange: guarded(z.number()) }),
  })
  .openapi('Outcomes');

export const atRiskSchema = z
  .object({
    pairs: z.array(
      z.object({
        relationshipId: z.string().uuid(),
        member: z.string(),
        guide: z.string(),
        level: z.enum(['watch', 'at-risk']),
        signals: z.array(z.object({ code: z.enum(riskSignalCodes), reason: z.string() })),
        lastRepairStep: z.object({ kind: z.string(), at: z.string() }).nullable(),
      }),
    ),
    totals: z.object({ atRisk: z.number().int(), watch: z.number().int() }),
    page: z.object({
      number: z.number().int(),
      size: z.number().int(),
      pairs: z.number().int(),
      pages: z.number().int(),
    }),
  })
  .openapi('AtRiskPairs');

const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

// Which page of the at-risk list to show. Unknown parameters are refused, so a misspelt one is named
// instead of silently giving the first page.
const atRiskParameters = z.object({
  page: wholeNumber(1, 1_000_000).default(1).openapi({ description: 'Page number, from 1' }),
  pageSize: wholeNumber(1, AT_RISK_MAX_PAGE_SIZE)
    .default(AT_RISK_PAGE_SIZE)
    .openapi({
      description: `Pairs per page (default ${AT_RISK_PAGE_SIZE}, at most ${AT_RISK_MAX_PAGE_SIZE})`,
    }),
});
const knownAtRiskParameters = new Set(Object.keys(atRiskParameters.shape));

export const atRiskQuery = atRiskParameters.loose().superRefine((value, ctx) => {
  for (const key of Object.keys(value)) {
    if (!knownAtRiskParameters.has(key)) {
      ctx.addIssue({ code: 'custom', path: [key], message: 'is not a parameter the at-risk list knows' });
    }
  }
});

export const repairStepSchema = z.object({ kind: z.enum(['nudge', 'check-in-offer']) });
const id = (name: string, what: string) =>
  z.uuid({ message: `must be a ${what} id` }).openapi({ param: { name, in: 'path' } });
export const pairParams = z.object({
  cohortId: id('cohortId', 'cohort'),
  relationshipId: id('relationshipId', 'relationship'),
});

export const lotteryInputSchema = z.object({
  seats: z.number().int().min(1).max(100_000),
  seed: z.string().min(1).max(200).optional(),
});
export const lotterySchema = z
  .object({
    seed: z.string(),
    seats: z.number().int(),
    selected: z.array(z.string()),
    waiting: z.array(z.string()),
    drawnAt: z.string(),
    reproduces: z.boolean(),
  })
  .openapi('CohortLottery');
export const outcomeImportSchema = z.object({ csv: z.string().min(1).max(5_000_000) });
export const outcomeImportResultSchema = z.object({
  imported: z.number().int(),
  measures: z.array(z.string()),
});

export const relationshipParams = z.object({ relationshipId: id('relationshipId', 'relationship') });
export const pulseStatusSchema = z
  .object({
    dueRound: z.number().int().nullable(),
    answered: z.boolean(),
    commentReader: z.string().nullable(),
    notice: z.string(),
  })
  .openapi('PulseStatus');
export const pulseAnswerSchema = z.object({
  round: z.number().int().min(0),
  relationship: z.number().int().min(1).max(5),
  progress: z.number().int().min(1).max(5),
  wouldRecommend: z.boolean(),
  comment: z.string().min(1).max(2000).optional(),
});

export const closePairSchema = z.object({
  reason: z.enum(['schedule', 'fit', 'goal-changed', 'left-organisation', 'unresponsive', 'other']),
});
