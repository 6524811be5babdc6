import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Badge, Button, Card, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { formatDate } from '../../format';
import { ProblemAlert } from '../problem-alert';

const kindLabels = (): Record<string, string> => ({
  'no-show': t`No-show`,
  misconduct: t`Misconduct`,
  other: t`Other`,
});
const roleLabels = (): Record<string, string> => ({ member: t`Member`, guide: t`Guide` });

// What the cohort's pairs reported to the program: written to the admin, so the reporter's words show.
export function ProblemReportsCard({ cohortId }: { cohortId: string }) {
  const queryClient = useQueryClient();
  const reports = useQuery({
    queryKey: ['cohort-problem-reports', cohortId],
    queryFn: () => unwrap(api.cohorts[':cohortId']['problem-reports'].$get({ param: { cohortId } })),
  });
  const review = useMutation({
    mutationFn: (reportId: string) =>
      unwrap(
        api.cohorts[':cohortId']['problem-reports'][':reportId'].review.$post({
          param: { cohortId, reportId },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cohort-problem-reports', cohortId] }),
  });
  if (reports.error)
    return <ProblemAlert error={reports.error} title={t`Could not load the problem reports`} />;
  if (!reports.data) return null;
  const list = reports.data.reports;
  return (
    <Card withBorder component="section" aria-labelledby="problem-reports-title">
      <Stack>
        <Title order={2} size="h3" id="problem-reports-title">
          <Trans>Problem reports</Trans>
        </Title>
        <ProblemAlert error={review.error} />
        {list.length === 0 ? (
          <Text>
            <Trans>No one in this cohort has reported a problem.</Trans>
          </Text>
        ) : (
          <Table striped>
            <VisuallyHidden component="caption">
              <Trans>Problems the pairs reported, newest first</Trans>
            </VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  <Trans>Reported</Trans>
                </Table.Th>
                <Table.Th scope="col">
                  <Trans>Pair</Trans>
                </Table.Th>
                <Table.Th scope="col">
                  <Trans>By</Trans>
                </Table.Th>
                <Table.Th scope="col">
                  <Trans>Kind</Trans>
                </Table.Th>
                <Table.Th scope="col">
                  <Trans>What happened</Trans>
                </Table.Th>
                <Table.Th scope="col">
                  <Trans>Status</Trans>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((report) => (
                <Table.Tr key={report.id}>
                  <Table.Td>{formatDate(report.createdAt)}</Table.Td>
                  <Table.Td>
                    <Trans>
                      {report.pair.member} with {report.pair.guide}
                    </Trans>
                  </Table.Td>
                  <Table.Td>{report.reporterRole ? roleLabels()[report.reporterRole] : '—'}</Table.Td>
                  <Table.Td>{kindLabels()[report.kind] ?? report.kind}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{report.details}</Table.Td>
                  <Table.Td>
                    {report.reviewedAt ? (
                      <Badge variant="light" color="gray">
                        <Trans>Reviewed {formatDate(report.reviewedAt)}</Trans>
                      </Badge>
                    ) : (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => review.mutate(report.id)}
                        loading={review.isPending && review.variables === report.id}
                        aria-label={t`Mark reviewed: the report about ${report.pair.member} and ${report.pair.guide} from ${formatDate(report.createdAt)}`}
                      >
                        <Trans>Mark reviewed</Trans>
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
