import { z } from '@hono/zod-openapi';
import { agreementTermsSchema } from '../../domain/agreements/agreement-terms';
import { DASHBOARD_MAX_PAGE_SIZE, DASHBOARD_PAGE_SIZE } from '../../domain/settings/dashboard';

const isoDate = z.iso.date({ message: 'must be a date written as YYYY-MM-DD' });
const id = (name: string, what: string) =>
  z.uuid({ message: `must be a ${what} id` }).openapi({ param: { name, in: 'path' } });

export const programIdParams = z.object({ programId: id('programId', 'program') });
export const cohortIdParams = z.object({ cohortId: id('cohortId', 'cohort') });
export const runIdParams = z.object({ cohortId: id('cohortId', 'cohort'), runId: id('runId', 'match run') });
export const reportIdParams = z.object({
  cohortId: id('cohortId', 'cohort'),
  reportId: id('reportId', 'problem report'),
});

export const createProgramSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(3, 'must be at least 3 characters')
      .max(120, 'must be at most 120 characters'),
    description: z.string().trim().max(2000, 'must be at most 2000 characters').default(''),
    /** The slug of the organization that runs it (its coordinators, admins and owners may). */
    organization: z.string().trim().toLowerCase().min(1).max(48).optional(),
  })
  .openapi('CreateProgram');

export const programSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    organizationId: z.string().nullable(),
    cohorts: z.number(),
  })
  .openapi('Program');

export const createCohortSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(2, 'must be at least 2 characters')
      .max(120, 'must be at most 120 characters'),
    applicationsOpen: isoDate,
    applicationsClose: isoDate,
    matchingOn: isoDate,
    startsOn: isoDate,
    endsOn: isoDate,
    defaultKind: z.enum(['mentoring', 'coaching', 'peer']).default('mentoring'),
    defaultFraming: z.enum(['ad-hoc', 'goal-oriented', 'time-framed']).default('time-framed'),
    defaultAgreement: agreementTermsSchema.optional(),
    sessionsPerMonthTarget: z
      .number()
      .int()
      .min(1, 'must be at least 1')
      .max(8, 'must be at most 8')
      .default(2),
  })
  .superRefine((cohort, ctx) => {
    const order = ['applicationsOpen', 'applicationsClose', 'matchingOn', 'startsOn', 'endsOn'] as const;
    for (let i = 1; i < order.length; i++) {
      const before = order[i - 1];
      const after = order[i];
      if (before && after && cohort[after] < cohort[before]) {
        ctx.addIssue({ code: 'custom', path: [after], message: `must not be before ${before}` });
      }
    }
  })
  .openapi('CreateCohort');

export const cohortSchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    name: z.string(),
    applicationsOpen: z.string(),
    applicationsClose: z.string(),
    matchingOn: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    defaultKind: z.string(),
    defaultFraming: z.string(),
    sessionsPerMonthTarget: z.number(),
    members: z.number(),
    guides: z.number(),
    guideSeats: z.number(),
    // Of those, still to confirm they joined (never matched until they do).
    pendingMembers: z.number(),
    pendingGuides: z.number(),
  })
  .openapi('Cohort');

export const importSchema = z
  .object({
    role: z.enum(['member', 'guide'], { message: 'must be member or guide' }),
    csv: z.string().min(1, 'is empty').max(20_000_000, 'is larger than 20 MB'),
    skipInvalid: z.boolean().default(false),
  })
  .openapi('ImportApplications');

export const rowProblemSchema = z.object({ line: z.number(), column: z.string(), message: z.string() });

export const importResultSchema = z
  .object({ imported: z.number(), skipped: z.number(), problems: z.array(rowProblemSchema) })
  .openapi('ImportResult');

export const applicationSchema = z
  .object({
    id: z.string(),
    role: z.enum(['member', 'guide']),
    email: z.string(),
    name: z.string(),
    organization: z.string().nullable(),
    timeZone: z.string(),
    summary: z.string(),
  })
  .openapi('Application');

