import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Collapse,
  Group,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { Temporal } from 'temporal-polyfill';
import { browserTimeZone } from '../../api/auth-client';
import { ApiProblem, api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../components/problem-alert';
import { localInputToInstant } from '../../local-time';
import { clockIn, dayLabel, type Slot } from '../../week-slots';
import { IntroTimes } from './intro-times';

// Asking a guide for a free intro: at one of their open intro times (held for the member while the guide
// answers), or, when none suits or none can be offered, at a time of the member's own.
export function IntroRequestCard({
  guideId,
  guideName,
  guideZone,
  showTimes = false,
}: {
  guideId: string;
  guideName: string;
  guideZone: string;
  /** Open with the intro times shown (the directory's "See intro times" link). */
  showTimes?: boolean;
}) {
  const queryClient = useQueryClient();
  const viewerZone = browserTimeZone();
  const [open, setOpen] = useState(showTimes);
  const [picked, setPicked] = useState<Slot | null>(null);
  const [taken, setTaken] = useState<string | null>(null);
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
          json: picked
            ? { guideId, message, slotStart: picked.start }
            : { guideId, message, proposedTimes: [localInputToInstant(when, viewerZone)] },
        }),
      ),
    onSuccess: () => {
      setSent(true);
      queryClient.invalidateQueries({ queryKey: ['intros'] });
      queryClient.invalidateQueries({ queryKey: ['guide', guideId, 'intro-slots'] });
    },
    onError: async (error) => {
      // Someone else took the time meanwhile (or a calendar stopped answering): show the times open now.
      if (
        error instanceof ApiProblem &&
        (error.problem.code === 'slot-taken' || error.problem.code === 'slots-hidden')
      ) {
        setPicked(null);
        setTaken(error.problem.detail);
        await queryClient.invalidateQueries({ queryKey: ['guide', guideId, 'intro-slots'] });
      }
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate();
  };
  const pick = (slot: Slot) => {
    setTaken(null);
    setPicked(slot);
  };
  const guideFirstName = guideName.split(' ')[0] ?? guideName;
  const pickedDay = picked
    ? dayLabel(Temporal.Instant.from(picked.start).toZonedDateTimeISO(viewerZone).toPlainDate().toString())
    : '';
  const pickedStart = picked ? clockIn(picked.start, viewerZone) : '';
  const pickedEnd = picked ? clockIn(picked.end, viewerZone) : '';
  const pickedGuide = picked ? clockIn(picked.start, guideZone, viewerZone) : '';
  return (
    <Card withBorder component="form" onSubmit={submit} aria-labelledby="ask-intro">
      <Title order={2} size="h4" id="ask-intro">
        <Trans>Ask for a free intro session</Trans>
      </Title>
      {sent ? (
        <Text mt="xs" role="status">
          <Trans>
            Request sent. You will see the answer under{' '}
            <Anchor component={Link} to="/intros">
              Intro requests
            </Anchor>
            .
          </Trans>
        </Text>
      ) : (
        <Stack mt="xs">
          <Textarea
            label={t`What you would like to talk about`}
            required
            minRows={3}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
          />
          <Group>
            <Button
              variant="default"
              aria-expanded={open}
              aria-controls="intro-times-panel"
              onClick={() => setOpen(!open)}
            >
              {open ? t`Hide intro times` : t`See intro times`}
            </Button>
          </Group>
          <Collapse expanded={open} id="intro-times-panel">
            {open && <IntroTimes guideId={guideId} guideName={guideName} picked={picked} onPick={pick} />}
          </Collapse>
          {taken && (
            <Alert color="orange" role="alert" title={t`That time is gone`}>
              {taken} <Trans>The intro times above show what is open now.</Trans>
            </Alert>
          )}
          {picked ? (
            <Group gap="xs" role="group" aria-label={t`Your intro time`}>
              <Text size="sm" role="status">
                <Trans>
                  Your intro time: {pickedDay}, {pickedStart} to {pickedEnd} your time ({pickedGuide} for{' '}
                  {guideFirstName}).
                </Trans>
              </Text>
              <Button variant="subtle" color="gray" size="xs" onClick={() => setPicked(null)}>
                <Trans>Propose my own time instead</Trans>
              </Button>
            </Group>
          ) : (
            <TextInput
              label={t`A time that suits you`}
              description={t`Or pick one of the open intro times above. Your time zone: ${viewerZone}`}
              type="datetime-local"
              required
              value={when}
              onChange={(e) => setWhen(e.currentTarget.value)}
            />
          )}
          <ProblemAlert error={taken ? null : request.error} />
          <Group>
            <Button type="submit" loading={request.isPending}>
              {picked ? t`Request this intro time` : t`Send intro request`}
            </Button>
            <Button variant="light" onClick={() => add.mutate()} disabled={add.isSuccess}>
              {add.isSuccess ? t`On your shortlist` : t`Add to shortlist`}
            </Button>
          </Group>
          <ProblemAlert error={add.error} />
        </Stack>
      )}
    </Card>
  );
}
