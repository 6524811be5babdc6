import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { relKeys, type SessionDetail } from '../../api/relationship-queries';
import { ProblemAlert } from '../problem-alert';

type Conflict = {
  yours: { body: string };
  current: { body: string; version: number; updatedBy: string | null };
};

// Every save names the version it edited. When someone else saved in between, the server refuses and
// sends both texts; this helper shows them side by side and starts a merge from both, so nothing is lost.
export function SharedNotes({ session }: { session: SessionDetail }) {
  const queryClient = useQueryClient();
  const [body, setBody] = useState(session.sharedNotes.body);
  const [version, setVersion] = useState(session.sharedNotes.version);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);
  const save = async () => {
    setError(null);
    setSaved(false);
    const response = await api.sessions[':sessionId']['shared-notes'].$put({
      param: { sessionId: session.id },
      json: { body, version },
    });
    if (response.status === 409) {
      const problem = (await response.json()) as Partial<Conflict>;
      if (problem.yours && problem.current) {
        setConflict({ yours: problem.yours, current: problem.current });
        return;
      }
    }
    if (!response.ok) {
      setError(new Error(t`The notes could not be saved. Please try again.`));
      return;
    }
    const updated = (await response.json()) as SessionDetail;
    setVersion(updated.sharedNotes.version);
    setConflict(null);
    setSaved(true);
    queryClient.setQueryData(relKeys.session(session.id), updated);
  };
  const startMerge = (resolved: Conflict) => {
    setBody(`${resolved.current.body}\n\n--- my version ---\n${resolved.yours.body}`);
    setVersion(resolved.current.version);
    setConflict(null);
  };
  return (
    <Card withBorder component="section" aria-labelledby="shared-notes-title">
      <Stack gap="xs">
        <Title order={2} size="h3" id="shared-notes-title">
          <Trans>Shared notes</Trans>
        </Title>
        <Text size="sm">
          <Trans>Both of you can read and edit these.</Trans>
        </Text>
        {conflict && (
          <Alert color="orange" title={t`Someone saved while you were editing`} role="alert">
            <Stack gap="xs">
              <Text size="sm">
                {conflict.current.updatedBy ?? t`The other person`}{' '}
                <Trans>saved a newer version. Nothing is lost: compare both, then merge and save.</Trans>
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Textarea label={t`Your version`} readOnly autosize value={conflict.yours.body} />
                <Textarea label={t`Current version`} readOnly autosize value={conflict.current.body} />
              </SimpleGrid>
              <Group>
                <Button size="xs" onClick={() => startMerge(conflict)}>
                  <Trans>Merge both into the editor</Trans>
                </Button>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => {
                    setBody(conflict.current.body);
                    setVersion(conflict.current.version);
                    setConflict(null);
                  }}
                >
                  <Trans>Take the current version</Trans>
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        <Textarea
          label={t`Notes`}
          autosize
          minRows={4}
          value={body}
          onChange={(e) => {
            setBody(e.currentTarget.value);
            setSaved(false);
          }}
        />
        <ProblemAlert error={error} />
        <Group>
          <Button onClick={save} disabled={conflict !== null}>
            <Trans>Save shared notes</Trans>
          </Button>
          {saved && (
            <Text role="status">
              <Trans>Saved (version {version}).</Trans>
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
