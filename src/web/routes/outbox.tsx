import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { splitLinks } from '../../domain/mail/split-links';
import { useOutbox } from '../api/queries';
import { CenteredLoader } from '../components/centered-loader';
import { ProblemAlert } from '../components/problem-alert';
import { formatDateTime } from '../format';

// Every mail Corner sent this person, whether it went out by SMTP or stayed here (no mail server).
export function OutboxPage() {
  const outbox = useOutbox();
  return (
    <Stack maw={860}>
      <Title order={1}>
        <Trans>Mail Corner sent you</Trans>
      </Title>
      <Text c="dimmed">
        <Trans>
          A copy of every email Corner sent to you. Without a mail server configured, this page is where they
          arrive.
        </Trans>
      </Text>
      {outbox.isPending && <CenteredLoader label={t`Loading your mail`} />}
      <ProblemAlert error={outbox.error} />
      {outbox.data && outbox.data.messages.length === 0 && (
        <Text>
          <Trans>No mail yet.</Trans>
        </Text>
      )}
      {outbox.data?.messages.map((message) => (
        <Card key={message.id} withBorder padding="md" component="article" aria-label={message.subject}>
          <Group justify="space-between" align="flex-start">
            <Title order={2} size="h4">
              {message.subject}
            </Title>
            <Badge variant="light" color={message.deliveredVia === 'smtp' ? 'teal' : 'gray'}>
              {message.deliveredVia === 'smtp' ? t`Emailed` : t`Kept in Corner`}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
          </Text>
          <Text mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <MailText text={message.text} />
          </Text>
          {message.attachments.length > 0 && (
            <>
              <Text mt="sm" fw={600} size="sm">
                <Trans>Attachments</Trans>
              </Text>
              <List size="sm">
                {message.attachments.map((attachment) => (
                  <List.Item key={attachment.filename}>
                    <Trans>
                      {attachment.filename} ({attachment.contentType.split(';')[0]},{' '}
                      {Math.max(1, Math.round(attachment.size / 1024))} KB)
                    </Trans>
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Card>
      ))}
    </Stack>
  );
}

// The mail's words as sent, with its web addresses as links (the invitation link is the mail's point).
function MailText({ text }: { text: string }) {
  return (
    <>
      {splitLinks(text).map((piece, index) =>
        piece.kind === 'link' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one fixed text, never reordered
          <Anchor key={index} href={piece.href}>
            {piece.href}
          </Anchor>
        ) : (
          piece.text
        ),
      )}
    </>
  );
}
