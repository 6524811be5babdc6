import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Anchor, Badge, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { type RelationshipDetail, useSharedFeedback } from '../../api/relationship-queries';
import { formatDate } from '../../format';
import { ProblemAlert } from '../problem-alert';

// Mirror feedback the member chose to share with the guide (PRODUCT.md §3). The member sees exactly what
// the guide sees, and manages sharing on the feedback page.
export function SharedFeedbackPanel({ rel }: { rel: RelationshipDetail }) {
  const shared = useSharedFeedback(rel.id);
  const isMember = rel.myRole === 'member';
  const requests = shared.data?.requests ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="shared-feedback-title">
      <Stack>
        <Title order={2} size="h3" id="shared-feedback-title">
          <Trans>Shared feedback</Trans>
        </Title>
        <Text size="sm">
          {isMember ? (
            <Trans>
              Feedback requests you share with your guide, with their answers. Choose what to share on the{' '}
              <Anchor component={Link} to="/feedback-requests">
                feedback page
              </Anchor>
              .
            </Trans>
          ) : (
            t`Feedback ${rel.member?.name ?? t`the member`} chose to share with you.`
          )}
        </Text>
        <ProblemAlert error={shared.error} />
        {shared.data && requests.length === 0 && (
          <Text c="dimmed">{isMember ? t`You share no feedback yet.` : t`Nothing shared with you yet.`}</Text>
        )}
        <Stack component="ul" p={0} gap="sm" style={{ listStyle: 'none' }} aria-label={t`Shared feedback`}>
          {requests.map((request) => (
            <Paper key={request.id} component="li" withBorder p="sm">
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  <Trans>
                    Asked {request.giverName} on {formatDate(request.createdAt)}
                  </Trans>
                </Text>
                <Badge variant="light" color={request.status === 'answered' ? 'indigo' : 'gray'}>
                  {request.status}
                </Badge>
              </Group>
              {request.goalTitle && (
                <Text size="sm">
                  <Trans>For the goal “{request.goalTitle}”</Trans>
                </Text>
              )}
              <Text fw={600}>{request.question}</Text>
              {request.answer ? (
                <Text style={{ whiteSpace: 'pre-wrap' }}>{request.answer.text}</Text>
              ) : (
                <Text size="sm" c="dimmed">
                  <Trans>No answer yet.</Trans>
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
