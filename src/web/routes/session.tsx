import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { relKeys, type SessionDetail, useSession } from '../api/relationship-queries';
import { CenteredLoader } from '../components/centered-loader';
import { ProblemAlert } from '../components/problem-alert';
import { CalendarChangeNotice } from '../components/sessions/calendar-change-notice';
import { CloseSessionForm } from '../components/sessions/close-session-form';
import { closingDue } from '../components/sessions/closing-due';
import { ReschedulePanel } from '../components/sessions/reschedule-panel';
import { SharedNotes } from '../components/sessions/shared-notes';

function useSessionMutation<T>(session: SessionDetail, fn: (input: T) => Promise<SessionDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (updated) => {
      queryClient.setQueryData(relKeys.session(session.id), updated);
      await queryClient.invalidateQueries({ queryKey: ['relationship', session.relationshipId] });
    },
  });
}

// Carried-over items say where they came from; template sections speak for themselves.
const agendaSourceLabel = (): Record<string, string> => ({
  'open-action': t`Open action: `,
  'unanswered-question': t`Still open from messages: `,
  'journal-note': t`Brought from the journal: `,
  template: '',
});

export function SessionPage() {
  const { sessionId = '' } = useParams();
  const session = useSession(sessionId);
  if (session.isPending) return <CenteredLoader label={t`Loading the session`} />;
  if (session.error) return <ProblemAlert error={session.error} title={t`Could not load this session`} />;
  const s = session.data;
  const other = s.myRole === 'member' ? 'guide' : 'member';
  return (
    <Stack maw={900}>
      <Trans>
        <Anchor component={Link} to={`/relationships/${s.relationshipId}`} size="sm">
          ← Back to the relationship
        </Anchor>
      </Trans>
      <Group justify="space-between">
        <Title order={1}>{s.templateTitle}</Title>
        <Badge size="lg" variant="light">
          {s.status}
        </Badge>
      </Group>
      <Text data-testid="session-time-mine">
        <Trans>Your time: {s.times[s.myRole]}</Trans>
      </Text>
      <Text data-testid="session-time-other">
        <Trans>
          For the {other}: {s.times[other]}
        </Trans>
      </Text>
      {s.meetingLink && (
        <Anchor href={s.meetingLink} target="_blank" rel="noreferrer">
          <Trans>Join the meeting</Trans>
        </Anchor>
      )}
      {s.place && (
        <Text>
          <Trans>Place: {s.place}</Trans>
        </Text>
      )}
      {s.statusReason && (
        <Text>
          <Trans>Reason: {s.statusReason}</Trans>
        </Text>
      )}
      <Text size="sm">{s.templateSummary}</Text>
      <Card withBorder component="section" aria-labelledby="agenda-title">
        <Title order={2} size="h3" id="agenda-title">
          <Trans>Agenda</Trans>
        </Title>
        {s.agendaTopic && (
          <Text mt="xs">
            <Trans>Topic: {s.agendaTopic}</Trans>
          </Text>
        )}
        {s.preNote && (
          <Text mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
            <Trans>The member’s note: {s.preNote}</Trans>
          </Text>
        )}
        <List mt="sm" spacing="xs">
          {s.agenda.map((item) => (
            <List.Item key={item.key}>
              <Text fw={600}>
                {agendaSourceLabel()[item.source]}
                {item.title}
              </Text>
              <Text size="sm">{item.prompts.join(' ')}</Text>
            </List.Item>
          ))}
        </List>
      </Card>
      {s.status === 'scheduled' && <CalendarChangeNotice session={s} />}
      {s.status === 'scheduled' && s.relationshipStatus === 'active' && <Preparation session={s} />}
      {s.status !== 'cancelled' && s.relationshipStatus === 'active' && <SharedNotes session={s} />}
      {s.status !== 'cancelled' && s.status === 'held' && s.relationshipStatus !== 'active' && (
        <Card withBorder>
          <Title order={2} size="h3">
            <Trans>Shared notes</Trans>
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{s.sharedNotes.body || t`No notes.`}</Text>
        </Card>
      )}
      {s.relationshipStatus === 'active' && <PrivateNote session={s} />}
      {s.nextSteps.length > 0 && (
        <Card withBorder component="section" aria-labelledby="next-steps-title">
          <Title order={2} size="h3" id="next-steps-title">
            <Trans>Next steps</Trans>
          </Title>
          <List>
            {s.nextSteps.map((step) => (
              <List.Item key={step.id}>
                {step.title} ({step.kind}, {step.status})
              </List.Item>
            ))}
          </List>
          {s.insights && (
            <Text mt="xs">
              <Trans>Insights: {s.insights}</Trans>
            </Text>
          )}
        </Card>
      )}
      {s.status === 'scheduled' && s.relationshipStatus === 'active' && <ReschedulePanel session={s} />}
      {s.status === 'scheduled' &&
        s.relationshipStatus === 'active' &&
        (closingDue(s.startsAt, new Date()) ? (
          <CloseSessionForm session={s} />
        ) : (
          <Text size="sm" c="dimmed">
            <Trans>
              After the session starts, you record here whether it was held, with notes and actions.
            </Trans>
          </Text>
        ))}
      {s.status === 'held' && <Pulse session={s} />}
    </Stack>
  );
}

