import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Alert, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../problem-alert';
import { participantsKey } from './participants-card';

// "Why not this guide?": for any member and any guide, the run's own reason and what would change it.
export function WhyNotForm({ cohortId, runId }: { cohortId: string; runId: string }) {
  const participants = useQuery({
    queryKey: participantsKey(cohortId),
    queryFn: () => unwrap(api.cohorts[':cohortId'].participants.$get({ param: { cohortId } })),
  });
  const confirmed = (participants.data?.participants ?? []).filter((p) => p.status === 'confirmed');
  const options = (role: 'member' | 'guide') =>
    confirmed.filter((p) => p.role === role).map((p) => ({ value: p.applicationId, label: p.name }));
  const [member, setMember] = useState<string | null>(null);
  const [guide, setGuide] = useState<string | null>(null);
  const ask = useMutation({
    mutationFn: () =>
      unwrap(
        api.cohorts[':cohortId']['match-runs'][':runId']['why-not'].$get({
          param: { cohortId, runId },
          query: { member: member ?? '', guide: guide ?? '' },
        }),
      ),
  });
  return (
    <Stack gap="xs" component="section" aria-labelledby="why-not-title">
      <Title order={3} size="h4" id="why-not-title">
        <Trans>Why not this guide?</Trans>
      </Title>
      <Group align="end">
        <Select label={t`Member`} data={options('member')} value={member} onChange={setMember} searchable />
        <Select label={t`Guide`} data={options('guide')} value={guide} onChange={setGuide} searchable />
        <Button
          variant="default"
          onClick={() => ask.mutate()}
          disabled={!member || !guide}
          loading={ask.isPending}
        >
          <Trans>Ask why</Trans>
        </Button>
      </Group>
      <ProblemAlert error={ask.error ?? participants.error} />
      {ask.data && (
        <Alert variant="light" role="status" title={t`${ask.data.memberName} and ${ask.data.guideName}`}>
          <Text>{ask.data.reason}</Text>
          {ask.data.change && (
            <Text mt="xs">
              <Trans>What would change it: {ask.data.change}</Trans>
            </Text>
          )}
        </Alert>
      )}
    </Stack>
  );
}
