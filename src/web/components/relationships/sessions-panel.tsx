import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { browserTimeZone } from '../../api/auth-client';
import { api, unwrap } from '../../api/client';
import { type RelationshipDetail, useSessions } from '../../api/relationship-queries';
import { ProblemAlert } from '../problem-alert';
import { useRelMutation } from './use-rel-mutation';
import { WeekSlotsPanel } from './week-slots-panel';

export function SessionsPanel({ rel }: { rel: RelationshipDetail }) {
  const sessions = useSessions(rel.id);
  const other = rel.myRole === 'member' ? 'guide' : 'member';
  return (
    <Card withBorder component="section" aria-labelledby="sessions-title">
      <Stack>
        <Title order={2} size="h3" id="sessions-title">
          <Trans>Sessions</Trans>
        </Title>
        <ProblemAlert error={sessions.error} />
        {sessions.data?.sessions.length === 0 && (
          <Text>
            <Trans>
              No sessions yet. Book the first one at least a week ahead, so neither of you has to cancel.
            </Trans>
          </Text>
        )}
        {sessions.data && sessions.data.sessions.length > 0 && (
          <Stack component="ul" p={0} gap="xs" style={{ listStyle: 'none' }} aria-label={t`Sessions`}>
            {sessions.data.sessions.map((session) => (
              <li key={session.id}>
                <Group gap="xs">
                  <Anchor component={Link} to={`/sessions/${session.id}`}>
                    {session.times[rel.myRole]}
                  </Anchor>
                  <Badge variant="light" color={session.status === 'held' ? 'teal' : 'gray'}>
                    {session.status}
                  </Badge>
                  {session.status === 'scheduled' && session.calendarChanges.length > 0 && (
                    <Badge variant="light" color="orange">
                      <Trans>Changed in a calendar: choose a time</Trans>
                    </Badge>
                  )}
                </Group>
                {session.status === 'scheduled' &&
                  session.calendarChanges.map((change) => (
                    <Text size="sm" c="orange.8" key={`${change.personId}-${change.kind}`}>
                      {change.reason}
                    </Text>
                  ))}
                <Text size="sm">
                  <Trans>
                    For the {other}: {session.times[other]}
                  </Trans>
                  {session.agendaTopic ? t` · topic: ${session.agendaTopic}` : t` · no topic yet`}
                </Text>
              </li>
            ))}
          </Stack>
        )}
        {rel.status === 'active' && rel.guide && rel.member && <WeekSlotsPanel rel={rel} />}
        {rel.status === 'active' && <ScheduleForm rel={rel} />}
      </Stack>
    </Card>
  );
}

function ScheduleForm({ rel }: { rel: RelationshipDetail }) {
  const [localStart, setLocalStart] = useState('');
  const [template, setTemplate] = useState<string>('');
  const [meetingLink, setMeetingLink] = useState('');
  const [agendaTopic, setAgendaTopic] = useState('');
  const [allowShortNotice, setAllowShortNotice] = useState(false);
  const timeZone = browserTimeZone();
  const schedule = useRelMutation(
    rel.id,
    () =>
      unwrap(
        api.relationships[':relationshipId'].sessions.$post({
          param: { relationshipId: rel.id },
          json: {
            localStart,
            timeZone,
            template:
              template === 'first' || template === 'regular' || template === 'last' ? template : undefined,
            meetingLink: meetingLink || null,
            agendaTopic,
            allowShortNotice,
          },
        }),
      ),
    () => {
      setLocalStart('');
      setAgendaTopic('');
    },
  );
  return (
    <form
      aria-labelledby="schedule-title"
      onSubmit={(event) => {
        event.preventDefault();
        schedule.mutate(undefined);
      }}
    >
      <Stack>
        <Title order={3} size="h4" id="schedule-title">
          <Trans>Book a session</Trans>
        </Title>
        <TextInput
          label={t`Starts at`}
          description={t`Your local time (${timeZone}); the other person sees it in theirs.`}
          type="datetime-local"
          required
          value={localStart}
          onChange={(e) => setLocalStart(e.currentTarget.value)}
        />
        <Select
          label={t`Template`}
          placeholder={t`Chosen for you: first session, then regular`}
          clearable
          value={template || null}
          onChange={(v) => setTemplate(v ?? '')}
          data={[
            { value: 'first', label: t`First session` },
            { value: 'regular', label: t`Regular session` },
            { value: 'last', label: t`Last session` },
          ]}
        />
        <TextInput
          label={t`Meeting link`}
          type="url"
          value={meetingLink}
          onChange={(e) => setMeetingLink(e.currentTarget.value)}
        />
        <TextInput
          label={t`Agenda topic`}
          value={agendaTopic}
          onChange={(e) => setAgendaTopic(e.currentTarget.value)}
        />
        <Checkbox
          label={t`We both agreed to meet at short notice (less than a week ahead)`}
          checked={allowShortNotice}
          onChange={(e) => setAllowShortNotice(e.currentTarget.checked)}
        />
        <ProblemAlert error={schedule.error} title={t`Could not book the session`} />
        <Button type="submit" loading={schedule.isPending}>
          <Trans>Book session</Trans>
        </Button>
      </Stack>
    </form>
  );
}
