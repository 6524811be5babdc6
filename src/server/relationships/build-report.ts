import { asc, eq } from 'drizzle-orm';
import { CADENCE_INTERVAL_DAYS } from '../../domain/settings/agreements';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { actions, sessions } from '../db/schema';
import { getRelationship } from './get-relationship';

const MS_PER_DAY = 86_400_000;

// The end report shows what the pair agreed against what happened, in words both can keep.
// It is built from the same detail the reader may see, so it can never reveal more than the page.
export async function buildReport(db: Db, actor: Actor, relationshipId: string, now: Date) {
  const { markdown, sessionsHeld, sessionsAgreed, actionsDone, actionsTotal } = await buildReportContent(
    db,
    actor,
    relationshipId,
    now,
  );
  return { markdown, sessionsHeld, sessionsAgreed, actionsDone, actionsTotal };
}

// The report's parts as data too, for the growth record (which keeps the report of every closed
// relationship the person took part in).
export async function buildReportContent(db: Db, actor: Actor, relationshipId: string, now: Date) {
  const detail = await getRelationship(db, actor, relationshipId, now);
  const sessionRows = await db
    .select()
    .from(sessions)
    .where(eq(sessions.relationshipId, relationshipId))
    .orderBy(asc(sessions.startsAt));
  // Ordered throughout, so the same relationship always gives the same report.
  const actionRows = await db
    .select()
    .from(actions)
    .where(eq(actions.relationshipId, relationshipId))
    .orderBy(asc(actions.createdAt), asc(actions.title));
  const held = sessionRows.filter((s) => s.status === 'held');
  const cadence = detail.agreement.current?.terms.cadence ?? null;
  const startMs = new Date(detail.acceptedAt ?? detail.createdAt).getTime();
  const endMs = detail.closedAt ? new Date(detail.closedAt).getTime() : now.getTime();
  const sessionsAgreed =
    cadence === null
      ? 0
      : Math.max(1, Math.floor((endMs - startMs) / MS_PER_DAY / CADENCE_INTERVAL_DAYS[cadence]));
  const done = actionRows.filter((a) => a.status === 'done');
  const retros = detail.reflections
    .filter((r) => r.kind === 'retrospective')
    .sort((a, b) => Number(a.authorRole !== 'member') - Number(b.authorRole !== 'member'));
  const linkedGoals = [...detail.goals].sort((a, b) => a.title.localeCompare(b.title));
  const lines = [
    `# ${detail.kind[0]?.toUpperCase()}${detail.kind.slice(1)}: ${detail.member?.name ?? '—'} with ${detail.guide?.name ?? '—'}`,
    '',
    `Status: ${detail.status}. Started ${detail.startDate ?? '—'}${detail.closedAt ? `, closed ${detail.closedAt.slice(0, 10)}` : ''}.`,
    '',
    '## Goals and outcome',
    ...(linkedGoals.length === 0
      ? ['No goals linked.']
      : linkedGoals.map((g) => `- ${g.title} (${g.status})`)),
    ...retros.map(
      (r) => `- Goal achieved, in the ${r.authorRole}'s words: ${String(r.answers.goalAchieved)}`,
    ),
    '',
    '## Sessions',
    `Held ${held.length} of about ${sessionsAgreed} agreed.`,
    ...held.map(
      (s) =>
        `- ${s.startsAt.toISOString().slice(0, 10)} (${s.template})${s.insights ? `: ${s.insights}` : ''}`,
    ),
    '',
    '## Actions',
    `Done ${done.length} of ${actionRows.length}.`,
    ...actionRows.map((a) => `- [${a.status === 'done' ? 'x' : ' '}] ${a.title} (${a.status})`),
    '',
    '## Key insights',
    ...(retros.length === 0
      ? ['No retrospective yet.']
      : retros.map((r) => `- ${r.authorRole}: ${String(r.answers.takeaways)}`)),
    '',
  ];
  return {
    markdown: lines.join('\n'),
    sessionsHeld: held.length,
    sessionsAgreed,
    actionsDone: done.length,
    actionsTotal: actionRows.length,
    goals: linkedGoals.map((g) => ({ title: g.title, status: g.status })),
    goalAchieved: retros.map((r) => ({ by: r.authorRole, answer: String(r.answers.goalAchieved) })),
    keyInsights: retros.map((r) => ({ by: r.authorRole, text: String(r.answers.takeaways) })),
  };
}
