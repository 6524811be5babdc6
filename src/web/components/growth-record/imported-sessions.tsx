import { Trans } from '@lingui/react/macro';
import { List, Stack, Text, Title } from '@mantine/core';
import { sessionTemplates } from '../../../domain/sessions/session-templates';
import type { ImportedHistory, ImportedRelationship } from '../../api/imported-history-queries';
import { formatDateTime } from '../../format';
import { whoIs } from './who-is';

type Session = ImportedHistory['sessions'][number];
type Action = ImportedHistory['actions'][number];

// Sessions in date order, each with the notes both kept, the reader's own private note and the next
// steps agreed there.
export function ImportedSessions({
  rel,
  sessions,
  actions,
}: {
  rel: ImportedRelationship;
  sessions: Session[];
  actions: Action[];
}) {
  return (
    <>
      <Title order={3} size="h4">
        <Trans>Sessions</Trans>
      </Title>
      {sessions.length === 0 && (
        <Text size="sm">
          <Trans>No sessions.</Trans>
        </Text>
      )}
      {sessions.map((session) => {
        const nextSteps = actions.filter((action) => action.session === session.ref);
        return (
          <Stack key={session.ref} gap={4}>
            <Title order={4} size="h5">
              {formatDateTime(session.startsAt)} · {sessionTemplates[session.template].title} ·{' '}
              {session.status}
            </Title>
            {session.statusReason && <Text size="sm">{session.statusReason}</Text>}
            {session.agendaTopic && (
              <Text size="sm">
                <Trans>Topic: {session.agendaTopic}</Trans>
              </Text>
            )}
            {session.sharedNotes && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                <Trans>
                  <strong>Shared notes:</strong> {session.sharedNotes}
                </Trans>
              </Text>
            )}
            {session.myPrivateNote?.body && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                <Trans>
                  <strong>My private note:</strong> {session.myPrivateNote.body}
                </Trans>
              </Text>
            )}
            {session.insights && (
              <Text size="sm">
                <Trans>
                  <strong>Insights:</strong> {session.insights}
                </Trans>
              </Text>
            )}
            {nextSteps.length > 0 && (
              <>
                <Text size="sm" fw={600}>
                  <Trans>Next steps</Trans>
                </Text>
                <List size="sm">
                  {nextSteps.map((action) => (
                    <List.Item key={action.ref}>
                      {action.title} ({whoIs(rel, action.owner)}, {action.status})
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </Stack>
        );
      })}
    </>
  );
}
