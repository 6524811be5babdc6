import { BarChart, DonutChart } from '@mantine/charts';
import {
  Anchor,
  Button,
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { momentumStateLabels } from '../../../domain/momentum/compute-momentum';
import { DASHBOARD_PAGE_SIZE, DASHBOARD_STATE_ORDER } from '../../../domain/settings/dashboard';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../problem-alert';
import { emptyPairHealth } from './publish-wording';

const stateLabels: Record<string, string> = momentumStateLabels;
const stateColors: Record<string, string> = {
  'on-track': 'teal.8',
  slipping: 'yellow.8',
  'at-risk': 'red.8',
};

type StateFilter = (typeof DASHBOARD_STATE_ORDER)[number];

// Pair health at a glance: states and counts only — an admin never sees what a pair wrote. The server
// pages the pair list (pairs needing attention first), so a cohort of thousands arrives 50 at a time.
export function CohortDashboardCard({
  cohortId,
  published = false,
}: {
  cohortId: string;
  published?: boolean;
}) {
  const [filter, setFilter] = useState<'all' | StateFilter>('all');
  const [page, setPage] = useState(1);
  const dashboard = useQuery({
    queryKey: ['cohort-dashboard', cohortId, filter, page],
    queryFn: () =>
      unwrap(
        api.cohorts[':cohortId'].dashboard.$get({
          param: { cohortId },
          query: {
            ...(filter === 'all' ? {} : { state: filter }),
            page: String(page),
            pageSize: String(DASHBOARD_PAGE_SIZE),
          },
        }),
      ),
    // Turning a page keeps the current one on screen until the next arrives.
    placeholderData: keepPreviousData,
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
        <Text mt="xs">{emptyPairHealth(published)}</Text>
      </Card>
    );
  }
  const donut = Object.entries(data.states).map(([state, value]) => ({
    name: stateLabels[state] ?? state,
    value,
    color: stateColors[state] ?? 'gray.6',
  }));
  const pairs = data.pairList;
  const first = (data.page.number - 1) * data.page.size;
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
        <Group justify="space-between">
          <SegmentedControl
            aria-label="Show pairs"
            value={filter}
            onChange={(value) => {
              setFilter(value as 'all' | StateFilter);
              setPage(1);
            }}
            data={[
              { value: 'all', label: `All (${data.pairs})` },
              ...DASHBOARD_STATE_ORDER.map((state) => ({
                value: state,
                label: `${stateLabels[state]} (${data.states[state as keyof typeof data.states] ?? 0})`,
              })),
            ]}
          />
          <Anchor href={`/api/v1/cohorts/${cohortId}/dashboard/export`} download>
            Download the pair list (CSV)
          </Anchor>
        </Group>
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
            {pairs.map((pair) => (
              <Table.Tr key={pair.relationshipId}>
                <Table.Td>{pair.member}</Table.Td>
                <Table.Td>{pair.guide}</Table.Td>
                <Table.Td>{stateLabels[pair.state] ?? pair.state}</Table.Td>
                <Table.Td>{pair.sessionsLast30Days}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {pairs.length === 0 && <Text c="dimmed">No pairs in this state.</Text>}
        {data.page.pages > 1 && (
          <Group>
            <Text size="sm" role="status">
              Showing {first + 1}–{first + pairs.length} of {data.page.pairs} pairs.
            </Text>
            <Button
              variant="light"
              size="xs"
              disabled={data.page.number <= 1}
              onClick={() => setPage(data.page.number - 1)}
            >
              Previous {data.page.size}
            </Button>
            <Button
              variant="light"
              size="xs"
              disabled={data.page.number >= data.page.pages}
              onClick={() => setPage(data.page.number + 1)}
            >
              Next {Math.min(data.page.size, data.page.pairs - first - pairs.length)}
            </Button>
          </Group>
        )}
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
