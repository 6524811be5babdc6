import { t } from '@lingui/core/macro';
import { Alert } from '@mantine/core';
import { ApiProblem } from '../api/client';

// Shows the server's own sentence for a failed request, announced to screen readers.
export function ProblemAlert({ error, title = t`That did not work` }: { error: unknown; title?: string }) {
  if (!error) return null;
  const message =
    error instanceof ApiProblem
      ? error.problem.detail
      : error instanceof Error
        ? error.message
        : String(error);
  return (
    <Alert color="red" title={title} role="alert">
      {message}
    </Alert>
  );
}
