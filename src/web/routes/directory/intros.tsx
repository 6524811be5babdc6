import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Badge, Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { browserTimeZone } from '../../api/auth-client';
import { api, unwrap } from '../../api/client';
import { CenteredLoader } from '../../components/centered-loader';
import { ProblemAlert } from '../../components/problem-alert';
import { formatDateTime } from '../../format';
import { instantToLocalInput, localInputToInstant } from '../../local-time';

type Intro = {
  id: string;
  member: { userId: string; name: string };
  guide: { userId: string; name: string };
  message: string;
  proposedTimes: string[];
  status: string;
  scheduledAt: string | null;
  guideProposedAt: string | null;
  guideNote: string;
  declineReason: string | null;
  guideNoShow: boolean;
};

const statusWords = (): Record<string, string> => ({
  requested: t`Waiting for an answer`,
  accepted: t`Accepted`,
  'new-time-proposed': t`Another time proposed`,
  declined: t`Declined`,
  cancelled: t`Cancelled`,
});

function StatusLine({ intro }: { intro: Intro }) {
  return (
    <Text size="sm" mt={4}>
      <Badge variant="light" mr="xs">
        {statusWords()[intro.status] ?? intro.status}
      </Badge>
      {intro.scheduledAt && t`for ${formatDateTime(intro.scheduledAt)}`}
      {intro.guideProposedAt &&
        intro.status === 'new-time-proposed' &&
        `: ${formatDateTime(intro.guideProposedAt)}`}
      {intro.declineReason && `: “${intro.declineReason}”`}
      {intro.guideNote && ` — “${intro.guideNote}”`}
    </Text>
  );
}

function ReceivedIntro({ intro }: { intro: Intro }) {
  const queryClient = useQueryClient();
  const zone = browserTimeZone();
  const first = intro.proposedTimes[0];
  const [time, setTime] = useState(first ? instantToLocalInput(first, zone) : '');
  const [reason, setReason] = useState('');
  const respond = useMutation({
    mutationFn: (
      json: { action: 'accept' | 'propose'; time: string } | { action: 'decline'; reason: string },
    ) => unwrap(api.intros[':introId'].response.$post({ param: { introId: intro.id }, json })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['intros'] }),
  });
  const iso = () => localInputToInstant(time, zone);
  return (
    <Card withBorder component="article" aria-label={t`Intro request from ${intro.member.name}`}>
      <Title order={3} size="h5">
        <Trans>From {intro.member.name}</Trans>
      </Title>
      <Text size="sm" mt={4}>
        “{intro.message}”
      </Text>
      <Text size="sm">
        <Trans>Proposed: {intro.proposedTimes.map(formatDateTime).join('; ')}</Trans>
      </Text>
      <StatusLine intro={intro} />
      {intro.status === 'requested' && (
        <Stack mt="sm" gap="xs">
          <TextInput
            type="datetime-local"
            label={t`Time for the intro with ${intro.member.name}`}
            description={t`Your local time (${zone})`}
            value={time}
            onChange={(e) => setTime(e.currentTarget.value)}
          />
          <Group>
            <Button size="xs" onClick={() => respond.mutate({ action: 'accept', time: iso() })}>
              <Trans>Accept this time</Trans>
            </Button>
            <Button
              size="xs"
              variant="light"
              onClick={() => respond.mutate({ action: 'propose', time: iso() })}
            >
              <Trans>Propose this time instead</Trans>
            </Button>
          </Group>
          <Textarea
            label={t`Reason for declining ${intro.member.name}`}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={() => respond.mutate({ action: 'decline', reason })}
            >
              <Trans>Decline</Trans>
            </Button>
          </Group>
          <ProblemAlert error={respond.error} />
        </Stack>
      )}
    </Card>
  );
}

function SentIntro({ intro }: { intro: Intro }) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['intros'] });
  const acceptTime = useMutation({
    mutationFn: () =>
      unwrap(api.intros[':introId']['accept-proposed-time'].$post({ param: { introId: intro.id } })),
    onSuccess: refresh,
  });
  const noShow = useMutation({
    mutationFn: () => unwrap(api.intros[':introId']['no-show'].$post({ param: { introId: intro.id } })),
    onSuccess: refresh,
  });
  const past = intro.scheduledAt !== null && new Date(intro.scheduledAt) < new Date();
  return (
    <Card withBorder component="article" aria-label={t`Intro request to ${intro.guide.name}`}>
      <Title order={3} size="h5">
        <Trans>To {intro.guide.name}</Trans>
      </Title>
      <StatusLine intro={intro} />
      <Group mt="sm">
        {intro.status === 'new-time-proposed' && (
          <Button size="xs" onClick={() => acceptTime.mutate()}>
            <Trans>Take the proposed time</Trans>
          </Button>
        )}
        {intro.status === 'accepted' && (
          <Button size="xs" variant="light" component={Link} to={`/scorecards/${intro.guide.userId}`}>
            <Trans>Fill in the scorecard</Trans>
          </Button>
        )}
        {intro.status === 'accepted' && past && !intro.guideNoShow && (
          <Button size="xs" variant="subtle" color="red" onClick={() => noShow.mutate()}>
            <Trans>They did not turn up</Trans>
          </Button>
        )}
      </Group>
      <ProblemAlert error={acceptTime.error ?? noShow.error} />
    </Card>
  );
}

export function IntrosPage() {
  const intros = useQuery({ queryKey: ['intros'], queryFn: () => unwrap(api.intros.$get()) });
  if (intros.isPending) return <CenteredLoader label={t`Loading intro requests`} />;
  if (intros.error) return <ProblemAlert error={intros.error} />;
  return (
    <Stack maw={860}>
      <Title order={1}>
        <Trans>Intro requests</Trans>
      </Title>
      <section aria-labelledby="received">
        <Title order={2} size="h3" id="received">
          <Trans>Asked of me as a guide</Trans>
        </Title>
        <Stack mt="sm">
          {intros.data.received.length === 0 && (
            <Text c="dimmed">
              <Trans>No one has asked you for an intro yet.</Trans>
            </Text>
          )}
          {intros.data.received.map((intro) => (
            <ReceivedIntro key={intro.id} intro={intro} />
          ))}
        </Stack>
      </section>
      <section aria-labelledby="sent">
        <Title order={2} size="h3" id="sent">
          <Trans>My requests</Trans>
        </Title>
        <Stack mt="sm">
          {intros.data.sent.length === 0 && (
            <Text c="dimmed">
              <Trans>You have not asked anyone for an intro yet.</Trans>
            </Text>
          )}
          {intros.data.sent.map((intro) => (
            <SentIntro key={intro.id} intro={intro} />
          ))}
        </Stack>
      </section>
    </Stack>
  );
}
