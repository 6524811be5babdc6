import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { CenteredLoader } from '../components/centered-loader';
import { ProblemAlert } from '../components/problem-alert';
import { formatDateTime } from '../format';

// The program's audit log for its admins: who did what, when. It holds ids and counts, never content.
export function ProgramAuditPage() {
  const { programId = '' } = useParams();
  const events = useQuery({
    queryKey: ['audit-events', programId],
    queryFn: () =>
      unwrap(api.programs[':programId']['audit-events'].$get({ param: { programId }, query: {} })),
  });
  return (
    <Stack maw={960}>
      <Trans>
        <Anchor component={Link} to={`/programs/${programId}`} size="sm">
          ← Program
        </Anchor>
      </Trans>
      <Group justify="space-between">
        <Title order={1}>
          <Trans>Audit log</Trans>
        </Title>
        <Button component="a" variant="default" href={`/api/v1/programs/${programId}/audit-events/export`}>
          <Trans>Download CSV</Trans>
        </Button>
      </Group>
      {events.isPending && <CenteredLoader label={t`Loading the audit log`} />}
      <ProblemAlert error={events.error} />
      {events.data && events.data.events.length === 0 && (
        <Text>
          <Trans>No events yet.</Trans>
        </Text>
      )}
      {events.data && events.data.events.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <Trans>When</Trans>
              </Table.Th>
              <Table.Th>
                <Trans>Who</Trans>
              </Table.Th>
              <Table.Th>
                <Trans>What</Trans>
              </Table.Th>
              <Table.Th>
                <Trans>On</Trans>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.data.events.map((event) => (
              <Table.Tr key={event.id}>
                <Table.Td>{formatDateTime(event.occurredAt)}</Table.Td>
                <Table.Td>{event.actorName ?? '—'}</Table.Td>
                <Table.Td>{event.action}</Table.Td>
                <Table.Td>{event.target}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
