import { BarChart, DonutChart } from '@mantine/charts';
import { Card, Group, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../problem-alert';

const stateLabels: Record<string, string> = {
  'on-track': 'On track',
  slipping: 'Slipping',
  'at-risk': 'At risk',
};
const stateColors: Record<string, string> = {
  'on-track': 'teal.8',
  slipping: 'yellow.8',
  'at-risk': 'red.8',
};

// Pair health at a glance: states and counts only — an admin never sees what a pair wrote.
export function CohortDashboardCard({ cohortId }: { cohortId: string }) {
  const dashboard = useQuery({
    queryKey: ['cohort-dashboard', cohortId],
    queryFn: () => unwrap(api.cohorts[':cohortId'].dashboard.$get({ param: { cohortId } })),
  });
  if (dashboard.error) return <ProblemAlert error={dashboard.error} />;
  if (!dashboard.data) return null;
  const data = dashboard.data;
  if (data.pairs === 0) {
    return (
      <Card withBorder component="section" aria-labelledby="dashboard-title">
        <Title order={2} size="h3" id="dashboard-title">
          Pair health
        </Title>
        <Text mt="xs">Publish a matching and the pairs’ health shows up here.</Text>
      </Card>
    );
  }
  const donut = Object.entries(data.states).map(([state, value]) => ({
    name: stateLabels[state] ?? state,
    value,
    color: stateColors[state] ?? 'gray.6',
  }));
  return (
    <Card withBorder component="section" aria-labelledby="dashboard-title">
      <Stack>
        <Title order={2} size="h3" id="dashboard-title">
          Pair health
        </Title>
        <Group gap="xl" align="flex-start">
          <div>
            <DonutChart data={donut} size={140} thickness={22} withLabels={false} />
          </div>
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" style={{ flex: 1 }}>
            <Stat label="Pairs" value={String(data.pairs)} />
            {Object.entries(data.states).map(([state, value]) => (
              <Stat key={state} label={stateLabels[state] ?? state} value={String(value)} />
            ))}
            <Stat
              label="Sessions per pair per month"
              value={`${data.sessionsPerPairPerMonth.actual} of ${data.sessionsPerPairPerMonth.target}`}
            />
            <Stat label="Actions done" value={`${data.actions.done} of ${data.actions.total}`} />
            <Stat
              label="Average pulse"
              value={data.pulse.average === null ? 'no answers yet' : `${data.pulse.average} / 5`}
            />
            <Stat
              label="Goals achieved"
              value={`${data.goals.yes} yes · ${data.goals.partly} partly · ${data.goals.no} no`}
            />
          </SimpleGrid>
        </Group>
        {data.months.length > 0 && (
          <div>
            <BarChart
              h={200}
              data={data.months}
              dataKey="month"
              series={[
                { name: 'sessions', label: 'Sessions held', color: 'indigo.8' },
                { name: 'actionsDone', label: 'Actions done', color: 'teal.8' },
              ]}
              withLegend
            />
          </div>
        )}
        <Table striped>
          <VisuallyHidden component="caption">Each pair’s state</VisuallyHidden>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Member</Table.Th>
              <Table.Th scope="col">Guide</Table.Th>
              <Table.Th scope="col">State</Table.Th>
              <Table.Th scope="col">Sessions, last 30 days</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.pairList.map((pair) => (
              <Table.Tr key={pair.relationshipId}>
                <Table.Td>{pair.member}</Table.Td>
                <Table.Td>{pair.guide}</Table.Td>
                <Table.Td>{stateLabels[pair.state] ?? pair.state}</Table.Td>
                <Table.Td>{pair.sessionsLast30Days}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700}>{value}</Text>
    </div>
  );
}
