import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { CenteredLoader } from '../components/centered-loader';
import { JournalForm } from '../components/journal-form';
import { ProblemAlert } from '../components/problem-alert';
import { formatDate } from '../format';

// Everything I wrote, across relationships. Decisions whose 30- or 90-day question is due come first,
// so "what actually happened?" is answered while it is still fresh.
export function JournalPage() {
  const queryClient = useQueryClient();
  const journal = useQuery({ queryKey: ['journal'], queryFn: () => unwrap(api.journal.$get({ query: {} })) });
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const answer = useMutation({
    mutationFn: ({ id, afterDays }: { id: string; afterDays: number }) =>
      unwrap(
        api.journal[':entryId']['follow-ups'].$post({
          param: { entryId: id },
          json: { afterDays, answer: answers[id] ?? '' },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['journal'] }),
  });
  if (journal.isPending) return <CenteredLoader label={t`Loading your journal`} />;
  if (journal.error) return <ProblemAlert error={journal.error} title={t`Could not load your journal`} />;
  const entries = journal.data.entries;
  const due = entries.filter((entry) => entry.dueFollowUps.length > 0);
  return (
    <Stack maw={860}>
      <Title order={1}>
        <Trans>Journal</Trans>
      </Title>
      <Text>
        <Trans>
          Self-coaching starts here: write on your own, with a question to start from, or record a decision
          and look back on it after 30 and 90 days. Entries are private; inside a relationship you can share
          one with your guide.
        </Trans>
      </Text>
      {due.length > 0 && (
        <Card withBorder component="section" aria-labelledby="due-title">
          <Stack>
            <Title order={2} size="h3" id="due-title">
              <Trans>Decisions to look back on</Trans>
            </Title>
            {due.map((entry) =>
              entry.dueFollowUps.map((followUp) => (
                <Stack key={`${entry.id}-${followUp.afterDays}`} gap="xs">
                  <Text fw={600}>{entry.decision?.decision}</Text>
                  <Text size="sm">
                    <Trans>You expected: {entry.decision?.expectation}</Trans>
                  </Text>
                  <Textarea
                    label={followUp.question}
                    value={answers[entry.id] ?? ''}
                    onChange={(e) => setAnswers({ ...answers, [entry.id]: e.currentTarget.value })}
                  />
                  <Button
                    variant="light"
                    onClick={() => answer.mutate({ id: entry.id, afterDays: followUp.afterDays })}
                  >
                    <Trans>Save what happened</Trans>
                  </Button>
                </Stack>
              )),
            )}
            <ProblemAlert error={answer.error} />
          </Stack>
        </Card>
      )}
      <Card withBorder component="section">
        <JournalForm relationshipId={null} />
      </Card>
      {entries.length === 0 && (
        <Alert color="gray" title={t`Nothing written yet`}>
          <Trans>Write your first entry above; a self-coaching question helps you start.</Trans>
        </Alert>
      )}
      <Stack component="ul" p={0} style={{ listStyle: 'none' }} aria-label={t`Journal entries`}>
        {entries.map((entry) => (
          <Card key={entry.id} withBorder component="li">
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {formatDate(entry.createdAt)}
              </Text>
              <Badge variant="light" color={entry.sharedWithGuide ? 'teal' : 'gray'}>
                {entry.sharedWithGuide ? t`shared` : t`private`}
              </Badge>
              {entry.kind === 'decision' && (
                <Badge variant="light">
                  <Trans>decision</Trans>
                </Badge>
              )}
            </Group>
            {entry.promptText && (
              <Text size="sm" fs="italic">
                {entry.promptText}
              </Text>
            )}
            <Text style={{ whiteSpace: 'pre-wrap' }}>
              {entry.decision
                ? [
                    entry.decision.decision,
                    t`Options: ${entry.decision.options}`,
                    t`I expect: ${entry.decision.expectation}`,
                  ].join('\n')
                : entry.body}
            </Text>
            {entry.followUpAnswers.map((a) => (
              <Text key={a.afterDays} size="sm">
                <Trans>
                  After {a.afterDays} days: {a.answer}
                </Trans>
              </Text>
            ))}
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
