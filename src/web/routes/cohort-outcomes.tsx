import { t } from '@lingui/core/macro';
import { Plural, Trans } from '@lingui/react/macro';
import { BarChart, LineChart } from '@mantine/charts';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { AT_RISK_PAGE_SIZE } from '../../domain/settings/outcomes';
import { api, unwrap } from '../api/client';
import { CenteredLoader } from '../components/centered-loader';
import { ProblemAlert } from '../components/problem-alert';

type Guarded<T> = { suppressed: false; value: T } | { suppressed: true; label: string };
const shown = <T,>(g: Guarded<T>, format: (value: T) => string = String) =>
  g.suppressed ? g.label : format(g.value);
const valueOr = (g: Guarded<number>) => (g.suppressed ? 0 : g.value);

const stageLabels = (): Record<string, string> => ({
  applied: t`Applied`,
  matched: t`Matched`,
  'first-session': t`First session`,
  'active-day-30': t`Active at day 30`,
  'active-day-90': t`Active at day 90`,
  completed: t`Completed`,
  'ended-early': t`Ended early`,
});

// The words for the codes the server sends, called at render so they follow the locale.
const levelLabels = (): Record<string, string> => ({ 'at-risk': t`at-risk`, watch: t`watch` });
const repairLabels = (): Record<string, string> => ({ nudge: t`nudge`, 'check-in-offer': t`check-in-offer` });

