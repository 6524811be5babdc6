import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Badge, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { formatNumber } from '../../format';

type Mode = 'optimal' | 'stable' | 'fair';
export type ModeRow = {
  runId: string;
  mode: Mode;
  matched: number;
  totalFit: number;
  worstFit: number | null;
  blockingPairs: number;
  movedFromOptimal: number;
  proved: boolean;
  summary: string;
  publishedAt: string | null;
};

export const modeLabel = (): Record<Mode, string> => ({
  optimal: t`Optimal`,
  stable: t`Stable`,
  fair: t`Fair`,
});

const modeMeaning = (): Record<Mode, string> => ({
  optimal: t`The highest total fit, with as many people matched as possible.`,
  stable: t`No member and guide would both rather be with each other: pairs that hold together.`,
  fair: t`The worst-off pair as good as it can be, then the highest total fit.`,
});

const percent = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)}%`);
const total = (value: number) => formatNumber(value, { maximumFractionDigits: 2 });

// The three ways to match the same cohort, side by side, so the admin sees what stability or fairness
// costs against the optimum before publishing one. Each row says whether its proof checked out.
export function MatchModesCard({
  rows,
  members,
  shown,
  onShow,
}: {
  rows: ModeRow[];
  members: number;
  shown: string;
  onShow: (runId: string) => void;
}) {
  if (rows.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="modes-title">
      <Title order={3} size="h4" id="modes-title">
        <Trans>Three ways to match this cohort</Trans>
      </Title>
      <Text size="sm" c="dimmed">
        <Trans>Pick one to see its pairs; the one you see is the one you publish.</Trans>
      </Text>
      <Radio.Group value={shown} onChange={onShow} aria-labelledby="modes-title">
        <Table.ScrollContainer minWidth={720}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  <Trans>Mode</Trans>
                </Table.Th>
                <Table.Th scope="col">
                  <Trans>Matched</Trans>
                </Table.Th>
                <Table.Th scope="col">
                  <Trans>Total fit</Trans>
                </Table.Th>
                <Table.Th scope="col">
                  <Trans>Worst fit</Trans>
                </Table.Th>
                <Table.Th scope="col">
                  <Trans>Blocking pairs</Trans>
                </Table.Th>
                <Table.Th scope="col">
                  <Trans>Moved vs optimal</Trans>
                </Table.Th>
                <Table.Th scope="col">
                  <Trans>Proof</Trans>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.runId}>
                  <Table.Td>
                    <Radio
                      value={row.runId}
                      label={
                        <span>
                          <strong>{modeLabel()[row.mode]}</strong>
                          {row.publishedAt && (
                            <Badge ml="xs" size="sm" color="green" variant="light">
                              <Trans>Published</Trans>
                            </Badge>
                          )}
                        </span>
                      }
                      description={modeMeaning()[row.mode]}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Trans>
                      {row.matched} of {members}
                    </Trans>
                  </Table.Td>
                  <Table.Td>{total(row.totalFit)}</Table.Td>
                  <Table.Td>{percent(row.worstFit)}</Table.Td>
                  <Table.Td>{row.blockingPairs}</Table.Td>
                  <Table.Td>{row.mode === 'optimal' ? '–' : row.movedFromOptimal}</Table.Td>
                  <Table.Td>
                    <details>
                      <summary>
                        <Badge color={row.proved ? 'green' : 'red'} variant="light" component="span">
                          {row.proved ? t`Proved` : t`Not proved`}
                        </Badge>
                      </summary>
                      <Text size="sm" maw={360}>
                        {row.summary}
                      </Text>
                    </details>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Radio.Group>
    </Stack>
  );
}
