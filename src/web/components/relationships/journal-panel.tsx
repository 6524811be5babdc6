import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { type RelationshipDetail, useRelationshipJournal } from '../../api/relationship-queries';
import { formatDate } from '../../format';
import { JournalForm } from '../journal-form';
import { ProblemAlert } from '../problem-alert';
import { useRelMutation } from './use-rel-mutation';

export function JournalPanel({ rel }: { rel: RelationshipDetail }) {
  const journal = useRelationshipJournal(rel.id);
  const isMember = rel.myRole === 'member';
  const answer = useRelMutation(
    rel.id,
    ({ id, afterDays, text }: { id: string; afterDays: number; text: string }) =>
      unwrap(
        api.journal[':entryId']['follow-ups'].$post({
          param: { entryId: id },
          json: { afterDays, answer: text },
        }),
      ),
  );
  const toggle = useRelMutation(
    rel.id,
    ({ id, change }: { id: string; change: { sharedWithGuide?: boolean; pinnedForNextSession?: boolean } }) =>
      unwrap(api.journal[':entryId'].$patch({ param: { entryId: id }, json: change })),
  );
  const [answers, setAnswers] = useState<Record<string, string>>({});
  return (
    <Card withBorder component="section" aria-labelledby="journal-title">
      <Stack>
        <Title order={2} size="h3" id="journal-title">
          <Trans>Journal</Trans>
        </Title>
        <Text size="sm">
          {isMember
            ? t`Private by default. Share an entry with your guide, or pin it to bring it to the next session.`
            : t`Entries the member chose to share with you.`}
        </Text>
        <ProblemAlert error={journal.error ?? answer.error ?? toggle.error} />
        {journal.data?.entries.length === 0 && (
          <Text c="dimmed">{isMember ? t`Nothing written yet.` : t`Nothing shared with you yet.`}</Text>
        )}
        <Stack component="ul" p={0} gap="sm" style={{ listStyle: 'none' }} aria-label={t`Journal entries`}>
          {journal.data?.entries.map((entry) => (
            <li key={entry.id}>
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  {formatDate(entry.createdAt)}
                </Text>
                <Badge variant="light" color={entry.sharedWithGuide ? 'teal' : 'gray'}>
                  {entry.sharedWithGuide ? t`shared` : t`private`}
                </Badge>
                {entry.pinnedForNextSession && (
                  <Badge variant="light">
                    <Trans>bring to next session</Trans>
                  </Badge>
                )}
              </Group>
              {entry.promptText && (
                <Text size="sm" fs="italic">
                  {entry.promptText}
                </Text>
              )}
              {entry.decision ? (
                <Text style={{ whiteSpace: 'pre-wrap' }}>
                  <Trans>Decision: {entry.decision.decision}</Trans>
                  {'\n'}
                  <Trans>Options: {entry.decision.options}</Trans>
                  {'\n'}
                  <Trans>I expect: {entry.decision.expectation}</Trans>
                </Text>
              ) : (
                <Text style={{ whiteSpace: 'pre-wrap' }}>{entry.body}</Text>
              )}
              {entry.followUpAnswers.map((a) => (
                <Text key={a.afterDays} size="sm">
                  <Trans>
                    After {a.afterDays} days: {a.answer}
                  </Trans>
                </Text>
              ))}
              {entry.dueFollowUps.map((followUp) => (
                <Stack key={followUp.afterDays} gap={4} mt={4}>
                  <Textarea
                    label={followUp.question}
                    value={answers[entry.id] ?? ''}
                    onChange={(e) => setAnswers({ ...answers, [entry.id]: e.currentTarget.value })}
                  />
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() =>
                      answer.mutate({
                        id: entry.id,
                        afterDays: followUp.afterDays,
                        text: answers[entry.id] ?? '',
                      })
                    }
                  >
                    <Trans>Save what happened</Trans>
                  </Button>
                </Stack>
              ))}
              {entry.mine && (
                <Group gap="xs" mt={4}>
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() =>
                      toggle.mutate({ id: entry.id, change: { sharedWithGuide: !entry.sharedWithGuide } })
                    }
                  >
                    {entry.sharedWithGuide ? t`Make private` : t`Share with guide`}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() =>
                      toggle.mutate({
                        id: entry.id,
                        change: { pinnedForNextSession: !entry.pinnedForNextSession },
                      })
                    }
                  >
                    {entry.pinnedForNextSession ? t`Unpin` : t`Bring to next session`}
                  </Button>
                </Group>
              )}
            </li>
          ))}
        </Stack>
        {isMember && <JournalForm relationshipId={rel.id} />}
      </Stack>
    </Card>
  );
}
