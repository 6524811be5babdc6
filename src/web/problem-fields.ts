import { ApiProblem } from './api/client';

// The server names the field that was wrong: a validation 422 lists every field in `errors`, an operation's
// 422 names one `field` with its sentence. Forms show each message under its own input.
export function problemFields(error: unknown): Record<string, string> {
  if (!(error instanceof ApiProblem)) return {};
  const fields: Record<string, string> = {};
  for (const item of error.problem.errors ?? []) fields[item.field] ??= item.message;
  if (error.problem.field && !(error.problem.field in fields)) {
    fields[error.problem.field] = error.problem.detail;
  }
  return fields;
}

/** True when the error names none of a form's own fields, so the form must show it as a whole. */
export function namesNoneOf(error: unknown, known: readonly string[]): boolean {
  if (!error) return false;
  const named = Object.keys(problemFields(error));
  return !named.some((field) => known.some((k) => field === k || field.startsWith(`${k}.`)));
}
