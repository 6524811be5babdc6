import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Badge, Card, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../problem-alert';

const statusLabel = { pending: 'Pending', confirmed: 'Confirmed', declined: 'Declined' } as const;
const statusColor = { pending: 'gray', confirmed: 'green', declined: 'red' } as const;

export const participantsKey = (cohortId: string) => ['cohort-participants', cohortId] as const;

// Who was invited into the cohort and whether they confirmed: only confirmed people are matched, so the
// admin sees at a glance whom to remind before matching day.
export function ParticipantsCard({ cohortId }: { cohortId: string }) {
  const participants = useQuery({
    queryKey: participantsKey(cohortId),
    queryFn: () => unwrap(api.cohorts[':cohortId'].participants.$get({ param: { cohortId } })),
  });
  const rows = participants.data?.participants ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="participants-title">
      <Title order={2} size="h3" id="participants-title">
        <Trans>Participants</Trans>
      </Title>
      <ProblemAlert error={participants.error} />
      {participants.data && rows.length === 0 && (
        <Text mt="xs">
          <Trans>No one yet. Import members and guides: each gets an e-mail asking them to confirm.</Trans>
        </Text>
      )}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table mt="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  <Trans>Name</Trans>
                </Table.Th>
                <Table.Th scope="col">
                  <Trans>E-mail</Trans>
                </Table.Th>
                <Table.Th scope="col">
                  <Trans>Role</Trans>
                </Table.Th>
                <Table.Th scope="col">
                  <Trans>Joined?</Trans>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((person) => (
                <Table.Tr key={person.applicationId}>
                  <Table.Td>{person.name}</Table.Td>
                  <Table.Td>{person.email}</Table.Td>
                  <Table.Td>{person.role === 'guide' ? t`Guide` : t`Member`}</Table.Td>
                  <Table.Td>
                    <Badge color={statusColor[person.status]} variant="light">
                      {statusLabel[person.status]}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
