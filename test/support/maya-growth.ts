import { and, eq } from 'drizzle-orm';
import { addArtifact } from '../../src/server/artifacts/add-artifact';
import { startDraftFromArtifact } from '../../src/server/artifacts/start-draft-from-artifact';
import type { Actor } from '../../src/server/auth/actor';
import type { Auth } from '../../src/server/auth/auth';
import type { Db } from '../../src/server/db/client';
import { relationships, user } from '../../src/server/db/schema';
import { demoPeople } from '../../src/server/demo/demo-people';
import { loadDemo } from '../../src/server/demo/load-demo';
import { answerFeedbackRequest } from '../../src/server/feedback/answer-feedback-request';
import { createFeedbackRequest } from '../../src/server/feedback/create-feedback-request';
import { getFeedbackRequest } from '../../src/server/feedback/get-feedback-request';
import { thankFeedbackGiver } from '../../src/server/feedback/thank-feedback-giver';
import { updateFeedbackRequest } from '../../src/server/feedback/update-feedback-request';
import { createGoal } from '../../src/server/goals/create-goal';
import type { Mailer } from '../../src/server/mail/mailer';
import { addShadowStrength } from '../../src/server/shadow-map/add-shadow-strength';
import { loadMayaRelationships } from './maya-relationships';

const HOUR_MS = 3_600_000;
const quietMailer: Mailer = { send: async () => {} };

// Demo Maya (from src/server/demo) plus a season of growth tools: an EQ goal with mirror feedback,
// a shadow-side map, an artifact library and her relationships (maya-relationships.ts). Used for the
// growth-record round trip and its sample.
export async function loadMayaGrowth(db: Db, auth: Auth, now: Date): Promise<Actor> {
  const maya = demoPeople[0];
  if (!maya) throw new Error('demo Maya is missing');
  await loadDemo(db, auth, new Date(now.getTime() - 24 * HOUR_MS));
  const [row] = await db.select().from(user).where(eq(user.email, maya.email));
  if (!row) throw new Error('demo Maya was not loaded');
  const actor: Actor = { userId: row.id, email: row.email, name: row.name, timeZone: row.timeZone };
  const at = (hours: number) => new Date(now.getTime() + hours * HOUR_MS);
  const context = (hours: number) => ({
    now: at(hours),
    mailer: quietMailer,
    origin: 'http://localhost:3000',
  });

  const goal = await createGoal(
    db,
    actor,
    {
      title: 'Get two peers to describe me as calm under challenge in reviews by June 30',
      category: 'eq',
      targetDate: '2027-06-30',
      motivation: 'My last review said I get sharp when pricing assumptions are questioned.',
      pattern: null,
      sharedWithGuides: 'shared',
      signs: [{ label: 'I pause before answering a challenge' }],
    },
    at(1),
  );
  const answered = await createFeedbackRequest(
    db,
    actor,
    {
      goalId: goal.id,
      question:
        'In Tuesday’s pricing review, did I come across as curious about Lee’s challenge, or defensive?',
      moment: 'Pricing review, Tuesday',
      giverName: 'Jordan',
      giverEmail: 'jordan@example.test',
      // Shared with Sam's mentoring once it exists (below): sharing names one relationship.
      scale: false,
      sharedWithGuide: false,
      relationshipId: null,
    },
    context(2),
  );
  await answerFeedbackRequest(
    db,
    answered.token,
    'Curious at first; when Lee questioned the trial data you spoke faster and cut him off once.',
    null,
    context(5),
  );
  await thankFeedbackGiver(
    db,
    actor,
    answered.request.id,
    'Thank you, Jordan. That is exactly what I needed to see.',
    context(6),
  );
  await createFeedbackRequest(
    db,
    actor,
    {
      goalId: goal.id,
      question: 'In yesterday’s planning, did my summary of the experiment sound confident or hesitant?',
      moment: '',
      giverName: 'Priya',
      giverEmail: null,
      scale: false,
      sharedWithGuide: false,
      relationshipId: null,
    },
    context(7),
  );
  const answer = (await getFeedbackRequest(db, actor, answered.request.id, at(8))).answer;
  await addShadowStrength(
    db,
    actor,
    {
      strength: 'Quick with data',
      overdone: 'Rushing past a challenge instead of hearing it out',
      answerIds: answer ? [answer.id] : [],
    },
    at(8),
  );
  await addShadowStrength(
    db,
    actor,
    { strength: 'Decisive', overdone: 'Closing a debate before others have spoken', answerIds: [] },
    at(9),
  );
  const example = await addArtifact(
    db,
    actor,
    {
      kind: 'exec-update',
      title: 'Monetization weekly update (gold standard)',
      body: 'An update our VP praised for its clarity.',
      source: 'Shared by the head of product, with permission',
      questions: [
        'What changed since last week?',
        'What decision do you need from me?',
        'What is at risk, and what are we doing about it?',
      ],
      tags: ['exec', 'weekly'],
      goalId: null,
    },
    at(10),
  );
  await startDraftFromArtifact(db, actor, example.id, at(11));
  await loadMayaRelationships(db, auth, actor);
  const [mentoring] = await db
    .select({ id: relationships.id })
    .from(relationships)
    .where(and(eq(relationships.memberId, actor.userId), eq(relationships.kind, 'mentoring')));
  if (!mentoring) throw new Error('Maya’s mentoring relationship is missing');
  await updateFeedbackRequest(
    db,
    actor,
    answered.request.id,
    { sharedWithGuide: true, relationshipId: mentoring.id },
    at(12),
  );
  return actor;
}
