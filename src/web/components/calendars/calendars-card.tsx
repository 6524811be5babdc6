import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Card, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { calendarKeys, useCalendarConnections } from '../../api/calendar-queries';
import { CenteredLoader } from '../centered-loader';
import { ProblemAlert } from '../problem-alert';
import { CalendarConnectionItem } from './calendar-connection-item';
import { ConnectCalendarForm } from './connect-calendar-form';
import { OAuthConnectButtons } from './oauth-connect-buttons';

// Settings → Calendars: the person's real calendars, so open slots skip their meetings and sessions land
// in the calendar they live in.
export function CalendarsCard() {
  const queryClient = useQueryClient();
  const connections = useCalendarConnections();
  const refresh = () => queryClient.invalidateQueries({ queryKey: calendarKeys.connections });
  const list = connections.data?.connections ?? [];
  const now = new Date(connections.dataUpdatedAt || Date.now());
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="calendars">
      <Title order={2} size="h4" id="calendars">
        <Trans>Calendars</Trans>
      </Title>
      <ProblemAlert error={connections.error} />
      {connections.isPending && <CenteredLoader label={t`Loading calendars`} />}
      {connections.data && list.length === 0 && (
        <Text size="sm" mt={4}>
          <Trans>
            No calendar connected yet. Connect the calendar your week really lives in (Nextcloud, Fastmail,
            iCloud or any CalDAV server): Corner then offers only times when you are free, and puts each
            session into it, so you never keep two calendars by hand. Corner keeps only when you are busy,
            never what your meetings are about.
          </Trans>
        </Text>
      )}
      {list.length > 0 && (
        <Stack
          component="ul"
          p={0}
          mt="md"
          gap="lg"
          style={{ listStyle: 'none' }}
          aria-label={t`Connected calendars`}
        >
          {list.map((connection) => (
            <CalendarConnectionItem
              key={connection.id}
              connection={connection}
              now={now}
              onChanged={refresh}
            />
          ))}
        </Stack>
      )}
      {connections.data && <OAuthConnectButtons providers={connections.data.providers} />}
      <ConnectCalendarForm onConnected={refresh} />
    </Card>
  );
}
