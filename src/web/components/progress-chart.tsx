import { Trans } from '@lingui/react/macro';
import { LineChart } from '@mantine/charts';
import { Table, Text, VisuallyHidden } from '@mantine/core';
import { formatDate } from '../format';

type Sign = { id: string; label: string };
type CheckIn = { id: string; createdAt: string; ratings: { signId: string; score: number }[] };

const palette = ['indigo.7', 'teal.8', 'orange.8', 'grape.7', 'cyan.8', 'red.8'];

// One line per sign of progress over time; a visually hidden table carries the same numbers for
// screen-reader users, who cannot read the chart.
export function ProgressChart({ signs, checkIns }: { signs: Sign[]; checkIns: CheckIn[] }) {
  if (checkIns.length === 0) {
    return (
      <Text c="dimmed">
        <Trans>No check-ins yet. Rate your signs of progress below and the chart starts here.</Trans>
      </Text>
    );
  }
  const data = checkIns.map((checkIn) => {
    const row: Record<string, string | number> = { date: formatDate(checkIn.createdAt) };
    for (const rating of checkIn.ratings) {
      const sign = signs.find((s) => s.id === rating.signId);
      if (sign) row[sign.label] = rating.score;
    }
    return row;
  });
  return (
    <figure style={{ margin: 0 }} aria-labelledby="progress-chart-caption">
      <figcaption id="progress-chart-caption">
        <VisuallyHidden>
          <Trans>Progress over time, scores from 1 to 10 per sign of progress</Trans>
        </VisuallyHidden>
      </figcaption>
      <div data-testid="progress-chart">
        <LineChart
          h={260}
          data={data}
          dataKey="date"
          yAxisProps={{ domain: [0, 10], ticks: [0, 2, 4, 6, 8, 10] }}
          withLegend
          connectNulls
          series={signs.map((sign, index) => ({
            name: sign.label,
            color: palette[index % palette.length] ?? 'indigo.7',
          }))}
        />
      </div>
      <VisuallyHidden>
        <Table>
          <thead>
            <tr>
              <th>
                <Trans>Date</Trans>
              </th>
              {signs.map((sign) => (
                <th key={sign.id}>{sign.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((row, index) => (
              <tr key={checkIns[index]?.id ?? index}>
                <td>{row.date}</td>
                {signs.map((sign) => (
                  <td key={sign.id}>{row[sign.label] ?? '–'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>
    </figure>
  );
}
