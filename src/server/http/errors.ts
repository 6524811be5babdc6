import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { isDatabaseUnavailable } from '../db/database-unavailable';
import { Problem, problemResponse, validationProblem } from './problem';

/** How long a client should wait before retrying while the database is out of reach. */
export const RETRY_AFTER_SECONDS = 5;

export function databaseUnavailableProblem(): Problem {
  return new Problem(
    503,
    'database-unavailable',
    'The database cannot be reached at the moment. Please try again in a few seconds.',
  );
}

/** The same 503 outside Hono (better-auth's handler answers with a bare Response). */
export function databaseUnavailableResponse(): Response {
  return new Response(JSON.stringify(databaseUnavailableProblem().toBody()), {
    status: 503,
    headers: { 'content-type': 'application/problem+json', 'retry-after': String(RETRY_AFTER_SECONDS) },
  });
}

// The app's last line of defence: known problems keep their status, malformed JSON becomes a 400, and
// a database out of reach is a 503 the client may retry, and anything unexpected is logged and answered
// as a plain 500 without internals.
export function handleError(error: Error, c: Context): Response {
  if (error instanceof Problem) {
    if (error.status === 503) c.header('retry-after', String(RETRY_AFTER_SECONDS));
    return problemResponse(c, error);
  }
  if (isDatabaseUnavailable(error)) {
    // Drizzle's message carries the query and its parameters, so only the route is logged.
    console.error(`${c.req.method} ${c.req.path}: answered 503, the database is unavailable`);
    c.header('retry-after', String(RETRY_AFTER_SECONDS));
    return problemResponse(c, databaseUnavailableProblem());
  }
  if (error instanceof z.ZodError) return problemResponse(c, validationProblem(error, 'body'));
  if (error instanceof HTTPException) {
    const status = error.status;
    if (status === 400 && /json/i.test(error.message)) {
      return problemResponse(c, new Problem(400, 'malformed-json', 'The request body is not valid JSON.'));
    }
    return problemResponse(c, new Problem(status, 'http-error', error.message || 'Request failed.'));
  }
  console.error(error);
  return problemResponse(
    c,
    new Problem(500, 'internal', 'Something went wrong on our side. Please try again.'),
  );
}

export function handleNotFound(c: Context): Response {
  return problemResponse(c, new Problem(404, 'no-route', `There is no ${c.req.method} ${c.req.path}.`));
}
