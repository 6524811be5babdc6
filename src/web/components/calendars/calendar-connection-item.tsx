import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Badge, Button, Checkbox, Group, Select, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { CalendarConnection } from '../../api/calendar-queries';
import { api, unwrap } from '../../api/client';
import { activeLocale, formatDateTime } from '../../format';
import { problemFields } from '../../problem-fields';
import { formatRelative } from '../../relative-time';
import { ProblemAlert } from '../problem-alert';

const NO_CALENDAR = 'none';

// One connection: its sync state in words, which of its calendars count as busy, which one receives
// Corner's sessions, and "Sync now" / "Remove".
export function CalendarConnectionItem(props: {
  connection: CalendarConnection;
  now: Date;
  onChanged: () => Promise<unknown>;
}) {
  const { connection, now, onChanged } = props;
  const connectionId = connection.id;
  const update = useMutation({
    mutationFn: (json: { busyCalendarUrls?: string[]; writeCalendarUrl?: string | null }) =>
      unwrap(api.me['calendar-connections'][':connectionId'].$patch({ param: { connectionId }, json })),
    onSuccess: onChanged,
  });
  const sync = useMutation({
    mutationFn: () =>
      unwrap(api.me['calendar-connections'][':connectionId'].sync.$post({ param: { connectionId } })),
    onSuccess: onChanged,
  });
  const remove = useMutation({
    mutationFn: async () => {
      const response = await api.me['calendar-connections'][':connectionId'].$delete({
        param: { connectionId },
      });
      if (!response.ok) await unwrap(Promise.resolve(response));
    },
    onSuccess: onChanged,
  });
  const writeCalendar = connection.calendars.find((calendar) => calendar.write);
  const busyUrls = connection.calendars.filter((c) => c.busy).map((c) => c.url);
  const errors = problemFields(update.error);
  const { displayName, username, serverUrl, lastSyncedAt, errorSince } = connection;
  const since = errorSince ? formatDateTime(errorSince) : null;
  const syncedAgo = lastSyncedAt ? formatRelative(lastSyncedAt, now, activeLocale()) : null;
  return (
    <Stack component="li" gap="xs" aria-label={connection.displayName}>
      <Group gap="xs">
        <Text fw={600}>{connection.displayName}</Text>
        <Badge variant="light" color={connection.status === 'ok' ? 'teal' : 'red'}>
          {connection.status === 'ok' ? t`synced` : t`error`}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        <Trans>
          {username} on {serverUrl}
        </Trans>
      </Text>
      <Text size="sm" data-testid="calendar-sync-state">
        {lastSyncedAt ? (
          <Trans>
            Last synced{' '}
            <time dateTime={lastSyncedAt} title={formatDateTime(lastSyncedAt)}>
              {syncedAgo}
            </time>
            .
          </Trans>
        ) : (
          t`Not synced yet.`
        )}
      </Text>
      {connection.status === 'error' && (
        <Text size="sm" c="var(--mantine-color-red-light-color)" role="status">
          {connection.lastError ?? t`The calendar could not be read.`}
          {since && (
            <>
              {' '}
              <Trans>Since {since}.</Trans>
            </>
          )}{' '}
          <Trans>
            Until it syncs again, Corner offers none of your times, so nobody books over a meeting it cannot
            see.
          </Trans>
        </Text>
      )}
      {connection.warnings.map((warning) => (
        <Text key={warning} size="sm" c="var(--mantine-color-orange-light-color)">
          {warning}
        </Text>
      ))}
      <Checkbox.Group
        label={t`Calendars that count as busy`}
        value={busyUrls}
        error={errors.busyCalendarUrls}
        onChange={(urls) => update.mutate({ busyCalendarUrls: urls })}
      >
        <Stack gap={4} mt={4}>
          {connection.calendars.map((calendar) => (
            <Checkbox key={calendar.url} value={calendar.url} label={calendar.displayName} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Select
        label={t`Write sessions into`}
        description={t`Corner adds each session there with its meeting link, and moves or removes it with the session.`}
        allowDeselect={false}
        value={writeCalendar?.url ?? NO_CALENDAR}
        error={errors.writeCalendarUrl}
        data={[
          { value: NO_CALENDAR, label: t`No calendar (sessions come by e-mail invite only)` },
          ...connection.calendars.map((calendar) => ({ value: calendar.url, label: calendar.displayName })),
        ]}
        onChange={(value) => update.mutate({ writeCalendarUrl: value === NO_CALENDAR ? null : value })}
        maw={420}
      />
      <Group gap="xs">
        <Button size="xs" variant="light" loading={sync.isPending} onClick={() => sync.mutate()}>
          <Trans>Sync {displayName} now</Trans>
        </Button>
        <Button
          size="xs"
          variant="subtle"
          color="red"
          loading={remove.isPending}
          onClick={() => remove.mutate()}
        >
          <Trans>Remove {displayName}</Trans>
        </Button>
      </Group>
      <ProblemAlert error={sync.error ?? remove.error} />
    </Stack>
  );
}
