import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Button, Card, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { type RelationshipDetail, useMessages } from '../../api/relationship-queries';
import { formatDateTime } from '../../format';
import { ProblemAlert } from '../problem-alert';
import { useRelMutation } from './use-rel-mutation';

export function MessagesPanel({ rel }: { rel: RelationshipDetail }) {
  const messages = useMessages(rel.id);
  const [body, setBody] = useState('');
  const send = useRelMutation(
    rel.id,
    () =>
      unwrap(
        api.relationships[':relationshipId'].messages.$post({
          param: { relationshipId: rel.id },
          json: { body },
        }),
      ),
    () => setBody(''),
  );
  return (
    <Card withBorder component="section" aria-labelledby="messages-title">
      <Stack>
        <Title order={2} size="h3" id="messages-title">
          <Trans>Messages</Trans>
        </Title>
        <ProblemAlert error={messages.error} />
        {messages.data?.messages.length === 0 && (
          <Text c="dimmed">
            <Trans>No messages yet.</Trans>
          </Text>
        )}
        <Stack component="ol" p={0} gap="xs" style={{ listStyle: 'none' }} aria-label={t`Message thread`}>
          {messages.data?.messages.map((message) => (
            <Paper
              key={message.id}
              component="li"
              withBorder
              p="xs"
              bg={message.mine ? 'indigo.0' : undefined}
            >
              <Text size="sm" fw={600}>
                {message.authorName} · {formatDateTime(message.createdAt)}
              </Text>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{message.body}</Text>
            </Paper>
          ))}
        </Stack>
        {rel.status === 'active' && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              send.mutate(undefined);
            }}
          >
            <Stack gap="xs">
              <Textarea
                label={t`New message`}
                value={body}
                onChange={(e) => setBody(e.currentTarget.value)}
              />
              <ProblemAlert error={send.error} />
              <Button type="submit" variant="light" loading={send.isPending}>
                <Trans>Send message</Trans>
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
