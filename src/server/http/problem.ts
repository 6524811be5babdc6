import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

// Every error leaves the API as application/problem+json (RFC 9457) with a stable `code` a client can
// branch on, the `field` that was wrong when there is one, and a sentence a person understands.
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    field: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

export type ProblemBody = z.infer<typeof problemSchema>;

export class Problem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly detail: string,
    readonly field?: string,
    readonly errors?: { field: string; message: string }[],
  ) {
    super(detail);
  }

  toBody(): ProblemBody {
    return {
      type: `/problems/${this.code}`,
      title: titles[this.status] ?? 'Request failed',
      status: this.status,
      code: this.code,
      detail: this.detail,
      ...(this.field ? { field: this.field } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

const titles: Partial<Record<number, string>> = {
  400: 'Bad request',
  401: 'Sign-in needed',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'Too large',
  415: 'Unsupported content type',
  422: 'Cannot be processed',
  429: 'Too many requests',
  500: 'Something went wrong on our side',
  503: 'Temporarily unavailable',
};

// Someone else's record answers exactly like a missing one, so ids reveal nothing.
export const notFound = (what: string) => new Problem(404, 'not-found', `No ${what} with that id.`);
export const unauthenticated = () => new Problem(401, 'unauthenticated', 'Sign in to do this.');

export function problemResponse(c: Context, problem: Problem): Response {
  return c.body(JSON.stringify(problem.toBody()), problem.status, {
    'content-type': 'application/problem+json',
  });
}

export function validationProblem(error: z.ZodError, where: 'body' | 'query' | 'path' | string): Problem {
  const errors = error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : where,
    message: issue.message,
  }));
  const first = errors[0] ?? { field: where, message: 'is not valid' };
  const detail =
    errors.length === 1
      ? `${first.field}: ${first.message}`
      : `${errors.length} problems: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`;
  return new Problem(422, 'invalid-input', detail, first.field, errors);
}
