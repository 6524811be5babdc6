import { asc, desc, eq, or } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { checkAgreement } from '../../domain/agreements/check-agreement';
import { MIDPOINT_FRACTION } from '../../domain/settings/relationships';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import {
  agreements,
  coachingPlans,
  cohorts,
  goals,
  programs,
  reflections,
  relationshipGoals,
  relationships,
} from '../db/schema';
import { type RelationshipRole, relationshipPolicy } from '../policies/relationships';
import { dateIn } from '../time';
import { loadChosenGuides } from './chosen-guides';
import { loadPeople, loadRelationship, type Person, type RelationshipRow } from './load-relationship';
import { relationshipHealth } from './relationship-health';
import type { AgreementVersion, Reflection, RelationshipDetail, RelationshipSummary } from './schemas';

type AgreementRow = typeof agreements.$inferSelect;
type ReflectionRow = typeof reflections.$inferSelect;

const person = (people: Map<string, Person>, id: string | null) => {
  const found = id === null ? undefined : people.get(id);
  return found ? { id: found.id, name: found.name, timeZone: found.timeZone } : null;
};

export function presentSummary(
  rel: RelationshipRow,
  actor: Actor,
  people: Map<string, Person>,
  chosen: Map<string, Person> = new Map(),
): RelationshipSummary {
  const myRole: RelationshipRole =
    relationshipPolicy.roleOf(actor, rel) ?? (rel.memberId === actor.userId ? 'member' : 'guide');
  return {
    id: rel.id,
    status: rel.status,
    kind: rel.kind,
    framing: rel.framing,
    myRole,
    other:
      person(people, myRole === 'member' ? rel.guideId : rel.memberId) ??
      (myRole === 'member' ? person(chosen, rel.id) : null),
    inviteeEmail: rel.inviteeEmail,
    startDate: rel.startDate,
    plannedEndDate: rel.plannedEndDate,
    createdAt: rel.createdAt.toISOString(),
  };
}

const presentAgreement = (row: AgreementRow, rel: RelationshipRow): AgreementVersion => ({
  version: row.version,
  terms: row.terms,
  status: row.status,
  proposedByRole: row.proposedBy === rel.memberId ? 'member' : 'guide',
  proposedAt: row.proposedAt.toISOString(),
  acceptedAt: row.acceptedAt?.toISOString() ?? null,
  warnings: checkAgreement(row.terms, rel.kind),
});

// Ratings are blind: the other side's answers appear only once both have answered the same question.
// The member's view pairs with the guide's self-reflection, which itself is never shown to the member.
const pairedKind: Record<ReflectionRow['kind'], ReflectionRow['kind']> = {
  midpoint: 'midpoint',
  retrospective: 'retrospective',
  'member-view': 'guide-self',
  'guide-self': 'member-view',
};

export function visibleReflections(rows: ReflectionRow[], actor: Actor, rel: RelationshipRow): Reflection[] {
  return rows
    .filter((row) => relationshipPolicy.canReadReflection(actor, row))
    .filter(
      (row) =>
        row.authorId === actor.userId ||
        rows.some((mine) => mine.authorId === actor.userId && mine.kind === pairedKind[row.kind]),
    )
    .map((row) => ({
      kind: row.kind,
      authorRole: row.authorId === rel.memberId ? 'member' : 'guide',
      mine: row.authorId === actor.userId,
      answers: row.answers as Record<string, string | number>,
      createdAt: row.createdAt.toISOString(),
    }));
}

function midpointOf(rel: RelationshipRow, now: Date, timeZone: string) {
  if (rel.framing !== 'time-framed' || !rel.startDate || !rel.plannedEndDate) {
    return { applies: false, dueDate: null, due: false };
  }
  const start = Temporal.PlainDate.from(rel.startDate);
  const days = start.until(Temporal.PlainDate.from(rel.plannedEndDate)).days;
  const dueDate = start.add({ days: Math.round(days * MIDPOINT_FRACTION) }).toString();
  return { applies: true, dueDate, due: dateIn(now, timeZone) >= dueDate };
}

