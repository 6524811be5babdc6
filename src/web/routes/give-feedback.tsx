import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Alert, Button, Card, Container, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiProblem, api, unwrap } from '../api/client';
import { CenteredLoader } from '../components/centered-loader';
import { ProblemAlert } from '../components/problem-alert';
import { formatDate } from '../format';

// The giver's page: no account, no navigation, nothing about the member beyond their name and the
// one question. A used, expired or unknown link gets a plain sentence.
export function GiveFeedbackPage() {
  const token = useParams().token ?? '';
  const [answer, setAnswer] = useState('');
  const [rating, setRating] = useState<string | null>(null);
  const request = useQuery({
    queryKey: ['public-feedback', token],
    queryFn: () => unwrap(api.public.feedback[':token'].$get({ param: { token } })),
  });
  const send = useMutation({
    mutationFn: () =>
      unwrap(
        api.public.feedback[':token'].$post({
          param: { token },
          json: { answer, rating: rating ? Number(rating) : null },
        }),
      ),
  });

  return (
    <Container size="sm" py="xl" component="main">
      {request.isPending && <CenteredLoader label={t`Loading the question`} />}
      {request.error && <ClosedLink error={request.error} />}
      {send.isSuccess && request.data && (
        <Stack>
          <Title order={1}>
            <Trans>Thank you</Trans>
          </Title>
          <Text>
            <Trans>Your answer is on its way to {request.data.memberName}. You can close this page.</Trans>
          </Text>
        </Stack>
      )}
      {request.data && !send.isSuccess && (
        <Stack>
          <Title order={1}>
            <Trans>{request.data.memberName} would value your view</Trans>
          </Title>
          <Text>
            <Trans>
              Hello {request.data.giverName}. {request.data.memberName} is working on how they come across and
              asked you one question. An honest answer helps more than a kind one; a few sentences are plenty.
            </Trans>
          </Text>
          <Card withBorder padding="md" component="section" aria-labelledby="the-question">
            <Title order={2} size="h4" id="the-question">
              <Trans>The question</Trans>
            </Title>
            {request.data.moment && (
              <Text size="sm" mt={4}>
                <Trans>About: {request.data.moment}</Trans>
              </Text>
            )}
            <Text mt="xs" fw={600}>
              {request.data.question}
            </Text>
          </Card>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              send.mutate();
            }}
          >
            <Stack>
              {request.data.scale && (
                <Radio.Group
                  label={t`Your rating, from 1 (not at all) to 5 (very much)`}
                  required
                  value={rating}
                  onChange={setRating}
                >
                  <Group mt="xs">
                    {['1', '2', '3', '4', '5'].map((value) => (
                      <Radio key={value} value={value} label={value} />
                    ))}
                  </Group>
                </Radio.Group>
              )}
              <Textarea
                label={t`Your answer`}
                required
                autosize
                minRows={4}
                value={answer}
                onChange={(e) => setAnswer(e.currentTarget.value)}
              />
              <Text size="sm" c="dimmed">
                <Trans>
                  This link takes one answer and closes on {formatDate(request.data.expiresAt)}. No account
                  needed.
                </Trans>
              </Text>
              <ProblemAlert error={send.error} />
              <Button type="submit" loading={send.isPending} w="fit-content">
                <Trans>Send my answer</Trans>
              </Button>
            </Stack>
          </form>
        </Stack>
      )}
    </Container>
  );
}

const closedTitles = (): Record<string, string> => ({
  'link-used': t`This question has been answered`,
  'link-expired': t`This link has expired`,
  'link-unknown': t`This link does not work`,
  'rate-limited': t`Please wait a moment`,
});

function ClosedLink({ error }: { error: unknown }) {
  if (!(error instanceof ApiProblem)) return <ProblemAlert error={error} />;
  return (
    <Stack>
      <Title order={1}>{closedTitles()[error.problem.code] ?? t`This link cannot be used`}</Title>
      <Alert color="gray" role="status">
        {error.problem.detail}
      </Alert>
    </Stack>
  );
}
