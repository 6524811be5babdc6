import { Trans } from '@lingui/react/macro';
import { Alert, Button, Group } from '@mantine/core';
import { useSearchParams } from 'react-router';

type Providers = { google: boolean; microsoft: boolean };

// Google and Microsoft are connected through their own consent pages: the button is a plain link to
// Corner's authorize address, which redirects there and, afterwards, back to this page with the outcome.
export function OAuthConnectButtons({ providers }: { providers: Providers }) {
  const [params] = useSearchParams();
  const connected = params.get('calendarConnected');
  const denied = params.get('calendarDenied');
  if (!providers.google && !providers.microsoft && !connected && !denied) return null;
  return (
    <>
      {connected && (
        <Alert color="green" mt="md" role="status">
          {connected === 'google' ? (
            <Trans>Google Calendar is connected and has been read once.</Trans>
          ) : (
            <Trans>Microsoft 365 is connected and has been read once.</Trans>
          )}
        </Alert>
      )}
      {denied && (
        <Alert color="yellow" mt="md" role="status">
          <Trans>The calendar was not connected: access was not granted on the provider’s page.</Trans>
        </Alert>
      )}
      <Group mt="md" gap="sm">
        {providers.google && (
          <Button component="a" href="/api/v1/me/calendar-connections/google/authorize" variant="default">
            <Trans>Connect Google Calendar</Trans>
          </Button>
        )}
        {providers.microsoft && (
          <Button component="a" href="/api/v1/me/calendar-connections/microsoft/authorize" variant="default">
            <Trans>Connect Microsoft 365</Trans>
          </Button>
        )}
      </Group>
    </>
  );
}
