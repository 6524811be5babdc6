import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Button, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { namesNoneOf, problemFields } from '../../problem-fields';
import { ProblemAlert } from '../problem-alert';

const fields = ['url', 'username', 'password', 'displayName'] as const;

// Connecting tries the credentials on the calendar server before anything is saved, so a wrong password or
// address comes back as the server's sentence under the input it is about.
export function ConnectCalendarForm({ onConnected }: { onConnected: () => Promise<unknown> }) {
  const [url, setUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const connect = useMutation({
    mutationFn: () =>
      unwrap(
        api.me['calendar-connections'].$post({
          json: {
            provider: 'caldav',
            url,
            username,
            password,
            ...(displayName.trim() ? { displayName } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      setUrl('');
      setUsername('');
      setPassword('');
      setDisplayName('');
      await onConnected();
    },
  });
  const errors = problemFields(connect.error);
  return (
    <form
      aria-labelledby="connect-calendar-title"
      onSubmit={(event) => {
        event.preventDefault();
        connect.mutate();
      }}
    >
      <Stack gap="sm" mt="md">
        <Title order={3} size="h5" id="connect-calendar-title">
          <Trans>Connect a CalDAV calendar</Trans>
        </Title>
        <TextInput
          label={t`Calendar server address`}
          description={t`For example https://cloud.example.org/remote.php/dav for Nextcloud, or https://caldav.fastmail.com`}
          type="url"
          required
          value={url}
          error={errors.url}
          onChange={(e) => setUrl(e.currentTarget.value)}
        />
        <TextInput
          label={t`User name`}
          autoComplete="username"
          required
          value={username}
          error={errors.username}
          onChange={(e) => setUsername(e.currentTarget.value)}
        />
        <TextInput
          label={t`Password`}
          type="password"
          description={t`Use an app password where your provider offers one (iCloud and Fastmail require it).`}
          autoComplete="current-password"
          required
          value={password}
          error={errors.password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <TextInput
          label={t`Name to show (optional)`}
          placeholder={t`e.g. Work calendar`}
          value={displayName}
          error={errors.displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
        />
        {namesNoneOf(connect.error, fields) && (
          <ProblemAlert error={connect.error} title={t`Could not connect the calendar`} />
        )}
        <Button type="submit" w="fit-content" loading={connect.isPending}>
          <Trans>Connect calendar</Trans>
        </Button>
      </Stack>
    </form>
  );
}
