import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { Problem, problemResponse, validationProblem } from './problem';

// The app's last line of defence: known problems keep their status, malformed JSON becomes a 400, and
// anything unexpected is logged and answered as a plain 500 without internals.
export function handleError(error: Error, c: Context): Response {
  if (error instanceof Problem) return problemResponse(c, error);
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