function Preparation({ session }: { session: SessionDetail }) {
  const [topic, setTopic] = useState(session.agendaTopic);
  const [preNote, setPreNote] = useState(session.preNote);
  const save = useSessionMutation(session, () =>
    unwrap(
      api.sessions[':sessionId'].preparation.$patch({
        param: { sessionId: session.id },
        json: session.myRole === 'member' ? { agendaTopic: topic, preNote } : { agendaTopic: topic },
      }),
    ),
  );
  return (
    <Card withBorder component="section" aria-labelledby="prep-title">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(undefined);
        }}
      >
        <Stack gap="xs">
          <Title order={2} size="h3" id="prep-title">
            <Trans>Before the session</Trans>
          </Title>
          <TextInput
            label={t`Agenda topic`}
            value={topic}
            onChange={(e) => setTopic(e.currentTarget.value)}
          />
          {session.myRole === 'member' && (
            <Textarea
              label={t`Pre-session note`}
              description={t`What you want to talk about and your thoughts so far.`}
              autosize
              minRows={3}
              value={preNote}
              onChange={(e) => setPreNote(e.currentTarget.value)}
            />
          )}
          <ProblemAlert error={save.error} />
          {save.isSuccess && (
            <Text role="status">
              <Trans>Saved.</Trans>
            </Text>
          )}
          <Button type="submit" variant="light" loading={save.isPending}>
            <Trans>Save preparation</Trans>
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function PrivateNote({ session }: { session: SessionDetail }) {
  const [body, setBody] = useState(session.myPrivateNote);
  const save = useSessionMutation(session, () =>
    unwrap(
      api.sessions[':sessionId']['private-note'].$put({ param: { sessionId: session.id }, json: { body } }),
    ),
  );
  return (
    <Card withBorder component="section" aria-labelledby="private-title">
      <Stack gap="xs">
        <Title order={2} size="h3" id="private-title">
          <Trans>My private note</Trans>
        </Title>
        <Text size="sm">
          <Trans>Only you can see this, never the other person.</Trans>
        </Text>
        <Textarea
          label={t`Private note`}
          autosize
          minRows={2}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
        />
        <ProblemAlert error={save.error} />
        <Group>
          <Button variant="light" onClick={() => save.mutate(undefined)} loading={save.isPending}>
            <Trans>Save private note</Trans>
          </Button>
          {save.isSuccess && (
            <Text role="status">
              <Trans>Saved.</Trans>
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

function Pulse({ session }: { session: SessionDetail }) {
  const [score, setScore] = useState(4);
  const [word, setWord] = useState('');
  const save = useSessionMutation(session, () =>
    unwrap(
      api.sessions[':sessionId'].pulse.$post({ param: { sessionId: session.id }, json: { score, word } }),
    ),
  );
  const { mine, theirs, theyAnswered } = session.pulse;
  return (
    <Card withBorder component="section" aria-labelledby="pulse-title">
      <Stack gap="xs">
        <Title order={2} size="h3" id="pulse-title">
          <Trans>Session pulse</Trans>
        </Title>
        {mine ? (
          <Text>
            <Trans>
              You rated it {mine.score} of 5: “{mine.word}”.
            </Trans>{' '}
            {theirs
              ? t`The other side rated it ${theirs.score} of 5: “${theirs.word}”.`
              : t`The other side’s rating appears once they have answered.`}
          </Text>
        ) : (
          <>
            <Text size="sm">
              <Trans>Thirty seconds.</Trans> {theyAnswered ? t`The other side has answered; ` : ''}
              <Trans>you see each other’s rating once both have answered.</Trans>
            </Text>
            <Group align="flex-end">
              <NumberInput
                label={t`How valuable was it? (1–5)`}
                min={1}
                max={5}
                value={score}
                onChange={(v) => setScore(Number(v) || 1)}
              />
              <TextInput
                label={t`One word on how it felt`}
                value={word}
                onChange={(e) => setWord(e.currentTarget.value)}
              />
              <Button onClick={() => save.mutate(undefined)} loading={save.isPending}>
                <Trans>Send pulse</Trans>
              </Button>
            </Group>
            <ProblemAlert error={save.error} />
          </>
        )}
      </Stack>
    </Card>
  );
}
