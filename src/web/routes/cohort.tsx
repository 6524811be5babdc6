import { plural, t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Anchor, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { CenteredLoader } from '../components/centered-loader';
import { ProblemAlert } from '../components/problem-alert';
import { CohortDashboardCard } from '../components/programs/cohort-dashboard-card';
import { CsvImportCard } from '../components/programs/csv-import-card';
import { GuideAnswersCard } from '../components/programs/guide-answers-card';
import { MatchModesCard, modeLabel } from '../components/programs/match-modes-card';
import { MatchResults } from '../components/programs/match-results';
import { ParticipantsCard, participantsKey } from '../components/programs/participants-card';
import { ProblemReportsCard } from '../components/programs/problem-reports-card';
import { publishConfirmation } from '../components/programs/publish-wording';
import { newPairsOf, RematchCard } from '../components/programs/rematch-card';
import { WhyNotForm } from '../components/programs/why-not-form';
import { formatDate } from '../format';

export function CohortPage() {
  const { cohortId = '' } = useParams();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  // Which mode's run the admin is looking at (and would publish); the latest run until they pick.
  const [shownRunId, setShownRunId] = useState<string | null>(null);
  const cohort = useQuery({
    queryKey: ['cohort', cohortId],
    queryFn: () => unwrap(api.cohorts[':cohortId'].$get({ param: { cohortId } })),
  });
  const latest = useQuery({
    queryKey: ['match-run', cohortId],
    queryFn: () => unwrap(api.cohorts[':cohortId']['match-runs'].latest.$get({ param: { cohortId } })),
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['cohort', cohortId] });
    await queryClient.invalidateQueries({ queryKey: participantsKey(cohortId) });
  };
  const shownId = shownRunId ?? latest.data?.id ?? null;
  const shown = useQuery({
    queryKey: ['match-run', cohortId, shownId],
    enabled: shownId !== null && shownId !== latest.data?.id,
    queryFn: () =>
      unwrap(
        api.cohorts[':cohortId']['match-runs'][':runId'].$get({ param: { cohortId, runId: shownId ?? '' } }),
      ),
  });
  const viewed = shownId === latest.data?.id ? latest.data : (shown.data ?? latest.data);
  const batchPublished = viewed?.comparison.some((row) => row.publishedAt !== null) ?? false;
  const run = useMutation({
    mutationFn: () => unwrap(api.cohorts[':cohortId']['match-runs'].$post({ param: { cohortId } })),
    onSuccess: (result) => {
      setShownRunId(null);
      queryClient.setQueryData(['match-run', cohortId], result);
    },
  });
  // A rematch mid-cohort becomes the latest run, shown (and published) like any other.
  const rematch = useMutation({
    mutationFn: () => unwrap(api.cohorts[':cohortId'].rematch.$post({ param: { cohortId } })),
    onSuccess: (result) => {
      setShownRunId(null);
      queryClient.setQueryData(['match-run', cohortId], result);
    },
  });
  const hasPublished = Boolean(
    latest.data && (latest.data.rematch || latest.data.comparison.some((row) => row.publishedAt !== null)),
  );
  const publish = useMutation({
    mutationFn: (runId: string) =>
      unwrap(api.cohorts[':cohortId']['match-runs'][':runId'].publish.$post({ param: { cohortId, runId } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['cohort-dashboard', cohortId] });
      await queryClient.invalidateQueries({ queryKey: ['match-run', cohortId] });
      setShownRunId(null);
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

  if (cohort.isPending) return <CenteredLoader label={t`Loading the cohort`} />;
  if (cohort.error) return <ProblemAlert error={cohort.error} title={t`Could not load this cohort`} />;
  const data = cohort.data;
  return (
    <Stack maw={1100}>
      <Trans>
        <Anchor component={Link} to={`/programs/${data.programId}`} size="sm">
          ← Cohorts
        </Anchor>
      </Trans>
      <Title order={1}>{data.name}</Title>
      <Trans>
        <Anchor component={Link} to={`/cohorts/${cohortId}/outcomes`}>
          Outcomes and pairs at risk
        </Anchor>
      </Trans>
      <Text>
        <Trans>
          Applications {formatDate(data.applicationsOpen)} – {formatDate(data.applicationsClose)} · matching{' '}
          {formatDate(data.matchingOn)} · runs {formatDate(data.startsOn)} – {formatDate(data.endsOn)}
        </Trans>
      </Text>
      <Text fw={600} aria-live="polite">
        <Trans>
          {data.members} members · {data.guides} guides with {data.guideSeats} seats
        </Trans>
        {data.pendingMembers + data.pendingGuides > 0
          ? t` · ${data.pendingMembers + data.pendingGuides} invited, not yet confirmed (never matched until they confirm)`
          : ''}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <CsvImportCard cohortId={cohortId} applicantRole="member" onImported={refresh} />
        <CsvImportCard cohortId={cohortId} applicantRole="guide" onImported={refresh} />
      </SimpleGrid>
      <ParticipantsCard cohortId={cohortId} />
      <GuideAnswersCard cohortId={cohortId} />
      <Card withBorder component="section" aria-labelledby="matching-title">
        <Stack>
          <Group justify="space-between">
            <Title order={2} size="h3" id="matching-title">
              <Trans>Matching</Trans>
            </Title>
            <Button
              onClick={() => run.mutate()}
              loading={run.isPending || decide.isPending}
              disabled={data.members === 0 || data.guides === 0}
            >
              {latest.data ? t`Run matching again` : t`Run matching`}
            </Button>
          </Group>
          {hasPublished && (
            <Group>
              <Text size="sm">
                <Trans>
                  Pairs ended or people joined? Rematch keeps every running pair it can and shows who moves.
                </Trans>
              </Text>
              <Button variant="light" onClick={() => rematch.mutate()} loading={rematch.isPending}>
                <Trans>Rematch with the fewest changes</Trans>
              </Button>
            </Group>
          )}
          <ProblemAlert error={run.error ?? rematch.error ?? decide.error ?? publish.error} />
          {viewed?.rematch && (
            <RematchCard rematch={viewed.rematch} published={viewed.publishedAt !== null} />
          )}
          {viewed && (
            <MatchModesCard
              rows={viewed.comparison}
              members={viewed.members}
              shown={shownId ?? viewed.id}
              onShow={setShownRunId}
            />
          )}
          {viewed && (
            <Group>
              {viewed.publishedAt ? (
                <Text fw={600}>
                  <Trans>
                    Published ({modeLabel()[viewed.mode].toLowerCase()}): each pair was proposed to both
                    people, who accept or decline.
                  </Trans>
                </Text>
              ) : batchPublished ? (
                <Text>
                  <Trans>
                    Another mode of this run is published. Run matching again to publish a different one.
                  </Trans>
                </Text>
              ) : (
                <Button onClick={() => setConfirming(true)} loading={publish.isPending}>
                  {viewed.rematch ? (
                    <Trans>Publish the rematch</Trans>
                  ) : (
                    <Trans>Publish the {modeLabel()[viewed.mode].toLowerCase()} matches</Trans>
                  )}
                </Button>
              )}
              {publish.data && (
                <Text role="status">
                  {plural(publish.data.proposed, {
                    one: 'Proposed # pair: each starts once both people accept',
                    other: 'Proposed # pairs: each starts once both people accept',
                  })}
                  {publish.data.waitingForConfirmation.length > 0
                    ? t`; ${publish.data.waitingForConfirmation.length} pair(s) wait for someone to confirm they joined.`
                    : '.'}
                </Text>
              )}
            </Group>
          )}
          {viewed && <WhyNotForm cohortId={cohortId} runId={viewed.id} />}
          {viewed ? (
            <MatchResults
              run={viewed}
              onDecide={(memberApplicationId, guideApplicationId, decision) =>
                decide.mutate({ memberApplicationId, guideApplicationId, decision })
              }
            />
          ) : (
            <Text>
              <Trans>Import members and guides, then run matching to see who fits whom, and why.</Trans>
            </Text>
          )}
        </Stack>
      </Card>
      {viewed && (
        <PublishDialog
          opened={confirming}
          pairs={viewed.rematch ? newPairsOf(viewed.rematch) : viewed.matches.length}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            publish.mutate(viewed.id);
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
    <Modal
      opened={opened}
      onClose={onCancel}
      title={text.title}
      closeButtonProps={{ 'aria-label': t`Close` }}
    >
      <Text>{text.body}</Text>
      <Group mt="md" justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          <Trans>Cancel</Trans>
        </Button>
        <Button onClick={onConfirm}>{text.confirm}</Button>
      </Group>
    </Modal>
  );
}
