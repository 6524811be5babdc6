import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Alert, Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { Temporal } from 'temporal-polyfill';
import type { Weekday } from '../../../domain/sessions/availability';
import { browserTimeZone } from '../../api/auth-client';
import { api, unwrap } from '../../api/client';
import { languageName, windowInZone } from '../../availability-in-zone';
import { CenteredLoader } from '../../components/centered-loader';
import { ProblemAlert } from '../../components/problem-alert';
import { formatDate } from '../../format';
import { priceText } from './directory';
import { IntroRequestCard } from './intro-request-card';

// Both clocks: the guide's own (what they wrote) and the reader's, for the coming week.
function AvailabilityLine({
  availability,
  guideZone,
}: {
  availability: { weekday: number; start: string; end: string }[];
  guideZone: string;
}) {
  const viewerZone = browserTimeZone();
  if (availability.length === 0) return <Trans>Available: no weekly times set</Trans>;
  const today = Temporal.Now.plainDateISO(viewerZone);
  const labels = availability.map((w) =>
    windowInZone({ ...w, weekday: w.weekday as Weekday }, guideZone, viewerZone, today),
  );
  return (
    <>
      <Trans>Available ({guideZone}):</Trans> {labels.map((l) => l.theirs).join('; ')}
      {labels.some((l) => l.yours) && (
        <>
          <Trans>
            <br />
            In your time ({viewerZone}):
          </Trans>{' '}
          {labels.map((l) => l.yours ?? l.theirs).join('; ')}
        </>
      )}
    </>
  );
}

export function GuideProfilePage() {
  const { guideId = '' } = useParams();
  const [searchParams] = useSearchParams();
  const profile = useQuery({
    queryKey: ['guide', guideId],
    queryFn: () => unwrap(api.guides[':guideId'].$get({ param: { guideId } })),
  });
  if (profile.isPending) return <CenteredLoader label={t`Loading the guide`} />;
  if (profile.error) return <ProblemAlert error={profile.error} title={t`Could not load this guide`} />;
  const guide = profile.data;
  return (
    <Stack maw={860}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{guide.name}</Title>
          <Text size="lg">{guide.headline}</Text>
        </div>
        <Badge size="lg" variant="light">
          {guide.kind === 'both' ? t`Mentor and coach` : guide.kind}
        </Badge>
      </Group>
      {guide.status === 'paused' && (
        <Alert color="yellow" title={t`Not taking requests right now`}>
          {guide.pausedReason ?? t`This guide has paused their profile.`}
        </Alert>
      )}
      <Text>{guide.bio}</Text>
      <Card withBorder component="section" aria-labelledby="how-they-work">
        <Title order={2} size="h4" id="how-they-work">
          <Trans>How they work</Trans>
        </Title>
        <List size="sm" mt="xs" spacing={4}>
          <List.Item>
            <Trans>Expertise:</Trans> {guide.expertise.join(', ') || t`not listed`}
          </List.Item>
          <List.Item>
            <Trans>Focus:</Trans>{' '}
            {guide.approach === 'person'
              ? t`you as a person`
              : guide.approach === 'craft'
                ? t`the craft`
                : t`a blend of person and craft`}
          </List.Item>
          <List.Item>
            <Trans>Structure:</Trans>{' '}
            {guide.structure === 'client-led'
              ? t`led by what you bring`
              : guide.structure === 'structured'
                ? t`a structured programme`
                : t`a blend`}
          </List.Item>
          <List.Item>
            <Trans>Style: {guide.style}</Trans>
          </List.Item>
          <List.Item>
            <Trans>Credentials:</Trans> {guide.credentials.join(', ') || t`none listed`}
          </List.Item>
          <List.Item>
            <Trans>Background:</Trans> {guide.background || t`not described`}
          </List.Item>
          <List.Item>
            <Trans>Usually works with:</Trans> {guide.worksWith || t`not described`}
            {guide.seniorityLevels.length > 0 && ` (${guide.seniorityLevels.join(', ')})`}
          </List.Item>
          <List.Item>
            <Trans>Meets by: {guide.formats.join(', ')}</Trans>
            {guide.city ? t` in ${guide.city}` : ''} <Trans>· speaks</Trans>{' '}
            {guide.languages.map((code) => languageName(code)).join(', ')}
          </List.Item>
          <List.Item>
            <Trans>
              Price: {priceText(guide)} · {guide.capacityLeft} of {guide.capacity} places left
            </Trans>
          </List.Item>
          <List.Item>
            <AvailabilityLine availability={guide.availability} guideZone={guide.timeZone} />
          </List.Item>
        </List>
        {guide.proofOfWork.length > 0 && (
          <>
            <Title order={3} size="h5" mt="md">
              <Trans>Proof of work</Trans>
            </Title>
            <List size="sm">
              {guide.proofOfWork.map((item) => (
                <List.Item key={item.label}>
                  {item.url ? <Anchor href={item.url}>{item.label}</Anchor> : item.label}
                  {item.description && ` — ${item.description}`}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Card>
      <Card withBorder component="section" aria-labelledby="reliability">
        <Title order={2} size="h4" id="reliability">
          <Trans>Reliability</Trans>
        </Title>
        <Text size="sm" mt="xs">
          {guide.reliability.medianReplyHours === null
            ? t`No intro requests answered yet.`
            : t`Answers intro requests in about ${guide.reliability.medianReplyHours} hours (median of ${guide.reliability.introRequestsAnswered}).`}{' '}
          <Trans>
            Missed intros: {guide.reliability.noShows}. Last active{' '}
            {formatDate(guide.reliability.lastActiveAt)}.
          </Trans>
        </Text>
      </Card>
      {guide.status === 'active' && (
        <IntroRequestCard
          guideId={guideId}
          guideName={guide.name}
          guideZone={guide.timeZone}
          showTimes={searchParams.get('intro') === 'times'}
        />
      )}
    </Stack>
  );
}
