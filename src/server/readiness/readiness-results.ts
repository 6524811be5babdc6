import { and, desc, eq, sql } from 'drizzle-orm';
import type { ReadinessAnswers } from '../../domain/readiness/readiness-answers';
import { recommendHelp } from '../../domain/readiness/recommend-help';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { preparedPerDb } from '../db/prepared';
import { readinessResults } from '../db/schema';
import { notFound } from '../http/problem';
import { type ReadinessResultView, readinessResultSchema } from './schemas';

type ResultRow = typeof readinessResults.$inferSelect;

// The recommendation is stored as computed, so an earlier result reads the same after the rules evolve.
export async function takeReadinessCheck(
  db: Db,
  actor: Actor,
  answers: ReadinessAnswers,
  now: Date,
): Promise<ReadinessResultView> {
  const result = recommendHelp(answers);
  const [row] = await db
    .insert(readinessResults)
    .values({ userId: actor.userId, answers, result, createdAt: now })
    .returning();
  if (!row) throw new Error('insert returned no readiness result');
  return presentResult(row);
}

const myResults = preparedPerDb((db) =>
  db
    .select()
    .from(readinessResults)
    .where(eq(readinessResults.userId, sql.placeholder('userId')))
    .orderBy(desc(readinessResults.createdAt))
    .prepare('list_readiness_results'),
);

export async function listReadinessResults(db: Db, actor: Actor): Promise<ReadinessResultView[]> {
  const rows = await myResults(db).execute({ userId: actor.userId });
  return rows.map(presentResult);
}

export async function getReadinessResult(
  db: Db,
  actor: Actor,
  resultId: string,
): Promise<ReadinessResultView> {
  const [row] = await db
    .select()
    .from(readinessResults)
    .where(and(eq(readinessResults.id, resultId), eq(readinessResults.userId, actor.userId)));
  if (!row) throw notFound('readiness result');
  return presentResult(row);
}

// Built once: deriving a zod schema (pick) on every row was a measurable share of a list's CPU.
const storedResultSchema = readinessResultSchema.pick({ recommendations: true, summary: true });
const storedAnswersSchema = readinessResultSchema.shape.answers;

function presentResult(row: ResultRow): ReadinessResultView {
  const stored = storedResultSchema.parse(row.result);
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    answers: storedAnswersSchema.parse(row.answers),
    ...stored,
  };
}
