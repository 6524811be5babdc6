import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { CenteredLoader } from '../components/centered-loader';
import { ProblemAlert } from '../components/problem-alert';
import { formatDate } from '../format';
import { nextStepFor } from './readiness-next-step';

export function ReadinessResultPage() {
  const { resultId = '' } = useParams();
  const result = useQuery({
    queryKey: ['readiness-result', resultId],
    queryFn: () => unwrap(api.readiness.results[':resultId'].$get({ param: { resultId } })),
  });
  if (result.isPending) return <CenteredLoader label={t`Loading your result`} />;
  if (result.error) return <ProblemAlert error={result.error} title={t`Could not load this result`} />;
  const { recommendations, summary, createdAt } = result.data;
  return (
    <Stack maw={760}>
      <Title order={1}>
        <Trans>What fits you now</Trans>
      </Title>
      <Text size="sm" c="dimmed">
        <Trans>Taken {formatDate(createdAt)}</Trans>
      </Text>
      <Text size="lg">{summary}</Text>
      {recommendations.map((recommendation) => (
        <Card
          key={recommendation.kind}
          withBorder
          padding="lg"
          component="section"
          aria-labelledby={`rec-${recommendation.kind}`}
          style={
            recommendation.kind === 'professional-support'
              ? { borderColor: 'var(--mantine-color-red-8)' }
              : undefined
          }
        >
          <Group justify="space-between" align="flex-start">
            <Title order={2} size="h3" id={`rec-${recommendation.kind}`}>
              {recommendation.headline}
            </Title>
            <Badge color={recommendation.fit === 'primary' ? 'indigo' : 'gray'} variant="light">
              {recommendation.fit === 'primary' ? t`Best fit` : t`Also worth it`}
            </Badge>
          </Group>
          <Text mt="sm">{recommendation.explanation}</Text>
          <Title order={3} size="h5" mt="md">
            <Trans>Why we suggest this</Trans>
          </Title>
          <List size="sm" spacing={4} mt={4}>
            {recommendation.reasons.map((reason) => (
              <List.Item key={`${reason.questionId}-${reason.why}`}>
                <Trans>
                  You answered <strong>“{reason.answer}”</strong>: {reason.why}
                </Trans>
              </List.Item>
            ))}
          </List>
          <NextStepButton kind={recommendation.kind} primary={recommendation.fit === 'primary'} />
        </Card>
      ))}
      <Group>
        <Button component={Link} to="/goals/new" variant="light">
          <Trans>Set a goal</Trans>
        </Button>
        <Trans>
          <Anchor component={Link} to="/readiness">
            Retake the check
          </Anchor>
        </Trans>
      </Group>
    </Stack>
  );
}

function NextStepButton({ kind, primary }: { kind: Parameters<typeof nextStepFor>[0]; primary: boolean }) {
  const step = nextStepFor(kind);
  if (!step) return null;
  return (
    <Button component={Link} to={step.to} mt="md" variant={primary ? 'filled' : 'light'}>
      {step.label}
    </Button>
  );
}
