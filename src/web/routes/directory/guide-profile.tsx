import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Temporal } from 'temporal-polyfill';
import type { Weekday } from '../../../domain/sessions/availability';
import { browserTimeZone } from '../../api/auth-client';
import { api, unwrap } from '../../api/client';
import { languageName, windowInZone } from '../../availability-in-zone';
import { CenteredLoader } from '../../components/centered-loader';
import { ProblemAlert } from '../../components/problem-alert';
import { formatDate } from '../../format';
import { localInputToInstant } from '../../local-time';
import { priceText } from './directory';

// Both clocks: the guide's own (what they wrote) and the reader's, for the coming week.
function AvailabilityLine({
  availability,
  guideZone,
}: {
  availability: { weekday: number; start: string; end: string }[];
  guideZone: string;
}) {
  const viewerZone = browserTimeZone();
  if (availability.length === 0) return <>Available: no weekly times set</>;
  const today = Temporal.Now.plainDateISO(viewerZone);
  const labels = availability.map((w) =>
    windowInZone({ ...w, weekday: w.weekday as Weekday }, guideZone, viewerZone, today),
  );
  return (
    <>
      Available ({guideZone}): {labels.map((l) => l.theirs).join('; ')}
      {labels.some((l) => l.yours) && (
        <>
          <br />
          In your time ({viewerZone}): {labels.map((l) => l.yours ?? l.theirs).join('; ')}
        </>
      )}
    </>
  );
}

export function GuideProfilePage() {
  const { guideId = '' } = useParams();
  const queryClient = useQueryClient();
  const profile = useQuery({
    queryKey: ['guide', guideId],
    queryFn: () => unwrap(api.guides[':guideId'].$get({ param: { guideId } })),
  });
  const [message, setMessage] = useState('');
  const [when, setWhen] = useState('');
  const [sent, setSent] = useState(false);
  const add = useMutation({
    mutationFn: () => unwrap(api.shortlist.$post({ json: { guideId } })),
    onSuccess: (data) => queryClient.setQueryData(['shortlist'], data),
  });
  const request = useMutation({
    mutationFn: () =>
      unwrap(
        api.intros.$post({
          json: { guideId, message, proposedTimes: [localInputToInstant(when, browserTimeZone())] },
        }),
      ),
    onSuccess: () => {
      setSent(true);
      queryClient.invalidateQueries({ queryKey: ['intros'] });
    },
  });
  if (profile.isPending) return <CenteredLoader label="Loading the guide" />;
  if (profile.error) return <ProblemAlert error={profile.error} title="Could not load this guide" />;
  const guide = profile.data;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate();
  };
  return (
    <Stack maw={860}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{guide.name}</Title>
          <Text size="lg">{guide.headline}</Text>
        </div>
        <Badge size="lg" variant="light">
          {guide.kind === 'both' ? 'Mentor and coach' : guide.kind}
        </Badge>
      </Group>
      {guide.status === 'paused' && (
        <Alert color="yellow" title="Not taking requests right now">
          {guide.pausedReason ?? 'This guide has paused their profile.'}
        </Alert>
      )}
      <Text>{guide.bio}</Text>
      <Card withBorder component="section" aria-labelledby="how-they-work">
        <Title order={2} size="h4" id="how-they-work">
          How they work
        </Title>
        <List size="sm" mt="xs" spacing={4}>
          <List.Item>Expertise: {guide.expertise.join(', ') || 'not listed'}</List.Item>
          <List.Item>
            Focus:{' '}
            {guide.approach === 'person'
              ? 'you as a person'
              : guide.approach === 'craft'
                ? 'the craft'
                : 'a blend of person and craft'}
          </List.Item>
          <List.Item>
            Structure:{' '}
            {guide.structure === 'client-led'
              ? 'led by what you bring'
              : guide.structure === 'structured'
                ? 'a structured programme'
                : 'a blend'}
          </List.Item>
          <List.Item>Style: {guide.style}</List.Item>
          <List.Item>Credentials: {guide.credentials.join(', ') || 'none listed'}</List.Item>
          <List.Item>Background: {guide.background || 'not described'}</List.Item>
          <List.Item>
            Usually works with: {guide.worksWith || 'not described'}
            {guide.seniorityLevels.length > 0 && ` (${guide.seniorityLevels.join(', ')})`}
          </List.Item>
          <List.Item>
            Meets by: {guide.formats.join(', ')}
            {guide.city ? ` in ${guide.city}` : ''} · speaks{' '}
            {guide.languages.map((code) => languageName(code)).join(', ')}
          </List.Item>
          <List.Item>
            Price: {priceText(guide)} · {guide.capacityLeft} of {guide.capacity} places left
          </List.Item>
          <List.Item>
            <AvailabilityLine availability={guide.availability} guideZone={guide.timeZone} />
          </List.Item>
        </List>
        {guide.proofOfWork.length > 0 && (
          <>
            <Title order={3} size="h5" mt="md">
              Proof of work
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
          Reliability
        </Title>
        <Text size="sm" mt="xs">
          {guide.reliability.medianReplyHours === null
            ? 'No intro requests answered yet.'
            : `Answers intro requests in about ${guide.reliability.medianReplyHours} hours (median of ${guide.reliability.introRequestsAnswered}).`}{' '}
          Missed intros: {guide.reliability.noShows}. Last active {formatDate(guide.reliability.lastActiveAt)}
          .
        </Text>
      </Card>
      {guide.status === 'active' && (
        <Card withBorder component="form" onSubmit={submit} aria-labelledby="ask-intro">
          <Title order={2} size="h4" id="ask-intro">
            Ask for a free intro session
          </Title>
          {sent ? (
            <Text mt="xs" role="status">
              Request sent. You will see the answer under{' '}
              <Anchor component={Link} to="/intros">
                Intro requests
              </Anchor>
              .
            </Text>
          ) : (
            <Stack mt="xs">
              <Textarea
                label="What you would like to talk about"
                required
                minRows={3}
                value={message}
                onChange={(e) => setMessage(e.currentTarget.value)}
              />
              <TextInput
                label="A time that suits you"
                type="datetime-local"
                required
                value={when}
                onChange={(e) => setWhen(e.currentTarget.value)}
              />
              <ProblemAlert error={request.error} />
              <Group>
                <Button type="submit" loading={request.isPending}>
                  Send intro request
                </Button>
                <Button variant="light" onClick={() => add.mutate()} disabled={add.isSuccess}>
                  {add.isSuccess ? 'On your shortlist' : 'Add to shortlist'}
                </Button>
              </Group>
              <ProblemAlert error={add.error} />
            </Stack>
          )}
        </Card>
      )}
    </Stack>
  );
}
