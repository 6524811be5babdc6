import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Alert, List, Stack, Text } from '@mantine/core';
import type { GoalCheck } from '../../domain/goals/check-goal';

// The goal checker's verdict in plain words: what is missing, why it matters, and a pattern to rewrite it.
export function GoalCheckPanel({ check, live = false }: { check: GoalCheck; live?: boolean }) {
  const problems = check.issues.filter((issue) => issue.severity === 'problem');
  const hints = check.issues.filter((issue) => issue.severity === 'hint');
  if (check.ok && hints.length === 0) {
    return (
      <Alert color="teal" title={t`This reads like a concrete goal`} aria-live={live ? 'polite' : undefined}>
        <Trans>A result you can measure and a date to aim for: exactly what makes progress visible.</Trans>
      </Alert>
    );
  }
  return (
    <Alert
      color={check.ok ? 'blue' : 'orange'}
      title={check.ok ? t`Nearly there` : t`This goal could be sharper`}
      aria-live={live ? 'polite' : undefined}
      data-testid="goal-check"
    >
      <Stack gap="xs">
        <List spacing="xs" size="sm">
          {[...problems, ...hints].map((issue) => (
            <List.Item key={issue.code}>
              <Text size="sm" fw={600} span>
                {issue.message}
              </Text>{' '}
              <Text size="sm" span>
                {issue.suggestion}
              </Text>
            </List.Item>
          ))}
        </List>
        <Text size="sm">
          <Trans>
            <strong>Try this pattern:</strong> {check.rewritePattern}
          </Trans>
        </Text>
        <Text size="sm">
          <Trans>
            <strong>For example:</strong> “{check.example}”
          </Trans>
        </Text>
      </Stack>
    </Alert>
  );
}
