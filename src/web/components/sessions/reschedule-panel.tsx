import { Trans } from '@lingui/react/macro';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { browserTimeZone } from '../../api/auth-client';
import { api, unwrap } from '../../api/client';
import { relKeys, type SessionDetail } from '../../api/relationship-queries';
import { ProblemAlert } from '../problem-alert';

// The API takes a wall-clock time and a zone; a suggested slot is an instant, so it is written out in
// the reader's own zone first.
function localIn(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

// Moving a session within its week keeps the agreed rhythm; the suggestions respect the guide's hours.
export function ReschedulePanel({ session }: { session: SessionDetail }) {
  const queryClient = useQueryClient();
  const slots = useQuery({
    queryKey: ['session', session.id, 'slots'],
    queryFn: () =>
      unwrap(api.sessions[':sessionId']['reschedule-slots'].$get({ param: { sessionId: session.id } })),
  });
  const move = useMutation({
    mutationFn: (start: string) => {
      const timeZone = browserTimeZone();
      return unwrap(
        api.sessions[':sessionId'].reschedule.$post({
          param: { sessionId: session.id },
          // A suggested slot is inside the same week by design, so the week's lead time does not apply.
          json: { localStart: localIn(start, timeZone), timeZone, allowShortNotice: true },
        }),
      );
    },
    onSuccess: async (updated) => {
      queryClient.setQueryData(relKeys.session(session.id), updated);
      await queryClient.invalidateQueries({ queryKey: ['session', session.id, 'slots'] });
      await queryClient.invalidateQueries({ queryKey: ['relationship', session.relationshipId] });
    },
  });
  return (
    <Card withBorder component="section" aria-labelledby="reschedule-title">
      <Stack gap="xs">
        <Title order={2} size="h3" id="reschedule-title">
          <Trans>Move this session</Trans>
        </Title>
        <ProblemAlert error={slots.error ?? move.error} />
        {slots.data?.slots.length === 0 && (
          <Text size="sm">
            <Trans>
              No free times left this week within the guide’s published hours. Agree a time in a message, or
              cancel and book the next one.
            </Trans>
          </Text>
        )}
        <Group gap="xs">
          {slots.data?.slots.map((slot) => (
            <Button key={slot.start} size="xs" variant="light" onClick={() => move.mutate(slot.start)}>
              {slot.times[session.myRole]}
            </Button>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}