// The program admin's outcomes: aggregates only (any figure over fewer than 5 people reads "fewer than
// 5"), and the early-warning list with each signal's reason and the repair nudge.
export function CohortOutcomesPage() {
  const { cohortId = '' } = useParams();
  const queryClient = useQueryClient();
  const outcomes = useQuery({
    queryKey: ['cohort-outcomes', cohortId],
    queryFn: () => unwrap(api.cohorts[':cohortId'].outcomes.$get({ param: { cohortId } })),
  });
  // The server pages the at-risk list (at risk first), so a cohort of thousands arrives 25 at a time.
  const [page, setPage] = useState(1);
  const atRisk = useQuery({
    queryKey: ['cohort-at-risk', cohortId, page],
    queryFn: () =>
      unwrap(
        api.cohorts[':cohortId']['at-risk'].$get({
          param: { cohortId },
          query: { page: String(page), pageSize: String(AT_RISK_PAGE_SIZE) },
        }),
      ),
    // Turning a page keeps the current one on screen until the next arrives.
    placeholderData: keepPreviousData,
  });
  const repair = useMutation({
    mutationFn: (input: { relationshipId: string; kind: 'nudge' | 'check-in-offer' }) =>
      unwrap(
        api.cohorts[':cohortId'].pairs[':relationshipId'].repair.$post({
          param: { cohortId, relationshipId: input.relationshipId },
          json: { kind: input.kind },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cohort-at-risk', cohortId] }),
  });

  if (outcomes.isPending) return <CenteredLoader label={t`Loading outcomes`} />;
  if (outcomes.error) return <ProblemAlert error={outcomes.error} title={t`Could not load the outcomes`} />;
  const data = outcomes.data;
  const funnel = data.funnel.stages.map((s) => ({
    stage: stageLabels()[s.stage] ?? s.stage,
    people: valueOr(s.count),
  }));
  const pulse = data.pulse
    .filter((p) => !p.relationship.suppressed)
    .map((p) => ({ month: p.month, relationship: valueOr(p.relationship), progress: valueOr(p.progress) }));
  return (
    <Stack maw={1100}>
      <Trans>
        <Anchor component={Link} to={`/cohorts/${cohortId}`} size="sm">
          ← Cohort
        </Anchor>
      </Trans>
      <Title order={1}>
        <Trans>Outcomes</Trans>
      </Title>
      <Trans>
        <Anchor component={Link} to={`/cohorts/${cohortId}/sponsor-report`}>
          Sponsor report (page, PDF and CSV)
        </Anchor>
      </Trans>
      <Text c="dimmed">
        <Trans>Figures over fewer than 5 people show as “fewer than 5”; nothing here is per person.</Trans>
      </Text>
      <Card withBorder>
        <Title order={2} size="h3">
          <Trans>Funnel</Trans>
        </Title>
        {/* The chart is a picture of the table below it, which carries the exact counts for everyone. */}
        <div role="img" aria-label={t`Funnel chart: ${funnelSummary(data.funnel.stages)}`}>
          <BarChart
            h={240}
            data={funnel}
            dataKey="stage"
            series={[{ name: 'people', label: t`People`, color: 'indigo.8' }]}
          />
        </div>
        <Table aria-label={t`Funnel counts`}>
          <Table.Tbody>
            {data.funnel.stages.map((s) => (
              <Table.Tr key={s.stage}>
                <Table.Td>{stageLabels()[s.stage] ?? s.stage}</Table.Td>
                <Table.Td>{shown(s.count)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm">
          <Trans>Time to match:</Trans>{' '}
          {shown(data.funnel.timing.daysToMatch, (v) =>
            v ? t`${v.median} days (middle half ${v.p25}–${v.p75})` : '—',
          )}
          <Trans>{' · '}Time to first session:</Trans>{' '}
          {shown(data.funnel.timing.daysToFirstSession, (v) =>
            v ? t`${v.median} days (middle half ${v.p25}–${v.p75})` : '—',
          )}
        </Text>
      </Card>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={2} size="h3">
            <Trans>Pulse over time</Trans>
          </Title>
          {pulse.length === 0 ? (
            <Text>
              <Trans>No month has pulse answers from 5 or more people yet.</Trans>
            </Text>
          ) : (
            <LineChart
              h={200}
              data={pulse}
              dataKey="month"
              yAxisProps={{ domain: [1, 5] }}
              series={[
                { name: 'relationship', label: t`How it is going`, color: 'indigo.8' },
                { name: 'progress', label: t`Progress to the goal`, color: 'teal.8' },
              ]}
              withLegend
            />
          )}
        </Card>
        <Card withBorder>
          <Title order={2} size="h3">
            <Trans>Goal attainment</Trans>
          </Title>
          <Text>
            <Trans>Signs of progress improved:</Trans>{' '}
            {shown(data.goalAttainment.improvedShare, (v) => `${Math.round(v * 100)}%`)}{' '}
            <Trans>of {shown(data.goalAttainment.withProgressData)} members</Trans>
          </Text>
          <Text>
            <Trans>Goal met (retrospective):</Trans>{' '}
            {shown(data.goalAttainment.metShare, (v) => `${Math.round(v * 100)}%`)}
          </Text>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Title order={2} size="h3">
          <Trans>Effect</Trans>
        </Title>
        {data.effect.label && (
          <Badge color="yellow" c="dark.9">
            {data.effect.label}
          </Badge>
        )}
        {data.effect.measures.length === 0 ? (
          <Text>
            <Trans>No outcome columns imported yet.</Trans>
          </Text>
        ) : (
          <List>
            {data.effect.measures.map((m) => (
              <List.Item key={m.measure}>
                {m.measure}: {m.effect ? m.effect.sentence : m.reason}
              </List.Item>
            ))}
          </List>
        )}
      </Card>
      <Card withBorder>
        <Title order={2} size="h3">
          <Trans>360 change</Trans>
        </Title>
        <Text>
          <Trans>Members whose givers answered both before and after: {shown(data.change360.members)}</Trans>
        </Text>
        <Text>
          <Trans>Average change on the 1–5 scale:</Trans>{' '}
          {shown(data.change360.meanChange, (v) => (v > 0 ? `+${v}` : String(v)))}
        </Text>
      </Card>
      <Card withBorder>
        <Title order={2} size="h3">
          <Trans>Pairs at risk</Trans>
        </Title>
        {atRisk.error && <ProblemAlert error={atRisk.error} title={t`Could not load the at-risk list`} />}
        {repair.error && <ProblemAlert error={repair.error} title={t`Could not send`} />}
        {atRisk.data && atRisk.data.page.pairs === 0 && (
          <Text>
            <Trans>No pair shows a warning signal.</Trans>
          </Text>
        )}
        {atRisk.data && atRisk.data.page.pairs > 0 && (
          <Text>
            <Trans>
              {atRisk.data.totals.atRisk} at risk, {atRisk.data.totals.watch} to watch.
            </Trans>
          </Text>
        )}
        <Stack>
          {atRisk.data?.pairs.map((pair) => (
            <Card key={pair.relationshipId} withBorder aria-label={t`${pair.member} and ${pair.guide}`}>
              <Group justify="space-between">
                <Text fw={600}>
                  {pair.member} · {pair.guide}
                </Text>
                <Badge
                  color={pair.level === 'at-risk' ? 'red.9' : 'yellow'}
                  c={pair.level === 'at-risk' ? 'white' : 'dark.9'}
                >
                  {levelLabels()[pair.level] ?? pair.level}
                </Badge>
              </Group>
              <List size="sm">
                {pair.signals.map((s) => (
                  <List.Item key={s.code}>{s.reason}</List.Item>
                ))}
              </List>
              <Group mt="xs">
                <Button
                  size="xs"
                  onClick={() => repair.mutate({ relationshipId: pair.relationshipId, kind: 'nudge' })}
                >
                  <Trans>Send nudge</Trans>
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() =>
                    repair.mutate({ relationshipId: pair.relationshipId, kind: 'check-in-offer' })
                  }
                >
                  <Trans>Offer a check-in</Trans>
                </Button>
                {pair.lastRepairStep && (
                  <Text size="sm" aria-live="polite">
                    <Trans>
                      Last step: {repairLabels()[pair.lastRepairStep.kind] ?? pair.lastRepairStep.kind} on{' '}
                      {pair.lastRepairStep.at.slice(0, 10)}
                    </Trans>
                  </Text>
                )}
              </Group>
            </Card>
          ))}
        </Stack>
        {atRisk.data && atRisk.data.page.pages > 1 && (
          <AtRiskPager page={atRisk.data.page} shown={atRisk.data.pairs.length} onPage={setPage} />
        )}
      </Card>
    </Stack>
  );
}

function AtRiskPager({
  page,
  shown,
  onPage,
}: {
  page: { number: number; size: number; pairs: number; pages: number };
  shown: number;
  onPage: (page: number) => void;
}) {
  const first = (page.number - 1) * page.size;
  const from = first + 1;
  const to = first + shown;
  const previous = page.size;
  const next = Math.min(page.size, page.pairs - first - shown);
  const pairs = page.pairs;
  return (
    <Group mt="sm">
      <Text size="sm" role="status">
        <Trans>
          Showing {from}–{to} of <Plural value={pairs} one="# pair" other="# pairs" />.
        </Trans>
      </Text>
      <Button variant="light" size="xs" disabled={page.number <= 1} onClick={() => onPage(page.number - 1)}>
        <Trans>Previous {previous}</Trans>
      </Button>
      <Button
        variant="light"
        size="xs"
        disabled={page.number >= page.pages}
        onClick={() => onPage(page.number + 1)}
      >
        <Trans>Next {next}</Trans>
      </Button>
    </Group>
  );
}

function funnelSummary(stages: { stage: string; count: Guarded<number> }[]): string {
  return stages.map((s) => `${stageLabels()[s.stage] ?? s.stage} ${shown(s.count)}`).join(', ');
}
