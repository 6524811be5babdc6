import { eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Actor } from '../auth/actor';
import type { Auth } from '../auth/auth';
import type { Db } from '../db/client';
import { user } from '../db/schema';
import { addCheckIn } from '../goals/add-check-in';
import { createGoal } from '../goals/create-goal';
import { takeReadinessCheck } from '../readiness/readiness-results';
import { dateIn } from '../time';
import { DEMO_PASSWORD, type DemoPerson, demoPeople } from './demo-people';

const DAY_MS = 86_400_000;

export type DemoReport = { created: string[]; skipped: string[]; password: string };

// Loads the demo cast through the same operations the API uses, back-dating check-ins so charts have
// a history. Running it twice is harmless: people who already exist are left alone.
export async function loadDemo(db: Db, auth: Auth, now: Date): Promise<DemoReport> {
  const report: DemoReport = { created: [], skipped: [], password: DEMO_PASSWORD };
  for (const person of demoPeople) {
    const [existing] = await db.select({ id: user.id }).from(user).where(eq(user.email, person.email));
    if (existing) {
      report.skipped.push(person.email);
      continue;
    }
    await loadPerson(db, auth, person, now);
    report.created.push(person.email);
  }
  return report;
}

async function loadPerson(db: Db, auth: Auth, person: DemoPerson, now: Date): Promise<void> {
  const signUp = await auth.api.signUpEmail({
    body: { name: person.name, email: person.email, password: DEMO_PASSWORD, timeZone: person.timeZone },
  });
  const actor: Actor = {
    userId: signUp.user.id,
    email: person.email,
    name: person.name,
    timeZone: person.timeZone,
  };
  await takeReadinessCheck(db, actor, person.readiness, new Date(now.getTime() - 60 * DAY_MS));
  for (const goal of person.goals) {
    const setAt = new Date(now.getTime() - 50 * DAY_MS);
    const targetDate =
      goal.monthsOut === null
        ? null
        : Temporal.PlainDate.from(dateIn(setAt, person.timeZone)).add({ months: goal.monthsOut }).toString();
    const created = await createGoal(
      db,
      actor,
      {
        title: goal.title,
        category: goal.category,
        targetDate,
        motivation: goal.motivation,
        pattern: null,
        sharedWithGuides: 'shared',
        signs: goal.signs.map((label) => ({ label })),
      },
      setAt,
    );
    for (const checkIn of goal.checkIns) {
      const ratings = created.signs.flatMap((sign, index) => {
        const score = checkIn.scores[index];
        return score === undefined ? [] : [{ signId: sign.id, score }];
      });
      await addCheckIn(
        db,
        actor,
        created.id,
        { note: checkIn.note, ratings },
        new Date(now.getTime() - checkIn.daysAgo * DAY_MS),
      );
    }
  }
}