export async function getRelationship(
  db: Db | Tx,
  actor: Actor,
  relationshipId: string,
  now: Date,
): Promise<RelationshipDetail> {
  // The page shows a proposal (who, which program, its agreement) so the person can answer it; what
  // either has written stays out until both accept (linked goals are filtered by the policy too).
  const { rel } = await loadRelationship(db, actor, relationshipId, { proposal: true });
  const people = await loadPeople(db, [rel.memberId, rel.guideId]);
  const goalRows = await db
    .select({ goal: goals })
    .from(relationshipGoals)
    .innerJoin(goals, eq(goals.id, relationshipGoals.goalId))
    .where(eq(relationshipGoals.relationshipId, rel.id));
  const agreementRows = await db
    .select()
    .from(agreements)
    .where(eq(agreements.relationshipId, rel.id))
    .orderBy(asc(agreements.version));
  const [plan] = await db
    .select()
    .from(coachingPlans)
    .where(eq(coachingPlans.relationshipId, rel.id))
    .orderBy(desc(coachingPlans.version))
    .limit(1);
  const awaitsConsent = relationshipPolicy.awaitsConsent(rel);
  const reflectionRows = awaitsConsent
    ? []
    : await db.select().from(reflections).where(eq(reflections.relationshipId, rel.id));
  const fromProgram = rel.cohortId !== null || rel.memberAcceptedAt !== null || rel.guideAcceptedAt !== null;
  const proposal = fromProgram ? await presentProposal(db, rel) : null;
  const { momentum, tracking } = await relationshipHealth(db, rel, people, now);
  const history = agreementRows.map((row) => presentAgreement(row, rel));
  const current = history.filter((a) => a.status === 'accepted').at(-1) ?? null;
  const pending = history.find((a) => a.status === 'proposed') ?? null;
  const role = relationshipPolicy.roleOf(actor, rel);
  const waitingFor: string[] = [];
  if (rel.status === 'active' && !current && !pending) waitingFor.push('Propose an agreement');
  const myAnswer = role === 'member' ? rel.memberAcceptedAt : rel.guideAcceptedAt;
  if (rel.status === 'proposed') {
    waitingFor.push(
      myAnswer ? 'Wait for the other person to accept the proposal' : 'Accept or decline the proposed pair',
    );
  } else if (pending && pending.proposedByRole !== role) {
    waitingFor.push('Read and accept the proposed agreement');
  }
  const mid = midpointOf(rel, now, actor.timeZone);
  const visible = visibleReflections(reflectionRows, actor, rel);
  if (mid.due && !visible.some((r) => r.kind === 'midpoint' && r.mine)) {
    waitingFor.push('Answer the mid-point check-in');
  }
  return {
    ...presentSummary(rel, actor, people),
    member: person(people, rel.memberId),
    guide: person(people, rel.guideId),
    // A declined proposal's reason is the decliner's alone (see answer-proposal.ts).
    declineReason: proposal !== null && rel.declinedBy !== actor.userId ? null : rel.declineReason,
    acceptedAt: rel.acceptedAt?.toISOString() ?? null,
    closedAt: rel.closedAt?.toISOString() ?? null,
    goals: goalRows
      .map((row) => row.goal)
      .filter((goal) => relationshipPolicy.canReadLinkedGoal(actor, goal, rel))
      .map((goal) => ({ id: goal.id, title: goal.title, status: goal.status, targetDate: goal.targetDate })),
    agreement: { current, pending, history },
    plan: plan
      ? {
          version: plan.version,
          assessment: plan.assessment,
          focusAreas: plan.focusAreas.map((area) => ({
            ...area,
            outgrowingThePlan: area.addedInVersion > 1,
          })),
          createdAt: plan.createdAt.toISOString(),
        }
      : null,
    momentum,
    tracking,
    midpoint: mid,
    reflections: visible,
    waitingFor,
    proposal,
  };
}

async function presentProposal(db: Db | Tx, rel: RelationshipRow): Promise<RelationshipDetail['proposal']> {
  const [where] = rel.cohortId
    ? await db
        .select({ cohortName: cohorts.name, programName: programs.name })
        .from(cohorts)
        .innerJoin(programs, eq(programs.id, cohorts.programId))
        .where(eq(cohorts.id, rel.cohortId))
    : [];
  const started = rel.status === 'active' || rel.status === 'closed';
  return {
    programName: where?.programName ?? null,
    cohortName: where?.cohortName ?? null,
    memberAccepted: started || rel.memberAcceptedAt !== null,
    guideAccepted: started || rel.guideAcceptedAt !== null,
    declinedByRole:
      rel.status !== 'declined' || rel.declinedBy === null
        ? null
        : rel.declinedBy === rel.memberId
          ? 'member'
          : 'guide',
    acceptPath: `/api/v1/relationships/${rel.id}/proposal/accept`,
    declinePath: `/api/v1/relationships/${rel.id}/proposal/decline`,
  };
}

export async function listRelationships(db: Db, actor: Actor): Promise<RelationshipSummary[]> {
  const rows = await db
    .select()
    .from(relationships)
    .where(
      or(
        eq(relationships.memberId, actor.userId),
        eq(relationships.guideId, actor.userId),
        eq(relationships.invitedBy, actor.userId),
      ),
    )
    .orderBy(desc(relationships.createdAt));
  const people = await loadPeople(
    db,
    rows.flatMap((row) => [row.memberId, row.guideId]),
  );
  const chosen = await loadChosenGuides(
    db,
    actor,
    rows.filter((row) => row.guideId === null).map((row) => row.id),
  );
  return rows.map((row) => presentSummary(row, actor, people, chosen));
}
