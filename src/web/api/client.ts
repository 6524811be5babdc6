import { t } from '@lingui/core/macro';
import { hc } from 'hono/client';
import type { ApiType } from '../../server/app';

// The typed API client: request and response types come from the same zod route definitions that
// validate on the server and produce /api/openapi.json, so the UI cannot drift from the API.
export const api = hc<ApiType>('/api/v1', { init: { credentials: 'same-origin' } });

export type ProblemDetails = {
  code: string;
  detail: string;
  field?: string;
  status: number;
  errors?: { field: string; message: string }[];
};

export class ApiProblem extends Error {
  constructor(readonly problem: ProblemDetails) {
    super(problem.detail);
  }
}

type JsonResponse<T> = { ok: boolean; status: number; json: () => Promise<T> };

// Unwraps a response: the body on success, an ApiProblem carrying the server's sentence otherwise.
export async function unwrap<T>(request: Promise<JsonResponse<T>>): Promise<Exclude<T, ProblemDetails>> {
  const response = await request;
  const body = (await response.json()) as unknown;
  if (!response.ok) {
    const problem = body as Partial<ProblemDetails>;
    throw new ApiProblem({
      code: problem.code ?? 'error',
      detail: problem.detail ?? t`The request failed (${response.status}).`,
      field: problem.field,
      status: response.status,
      errors: problem.errors,
    });
  }
  return body as Exclude<T, ProblemDetails>;
}
