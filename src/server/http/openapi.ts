import { OpenAPIHono, type z } from '@hono/zod-openapi';
import type { AppEnv } from './app-env';
import { problemResponse, problemSchema, validationProblem } from './problem';

// Shared pieces of every route definition, so each routes.ts stays a list of thin handlers.
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { content: { 'application/json': { schema } }, required: true } };
}

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

const problem = (description: string) => ({
  content: { 'application/problem+json': { schema: problemSchema } },
  description,
});

export const problemResponses = {
  401: problem('Not signed in'),
  404: problem('No such record, or not yours'),
  422: problem('The input is not valid; the problem names the field'),
} as const;

export const conflictResponse = {
  409: problem('The record changed or is in a state that does not allow this'),
} as const;

// Validation failures become a 422 problem naming the field instead of zod's raw output.
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return problemResponse(c, validationProblem(result.error, result.target));
    },
  });
}
