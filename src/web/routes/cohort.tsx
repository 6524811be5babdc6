import { Anchor, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiProblem, api, unwrap } from '../api/client';
import { CenteredLoader } from '../components/centered-loader';
import { ProblemAlert } from '../components/problem-alert';
import { CohortDashboardCard } from '../components/programs/cohort-dashboard-card';
import { CsvImportCard } from '../components/programs/csv-import-card';
import { MatchResults } from '../components/programs/match-results';
import { ParticipantsCard, participantsKey } from '../components/programs/participants-card';
import { ProblemReportsCard } from '../components/programs/problem-reports-card';
import { publishConfirmation } from '../components/programs/publish-wording';
import { formatDate } from '../format';

export function CohortPage() {
  const { cohortId = '' } = useParams();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const cohort = useQuery({
    queryKey: ['cohort', cohortId],
    queryFn: () => unwrap(api.cohorts[':cohortId'].$get({ param: { cohortId } })),
  });
  const latest = useQuery({
    queryKey: ['match-run', cohortId],
    queryFn: async () => {
      try {
        return await unwrap(api.cohorts[':cohortId']['match-runs'].latest.$get({ param: { cohortId } }));
      } catch (error) {
        if (error instanceof ApiProblem && error.problem.status === 404) return null;
        throw error;
      }
    },
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['cohort', cohortId] });
    await queryClient.invalidateQueries({ queryKey: participantsKey(cohortId) });
  };
  const run = useMutation({
    mutationFn: () => unwrap(api.cohorts[':cohortId']['match-runs'].$post({ param: { cohortId } })),
    onSuccess: (result) => queryClient.setQueryData(['match-run', cohortId], result),
  });
  const publish = useMutation({
    mutationFn: (runId: string) =>
      unwrap(api.cohorts[':cohortId']['match-runs'][':runId'].publish.$post({ param: { cohortId, runId } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['cohort-dashboard', cohortId] });
      await queryClient.invalidateQueries({ queryKey: ['match-run', cohortId] });
    },
  });
  const decide = useMutation({
    mutationFn: (input: {
      memberApplicationId: string;
      guideApplicationId: string;
      decision: 'pin' | 'block' | 'clear';
    }) => api.cohorts[':cohortId'].overrides.$post({ param: { cohortId }, json: input }),
    onSuccess: () => run.mutate(),
  });

  if (cohort.isPending) return <CenteredLoader label="Loading the cohort" />;
  if (cohort.error) return <ProblemAlert error={cohort.error} title="Could not load this cohort" />;
  const data = cohort.data;
  return (
    <Stack maw={1100}>
      <Anchor component={Link} to={`/programs/${data.programId}`} size="sm">
        ← Cohorts
      </Anchor>
      <Title order={1}>{data.name}</Title>
      <Anchor component={Link} to={`/cohorts/${cohortId}/outcomes`}>
        Outcomes and pairs at risk
      </Anchor>
      <Text>
        Applications {formatDate(data.applicationsOpen)} – {formatDate(data.applicationsClose)} · matching{' '}
        {formatDate(data.matchingOn)} · runs {formatDate(data.startsOn)} – {formatDate(data.endsOn)}
      </Text>
      <Text fw={600} aria-live="polite">
        {data.members} members · {data.guides} guides with {data.guideSeats} seats
        {data.pendingMembers + data.pendingGuides > 0
          ? ` · ${data.pendingMembers + data.pendingGuides} invited, not yet confirmed (never matched until they confirm)`
          : ''}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <CsvImportCard cohortId={cohortId} applicantRole="member" onImported={refresh} />
        <CsvImportCard cohortId={cohortId} applicantRole="guide" onImported={refresh} />
      </SimpleGrid>
      <ParticipantsCard cohortId={cohortId} />
      <Card withBorder component="section" aria-labelledby="matching-title">
        <Stack>
          <Group justify="space-between">
            <Title order={2} size="h3" id="matching-title">
              Matching
            </Title>
            <Button
              onClick={() => run.mutate()}
              loading={run.isPending || decide.isPending}
              disabled={data.members === 0 || data.guides === 0}
            >
              {latest.data ? 'Run matching again' : 'Run matching'}
            </Button>
          </Group>
          <ProblemAlert error={run.error ?? decide.error ?? publish.error} />
          {latest.data && (
            <Group>
              {latest.data.publishedAt ? (
                <Text fw={600}>Published: each pair was proposed to both people, who accept or decline.</Text>
              ) : (
                <Button onClick={() => setConfirming(true)} loading={publish.isPending}>
                  Publish these matches
                </Button>
              )}
              {publish.data && (
                <Text role="status">
                  Proposed {publish.data.proposed} pair{publish.data.proposed === 1 ? '' : 's'}: each starts
                  once both people accept
                  {publish.data.waitingForConfirmation.length > 0
                    ? `; ${publish.data.waitingForConfirmation.length} pair(s) wait for someone to confirm they joined.`
                    : '.'}
                </Text>
              )}
            </Group>
          )}
          {latest.data ? (
            <MatchResults
              run={latest.data}
              onDecide={(memberApplicationId, guideApplicationId, decision) =>
                decide.mutate({ memberApplicationId, guideApplicationId, decision })
              }
            />
          ) : (
            <Text>Import members and guides, then run matching to see who fits whom, and why.</Text>
          )}
        </Stack>
      </Card>
      {latest.data && (
        <PublishDialog
          opened={confirming}
          pairs={latest.data.matches.length}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            publish.mutate(latest.data?.id ?? '');
          }}
        />
      )}
      <CohortDashboardCard cohortId={cohortId} published={Boolean(latest.data?.publishedAt)} />
      <ProblemReportsCard cohortId={cohortId} />
    </Stack>
  );
}

function PublishDialog({
  opened,
  pairs,
  onCancel,
  onConfirm,
}: {
  opened: boolean;
  pairs: number;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const text = publishConfirmation(pairs);
  return (
    <Modal opened={opened} onClose={onCancel} title={text.title} closeButtonProps={{ 'aria-label': 'Close' }}>
      <Text>{text.body}</Text>
      <Group mt="md" justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button onClick={onConfirm}>{text.confirm}</Button>
      </Group>
    </Modal>
  );
}
