import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Card, Stack, Text, Title } from '@mantine/core';
import { useFeedbackRequests } from '../api/growth-queries';
import { CenteredLoader } from '../components/centered-loader';
import { Feedback360Panel } from '../components/feedback-360-panel';
import { FeedbackRequestCard } from '../components/feedback-request-card';
import { NewFeedbackRequest } from '../components/new-feedback-request';
import { ProblemAlert } from '../components/problem-alert';

export function FeedbackRequestsPage() {
  const requests = useFeedbackRequests();
  return (
    <Stack maw={860}>
      <Title order={1}>
        <Trans>Mirror feedback</Trans>
      </Title>
      <Text>
        <Trans>
          You can’t see how you come across; the people around you can. Ask one of them about one moment, then
          thank them for the answer.
        </Trans>
      </Text>
      <NewFeedbackRequest />
      <Feedback360Panel />
      <Title order={2} size="h3">
        <Trans>Your requests</Trans>
      </Title>
      {requests.isPending && <CenteredLoader label={t`Loading requests`} />}
      <ProblemAlert error={requests.error} />
      {requests.data && requests.data.requests.length === 0 && (
        <Card withBorder padding="md">
          <Text>
            <Trans>
              No requests yet. Your first answer will appear here, with a reminder to thank the giver.
            </Trans>
          </Text>
        </Card>
      )}
      {requests.data?.requests.map((request) => (
        <FeedbackRequestCard key={request.id} request={request} />
      ))}
    </Stack>
  );
}
