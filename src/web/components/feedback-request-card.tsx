import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { growthKeys } from '../api/growth-queries';
import { formatDate } from '../format';
import { ProblemAlert } from './problem-alert';
import { ShareWithGuide, useGuideChoices } from './share-with-guide';

type FeedbackRequest = {
  id: string;
  goalTitle: string;
  question: string;
  moment: string;
  giverName: string;
  status: 'waiting' | 'answered' | 'expired';
  expiresAt: string;
  sharedWithGuide: boolean;
  sharedRelationshipId: string | null;
  answer: { text: string; rating: number | null; createdAt: string } | null;
  round360: 'before' | 'after' | null;
  thankedAt: string | null;
  thankYouNote: string | null;
  createdAt: string;
};

const statusLabels = { waiting: 'Waiting', answered: 'Answered', expired: 'Link expired' } as const;
const statusColors = { waiting: 'gray', answered: 'teal', expired: 'orange' } as const;

export function FeedbackRequestCard({ request }: { request: FeedbackRequest }) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const guides = useGuideChoices();
  const refresh = () => queryClient.invalidateQueries({ queryKey: growthKeys.feedbackRequests });
  const thank = useMutation({
    mutationFn: () =>
      unwrap(
        api['feedback-requests'][':requestId'].thanks.$post({
          param: { requestId: request.id },
          json: { note },
        }),
      ),
    onSuccess: refresh,
  });
  const share = useMutation({
    mutationFn: (relationshipId: string | null) =>
      unwrap(
        api['feedback-requests'][':requestId'].$patch({
          param: { requestId: request.id },
          json: { sharedWithGuide: relationshipId !== null, relationshipId },
        }),
      ),
    onSuccess: refresh,
  });
  const headingId = `request-${request.id}`;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start">
        <Title order={3} size="h5" id={headingId}>
          {request.giverName}
          {request.moment ? ` · ${request.moment}` : ''}
        </Title>
        <Group gap="xs">
          {request.round360 && (
            <Badge variant="outline">{request.round360 === 'before' ? t`360: before` : t`360: after`}</Badge>
          )}
          <Badge variant="light" color={statusColors[request.status]}>
            {statusLabels[request.status]}
          </Badge>
        </Group>
      </Group>
      <Text size="sm" mt={4}>
        “{request.question}”
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        <Trans>
          For: {request.goalTitle} · asked {formatDate(request.createdAt)}
        </Trans>
        {request.status === 'waiting' ? t` · link open until ${formatDate(request.expiresAt)}` : ''}
      </Text>
      {request.answer && (
        <Stack gap="xs" mt="sm">
          <Text size="sm" fw={600}>
            <Trans>
              {request.giverName}’s answer ({formatDate(request.answer.createdAt)})
            </Trans>
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {request.answer.text}
          </Text>
          {request.answer.rating !== null && (
            <Text size="sm">
              <Trans>Rating: {request.answer.rating} of 5</Trans>
            </Text>
          )}
          {request.thankedAt ? (
            <Text size="sm" c="teal.9">
              <Trans>
                You thanked {request.giverName} on {formatDate(request.thankedAt)}: “{request.thankYouNote}”
              </Trans>
            </Text>
          ) : (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                thank.mutate();
              }}
            >
              <Stack gap="xs">
                <Alert color="blue" title={t`Thank them first`}>
                  <Trans>
                    Whatever the answer says, thank {request.giverName} for being honest. Take it in; don’t
                    explain or defend. People who are thanked tell you the truth again.
                  </Trans>
                </Alert>
                <Textarea
                  label={t`Your thank-you to ${request.giverName}`}
                  autosize
                  minRows={2}
                  value={note}
                  onChange={(e) => setNote(e.currentTarget.value)}
                />
                <ProblemAlert error={thank.error} />
                <Button type="submit" size="xs" w="fit-content" loading={thank.isPending}>
                  <Trans>Log my thank-you</Trans>
                </Button>
              </Stack>
            </form>
          )}
        </Stack>
      )}
      <ShareWithGuide
        choices={guides.choices}
        value={request.sharedWithGuide ? request.sharedRelationshipId : null}
        onChange={(relationshipId) => share.mutate(relationshipId)}
        variant="sent"
        disabled={share.isPending}
      />
      <ProblemAlert error={share.error} />
    </Card>
  );
}
