import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Button, Card, Group, List, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { growthKeys, useFeedbackRequests } from '../api/growth-queries';
import { useRelationships } from '../api/relationship-queries';
import { ProblemAlert } from './problem-alert';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

// Before/after 360, for the member only: mark requests as the "before" of a relationship, ask the same
// people again near its end, and see the change per question.
export function Feedback360Panel() {
  const relationships = useRelationships();
  const mine = (relationships.data?.relationships ?? []).filter(
    (r) => r.myRole === 'member' && (r.status === 'active' || r.status === 'closed'),
  );
  if (mine.length === 0) return null;
  return (
    <Stack>
      <Title order={2} size="h3">
        <Trans>Before and after (360)</Trans>
      </Title>
      <Text>
        <Trans>
          At the start of a relationship, mark your requests as its “before”. Near the end, ask the same
          people the same questions again and see what changed. Only you see these answers.
        </Trans>
      </Text>
      {mine.map((r) => (
        <Relationship360 key={r.id} relationshipId={r.id} name={r.other?.name ?? r.inviteeEmail} />
      ))}
    </Stack>
  );
}

function Relationship360({ relationshipId, name }: { relationshipId: string; name: string }) {
  const queryClient = useQueryClient();
  const requests = useFeedbackRequests();
  const [picked, setPicked] = useState<string | null>(null);
  const change = useQuery({
    queryKey: ['feedback-360', relationshipId],
    queryFn: () =>
      unwrap(api.relationships[':relationshipId']['feedback-360'].$get({ param: { relationshipId } })),
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['feedback-360', relationshipId] });
    await queryClient.invalidateQueries({ queryKey: growthKeys.feedbackRequests });
  };
  const mark = useMutation({
    mutationFn: (requestId: string) =>
      unwrap(
        api['feedback-requests'][':requestId'].before.$post({
          param: { requestId },
          json: { relationshipId },
        }),
      ),
    onSuccess: async () => {
      setPicked(null);
      await refresh();
    },
  });
  const askAgain = useMutation({
    mutationFn: async (requestIds: string[]) => {
      for (const requestId of requestIds) {
        await unwrap(api['feedback-requests'][':requestId'].after.$post({ param: { requestId } }));
      }
    },
    onSuccess: refresh,
  });
  const unmarked = (requests.data?.requests ?? []).filter((r) => r.round360 === null);
  const waitingForAfter = (change.data?.beforeRequests ?? []).filter((b) => b.afterRequestId === null);
  const headingId = `rel-360-${relationshipId}`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId}>
        <Trans>With {name}</Trans>
      </Title>
      <Group mt="xs" align="flex-end">
        <Select
          label={t`Mark a request as a “before”`}
          placeholder={t`Pick one of your requests`}
          data={unmarked.map((r) => ({ value: r.id, label: `${r.giverName}: ${r.question}` }))}
          value={picked}
          onChange={setPicked}
          w={420}
        />
        <Button disabled={!picked} loading={mark.isPending} onClick={() => picked && mark.mutate(picked)}>
          <Trans>Mark as before</Trans>
        </Button>
      </Group>
      {waitingForAfter.length > 0 && (
        <Button
          mt="sm"
          w="fit-content"
          variant="light"
          loading={askAgain.isPending}
          onClick={() => askAgain.mutate(waitingForAfter.map((b) => b.id))}
        >
          <Trans>Ask the same people again ({waitingForAfter.length})</Trans>
        </Button>
      )}
      <ProblemAlert error={mark.error ?? askAgain.error ?? change.error} />
      {change.data && change.data.questions.length > 0 && (
        <Table mt="sm" aria-label={t`Before and after with ${name}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <Trans>Question</Trans>
              </Table.Th>
              <Table.Th>
                <Trans>Before</Trans>
              </Table.Th>
              <Table.Th>
                <Trans>After</Trans>
              </Table.Th>
              <Table.Th>
                <Trans>Change</Trans>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {change.data.questions.map((q) => (
              <Table.Tr key={q.question}>
                <Table.Td>{q.question}</Table.Td>
                {[q.before, q.after].map((round, i) => (
                  <Table.Td key={i === 0 ? 'before' : 'after'}>
                    {q.scale && round.mean !== null && (
                      <Text fw={600}>
                        <Trans>{round.mean} of 5</Trans>
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      <Trans>
                        {round.answered} of {round.asked} answered
                      </Trans>
                    </Text>
                    {!q.scale && (
                      <List size="sm">
                        {round.texts.map((text) => (
                          <List.Item key={text}>{text}</List.Item>
                        ))}
                      </List>
                    )}
                  </Table.Td>
                ))}
                <Table.Td>{q.difference === null ? '—' : signed(q.difference)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
