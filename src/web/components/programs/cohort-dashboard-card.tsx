import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
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
          <Trans>Pair health</Trans>
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
          <Trans>Pair health</Trans>
        </Title>
        <Group gap="xl" align="flex-start">
          <div>
            <DonutChart data={donut} size={140} thickness={22} withLabels={false} />
          </div>
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" style={{ flex: 1 }}>
            <Stat label={t`Pairs`} value={String(data.pairs)} />
            {Object.entries(data.states).map(([state, value]) => (
              <Stat key={state} label={stateLabels[state] ?? state} value={String(value)} />
            ))}
            <Stat
              label={t`Sessions per pair per month`}
              value={`${data.sessionsPerPairPerMonth.actual} of ${data.sessionsPerPairPerMonth.target}`}
            />
            <Stat label={t`Actions done`} value={`${data.actions.done} of ${data.actions.total}`} />
            <Stat
              label={t`Average pulse`}
              value={data.pulse.average === null ? t`no answers yet` : `${data.pulse.average} / 5`}
            />
            <Stat
              label={t`Goals achieved`}
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
                { name: 'sessions', label: t`Sessions held`, color: 'indigo.8' },
                { name: 'actionsDone', label: t`Actions done`, color: 'teal.8' },
              ]}
              withLegend
            />
          </div>
        )}
        <Group justify="space-between">
          <SegmentedControl
            aria-label={t`Show pairs`}
            value={filter}
            onChange={(value) => {
              setFilter(value as 'all' | StateFilter);
              setPage(1);
            }}
            data={[
              { value: 'all', label: t`All (${data.pairs})` },
              ...DASHBOARD_STATE_ORDER.map((state) => ({
                value: state,
                label: `${stateLabels[state]} (${data.states[state as keyof typeof data.states] ?? 0})`,
              })),
            ]}
          />
          <Trans>
            <Anchor href={`/api/v1/cohorts/${cohortId}/dashboard/export`} download>
              Download the pair list (CSV)
            </Anchor>
          </Trans>
        </Group>
        <Table striped>
          <VisuallyHidden component="caption">
            <Trans>Each pair’s state</Trans>
          </VisuallyHidden>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">
                <Trans>Member</Trans>
              </Table.Th>
              <Table.Th scope="col">
                <Trans>Guide</Trans>
              </Table.Th>
              <Table.Th scope="col">
                <Trans>State</Trans>
              </Table.Th>
              <Table.Th scope="col">
                <Trans>Sessions, last 30 days</Trans>
              </Table.Th>
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
        {pairs.length === 0 && (
          <Text c="dimmed">
            <Trans>No pairs in this state.</Trans>
          </Text>
        )}
        {data.page.pages > 1 && (
          <Group>
            <Text size="sm" role="status">
              <Trans>
                Showing {first + 1}–{first + pairs.length} of {data.page.pairs} pairs.
              </Trans>
            </Text>
            <Button
              variant="light"
              size="xs"
              disabled={data.page.number <= 1}
              onClick={() => setPage(data.page.number - 1)}
            >
              <Trans>Previous {data.page.size}</Trans>
            </Button>
            <Button
              variant="light"
              size="xs"
              disabled={data.page.number >= data.page.pages}
              onClick={() => setPage(data.page.number + 1)}
            >
              <Trans>Next {Math.min(data.page.size, data.page.pairs - first - pairs.length)}</Trans>
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