export const overrideSchema = z
  .object({
    memberApplicationId: z.uuid({ message: 'must be an application id' }),
    guideApplicationId: z.uuid({ message: 'must be an application id' }),
    decision: z.enum(['pin', 'block', 'clear'], { message: 'must be pin, block or clear' }),
  })
  .openapi('MatchOverride');

// Another guide the member could have had; in demand: other members want that guide's seats.
const matchAlternativeSchema = z.object({
  guideApplicationId: z.string(),
  guideName: z.string(),
  score: z.number(),
  inDemand: z.boolean(),
});

const matchModeSchema = z.enum(['optimal', 'stable', 'fair']);

/** One mode of a run, as the side-by-side view compares them. */
export const modeComparisonSchema = z
  .object({
    runId: z.string(),
    mode: matchModeSchema,
    matched: z.number(),
    totalFit: z.number(),
    worstFit: z.number().nullable(),
    blockingPairs: z.number(),
    movedFromOptimal: z.number(),
    proved: z.boolean(),
    summary: z.string(),
    publishedAt: z.string().nullable(),
  })
  .openapi('MatchModeComparison');

export const matchRunSchema = z
  .object({
    id: z.string(),
    mode: matchModeSchema,
    createdAt: z.string(),
    publishedAt: z.string().nullable(),
    // The same press of "run matching" in every mode; empty for runs made before modes existed.
    comparison: z.array(modeComparisonSchema),
    matched: z.number(),
    members: z.number(),
    objective: z.number(),
    seconds: z.number(),
    matches: z.array(
      z.object({
        memberApplicationId: z.string(),
        memberName: z.string(),
        guideApplicationId: z.string(),
        guideName: z.string(),
        score: z.number(),
        pinned: z.boolean(),
        why: z.array(z.string()),
        margin: z.number().nullable(),
        runnerUp: z
          .object({
            guideApplicationId: z.string().nullable(),
            guideName: z.string().nullable(),
            score: z.number(),
            inDemand: z.boolean(),
          })
          .nullable(),
        alternatives: z.array(matchAlternativeSchema),
      }),
    ),
    unmatched: z.array(
      z.object({
        applicationId: z.string(),
        name: z.string(),
        reason: z.string(),
        alternatives: z.array(matchAlternativeSchema),
      }),
    ),
    overrides: z.array(overrideSchema.extend({ decision: z.enum(['pin', 'block']) })),
    // A rematch mid-cohort: how many of the pairs in place it keeps, and each member whose guide changes
    // (from null: newly matched; to null: left without a guide). Null for a run from scratch.
    rematch: z
      .object({
        current: z.number().int(),
        kept: z.number().int(),
        moves: z.array(
          z.object({
            memberApplicationId: z.string(),
            memberName: z.string(),
            from: z.object({ guideApplicationId: z.string(), guideName: z.string() }).nullable(),
            to: z.object({ guideApplicationId: z.string(), guideName: z.string() }).nullable(),
          }),
        ),
      })
      .nullable(),
    // People imported who have not confirmed they joined: left out of matching until they do.
    unconfirmed: z.array(
      z.object({
        applicationId: z.string(),
        name: z.string(),
        role: z.enum(['member', 'guide']),
        status: z.enum(['pending', 'declined']),
        message: z.string(),
      }),
    ),
  })
  .openapi('MatchRun');

export type CreateCohortInput = z.infer<typeof createCohortSchema>;
export type MatchRunView = z.infer<typeof matchRunSchema>;

export const whyNotQuerySchema = z.object({
  member: z.uuid({ message: 'must be a member application id' }),
  guide: z.uuid({ message: 'must be a guide application id' }),
});

export const whyNotSchema = z
  .object({
    mode: matchModeSchema,
    memberName: z.string(),
    guideName: z.string(),
    /** Why this pair is not in the run, in a sentence. */
    reason: z.string(),
    /** What would change it, or null when nothing short of an admin's pin would. */
    change: z.string().nullable(),
  })
  .openapi('WhyNot');

