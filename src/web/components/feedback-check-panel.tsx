import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Alert, List, Text } from '@mantine/core';
import type { FeedbackQuestionCheck } from '../../domain/feedback/check-feedback-question';

// The feedback-question checker's verdict while the member types: why a question will get a polite
// non-answer, and how to ask instead.
export function FeedbackCheckPanel({ check }: { check: FeedbackQuestionCheck }) {
  if (check.ok) {
    return (
      <Alert color="teal" title={t`A question they can answer honestly`} aria-live="polite">
        <Trans>One moment, one question, about how you came across.</Trans>
      </Alert>
    );
  }
  return (
    <Alert
      color="orange"
      title={t`This question could be sharper`}
      aria-live="polite"
      data-testid="feedback-check"
    >
      <List spacing="xs" size="sm">
        {check.issues.map((issue) => (
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
    </Alert>
  );
}
