import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { BarChart, LineChart } from '@mantine/charts';
import { Anchor, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import {
  buildSponsorReport,
  type SponsorInput,
  type SponsorReport,
  type SponsorSection,
} from '../../domain/outcomes/sponsor-report';
import { api, unwrap } from '../api/client';
import { CenteredLoader } from '../components/centered-loader';
import { ProblemAlert } from '../components/problem-alert';

// The report a program hands its sponsor, by the four levels sponsors know (reaction, learning,
// behaviour, results). Built in the page from the outcomes answer with the same function the PDF and
// CSV use, so the three never disagree; withheld figures read "fewer than 5" everywhere.
export function SponsorReportPage() {
  const { cohortId = '' } = useParams();
  const outcomes = useQuery({
    queryKey: ['cohort-outcomes', cohortId],
    queryFn: () => unwrap(api.cohorts[':cohortId'].outcomes.$get({ param: { cohortId } })),
  });
  if (outcomes.isPending) return <CenteredLoader label={t`Loading the sponsor report`} />;
  if (outcomes.error) return <ProblemAlert error={outcomes.error} title={t`Could not load the report`} />;
  const report = buildSponsorReport(outcomes.data as SponsorInput);
  const base = `/api/v1/cohorts/${cohortId}/sponsor-report`;
  return (
    <Stack maw={1000}>
      <Trans>
        <Anchor component={Link} to={`/cohorts/${cohortId}/outcomes`} size="sm">
          ← Outcomes
        </Anchor>
      </Trans>
      <Title order={1}>
        <Trans>Sponsor report</Trans>
      </Title>
      <Text c="dimmed">
        <Trans>
          Aggregates only: any figure over fewer than 5 people reads “fewer than 5”, and nothing is per
          person.
        </Trans>
      </Text>
      <Group>
        <Button component="a" href={`${base}.pdf`} download>
          <Trans>Download PDF</Trans>
        </Button>
        <Button component="a" href={`${base}.csv`} download variant="default">
          <Trans>Download CSV</Trans>
        </Button>
      </Group>
      {report.sections.map((section) => (
        <LevelCard key={section.level} section={section} charts={report.charts} />
      ))}
    </Stack>
  );
}

function LevelCard({ section, charts }: { section: SponsorSection; charts: SponsorReport['charts'] }) {
  const headingId = `level-${section.level}`;
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId}>
        {section.title}
      </Title>
      <Text c="dimmed" fs="italic">
        {section.question}
      </Text>
      <List mt="xs">
        {section.sentences.map((sentence) => (
          <List.Item key={sentence}>{sentence}</List.Item>
        ))}
      </List>
      <LevelChart level={section.level} charts={charts} />
      {section.figures.length > 0 && (
        <Table mt="sm" aria-label={t`${section.title} figures`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <Trans>Measure</Trans>
              </Table.Th>
              <Table.Th>
                <Trans>Value</Trans>
              </Table.Th>
              <Table.Th>
                <Trans>People</Trans>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {section.figures.map((f) => (
              <Table.Tr key={f.measure}>
                <Table.Td>{f.measure}</Table.Td>
                <Table.Td>{f.value}</Table.Td>
                <Table.Td>{f.n}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function LevelChart({ level, charts }: { level: SponsorSection['level']; charts: SponsorReport['charts'] }) {
  const bars = (data: { label: string; count: number | null }[], name: string) =>
    data.some((d) => d.count !== null) ? (
      // A picture of the figures table below, which carries every value for screen readers.
      <div
        role="img"
        aria-label={`${name}: ${data.map((d) => `${d.label} ${d.count ?? t`fewer than 5`}`).join(', ')}`}
      >
        <BarChart
          h={220}
          mt="sm"
          data={data.map((d) => ({ label: d.label, people: d.count ?? 0 }))}
          dataKey="label"
          series={[{ name: 'people', label: t`People`, color: 'indigo.8' }]}
        />
      </div>
    ) : null;
  if (level === 'behaviour') return bars(charts.funnel, t`Funnel chart`);
  if (level === 'learning') return bars(charts.goals, t`Goal attainment chart`);
  if (level === 'reaction' && charts.pulse.length > 0) {
    return (
      <div role="img" aria-label={t`Pulse over time chart`}>
        <LineChart
          h={200}
          mt="sm"
          data={charts.pulse}
          dataKey="month"
          yAxisProps={{ domain: [1, 5] }}
          series={[
            { name: 'relationship', label: t`How it is going`, color: 'indigo.8' },
            { name: 'progress', label: t`Progress to the goal`, color: 'teal.8' },
          ]}
          withLegend
        />
      </div>
    );
  }
  if (level === 'results' && charts.effects.length > 0) {
    return (
      <Stack gap={4} mt="sm" aria-label={t`Effects with their 95% intervals`}>
        {charts.effects.map((e) => (
          <Text key={e.measure} size="sm">
            {e.measure}: {e.difference > 0 ? '+' : ''}
            <Trans>
              {e.difference} {e.unit} (95% interval {e.low} to {e.high})
            </Trans>
          </Text>
        ))}
      </Stack>
    );
  }
  return null;
}