export const publishResultSchema = z
  .object({
    // Pairs proposed: each starts once both people accept.
    proposed: z.number(),
    // Pairs in a run made before someone withdrew or was unconfirmed: never proposed.
    waitingForConfirmation: z.array(
      z.object({ memberName: z.string(), guideName: z.string(), missing: z.array(z.string()) }),
    ),
  })
  .openapi('PublishResult');

export const participantSchema = z
  .object({
    applicationId: z.string(),
    role: z.enum(['member', 'guide']),
    name: z.string(),
    email: z.string(),
    status: z.enum(['pending', 'confirmed', 'declined']),
  })
  .openapi('CohortParticipant');

export const cohortPairSchema = z
  .object({
    relationshipId: z.string(),
    memberName: z.string(),
    guideName: z.string(),
    // Declined: the admin sees that and by whom, never the reason (it is the decliner's).
    status: z.enum(['proposed', 'active', 'declined', 'closed', 'invited']),
    memberAccepted: z.boolean(),
    guideAccepted: z.boolean(),
    declinedByRole: z.enum(['member', 'guide']).nullable(),
  })
  .openapi('CohortPair');

const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

// Which page of the pair list to show. Unknown parameters are refused, so a misspelt one is named
// instead of silently giving the first page.
const dashboardParameters = z.object({
  state: z
    .enum(['on-track', 'slipping', 'at-risk'], { message: 'must be on-track, slipping or at-risk' })
    .optional()
    .openapi({ description: 'Only pairs in this state (default: all)' }),
  page: wholeNumber(1, 1_000_000).default(1).openapi({ description: 'Page number, from 1' }),
  pageSize: wholeNumber(1, DASHBOARD_MAX_PAGE_SIZE)
    .default(DASHBOARD_PAGE_SIZE)
    .openapi({
      description: `Pairs per page (default ${DASHBOARD_PAGE_SIZE}, at most ${DASHBOARD_MAX_PAGE_SIZE})`,
    }),
});
const knownDashboardParameters = new Set(Object.keys(dashboardParameters.shape));

export const dashboardQuery = dashboardParameters.loose().superRefine((value, ctx) => {
  for (const key of Object.keys(value)) {
    if (!knownDashboardParameters.has(key)) {
      ctx.addIssue({ code: 'custom', path: [key], message: 'is not a parameter the dashboard knows' });
    }
  }
});

export const dashboardSchema = z
  .object({
    pairs: z.number(),
    states: z.object({ 'on-track': z.number(), slipping: z.number(), 'at-risk': z.number() }),
    sessionsPerPairPerMonth: z.object({ actual: z.number(), target: z.number() }),
    actions: z.object({ done: z.number(), total: z.number() }),
    pulse: z.object({ average: z.number().nullable(), answers: z.number() }),
    goals: z.object({ yes: z.number(), partly: z.number(), no: z.number(), open: z.number() }),
    months: z.array(
      z.object({
        month: z.string(),
        sessions: z.number(),
        actionsDone: z.number(),
        pulseAverage: z.number().nullable(),
      }),
    ),
    pairList: z.array(
      z.object({
        relationshipId: z.string(),
        member: z.string(),
        guide: z.string(),
        state: z.string(),
        sessionsLast30Days: z.number(),
      }),
    ),
    // The pair list above is this page: at risk first, then slipping, then on track; by member, guide.
    page: z.object({
      number: z.number(),
      size: z.number(),
      state: z.enum(['on-track', 'slipping', 'at-risk']).nullable(),
      /** Pairs in the asked state (all pairs without one); `states` has every state's total. */
      pairs: z.number(),
      pages: z.number(),
    }),
  })
  .openapi('CohortDashboard');

// A problem report as the program's admins read it: addressed to them, so the reporter's words are in.
export const cohortProblemReportSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['no-show', 'misconduct', 'other']),
    details: z.string(),
    createdAt: z.string(),
    reviewedAt: z.string().nullable(),
    reporterRole: z.enum(['member', 'guide']).nullable(),
    pair: z.object({ relationshipId: z.string(), member: z.string(), guide: z.string() }),
  })
  .openapi('CohortProblemReport');

export type Participant = z.infer<typeof participantSchema>;
export type CohortPair = z.infer<typeof cohortPairSchema>;
