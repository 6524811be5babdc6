import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Alert, Button, Group, List, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { relKeys, type SessionDetail } from '../../api/relationship-queries';
import { ProblemAlert } from '../problem-alert';

// A session's event moved or deleted in someone's own calendar: Corner never follows it silently, so
// the pair sees what changed and chooses: pick a new time below, or keep the Corner time (which puts
// the event back in every connected calendar).
export function CalendarChangeNotice({ session }: { session: SessionDetail }) {
  const queryClient = useQueryClient();
  const keep = useMutation({
    mutationFn: () =>
      unwrap(api.sessions[':sessionId']['keep-calendar-time'].$post({ param: { sessionId: session.id } })),
    onSuccess: async (updated) => {
      queryClient.setQueryData(relKeys.session(session.id), updated);
      await queryClient.invalidateQueries({ queryKey: ['relationship', session.relationshipId] });
    },
  });
  if (session.calendarChanges.length === 0) return null;
  return (
    <Alert color="orange" title={t`This session changed in a calendar`} role="status">
      <List size="sm">
        {session.calendarChanges.map((change) => (
          <List.Item key={`${change.personId}-${change.kind}`}>{change.reason}</List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">
        <Trans>
          Corner still has the session at its booked time. Choose a new time below, or keep the Corner time
          and we put it back in the calendar.
        </Trans>
      </Text>
      {keep.error && <ProblemAlert error={keep.error} title={t`Could not keep the Corner time`} />}
      <Group mt="xs">
        <Button size="xs" variant="light" loading={keep.isPending} onClick={() => keep.mutate()}>
          <Trans>Keep the Corner time</Trans>
        </Button>
      </Group>
    </Alert>
  );
}
