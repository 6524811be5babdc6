import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import {
  Alert,
  Anchor,
  Button,
  Card,
  CopyButton,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { growthKeys, useAccessTokens } from '../api/growth-queries';
import { useMe } from '../api/queries';
import { BookingRulesCard } from '../components/booking/booking-rules-card';
import { CalendarsCard } from '../components/calendars/calendars-card';
import { CenteredLoader } from '../components/centered-loader';
import { DeleteAccountCard } from '../components/delete-account-card';
import { LanguageCard } from '../components/language-card';
import { ProblemAlert } from '../components/problem-alert';
import { formatDate } from '../format';

export function SettingsPage() {
  const me = useMe();
  const isGuide = me.data?.roles.includes('guide') ?? false;
  return (
    <Stack maw={860}>
      <Title order={1}>
        <Trans>Settings</Trans>
      </Title>
      <Text>
        <Trans>
          Your company or community on Corner:{' '}
          <Anchor component={Link} to="/orgs">
            organizations
          </Anchor>
          .
        </Trans>
      </Text>
      <LanguageCard />
      <CalendarsCard />
      {isGuide && <BookingRulesCard />}
      <ExportRecord />
      <AccessTokens />
      <DeleteAccountCard />
    </Stack>
  );
}

function ExportRecord() {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="export">
      <Title order={2} size="h4" id="export">
        <Trans>Your growth record</Trans>
      </Title>
      <Text size="sm" mt={4}>
        <Trans>
          Everything you keep in Corner is yours: goals, check-ins, readiness results, feedback, your
          shadow-side map, your artifacts, and every relationship you took part in with its sessions, your
          notes, actions, journal, decisions and end reports. Download it to keep, or to import into another
          Corner.
        </Trans>
      </Text>
      <Group mt="md">
        <Button component="a" href="/api/v1/growth-record?format=json" download>
          <Trans>Export as JSON</Trans>
        </Button>
        <Button component="a" href="/api/v1/growth-record?format=markdown" download variant="light">
          <Trans>Export as Markdown</Trans>
        </Button>
      </Group>
      <Text size="sm" mt="md">
        <Trans>
          Brought your record from another Corner? Its relationships are kept as{' '}
          <Anchor component={Link} to="/growth-record/history">
            imported history
          </Anchor>
          .
        </Trans>
      </Text>
    </Card>
  );
}

function AccessTokens() {
  const queryClient = useQueryClient();
  const tokens = useAccessTokens();
  const [name, setName] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: growthKeys.accessTokens });
  const create = useMutation({
    mutationFn: () => unwrap(api['access-tokens'].$post({ json: { name } })),
    onSuccess: async (created) => {
      setShown(created.token);
      setName('');
      await refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (tokenId: string) => unwrap(api['access-tokens'][':tokenId'].$delete({ param: { tokenId } })),
    onSuccess: refresh,
  });
  const live = tokens.data?.tokens.filter((t) => t.revokedAt === null) ?? [];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="tokens">
      <Title order={2} size="h4" id="tokens">
        <Trans>Access tokens</Trans>
      </Title>
      <Text size="sm" mt={4}>
        <Trans>
          A token lets your own AI assistant work with your Corner through <code>corner mcp</code> (set it as
          CORNER_TOKEN). It can do what you can do, so revoke any token you no longer use.
        </Trans>
      </Text>
      {shown && (
        <Alert color="teal" title={t`Your new token`} mt="md" role="status">
          <Stack gap="xs">
            <Text size="sm">
              <Trans>Copy it now. Corner keeps only a fingerprint and cannot show it again.</Trans>
            </Text>
            <TextInput label={t`Token`} value={shown} readOnly onFocus={(e) => e.currentTarget.select()} />
            <CopyButton value={shown}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" w="fit-content" onClick={copy}>
                  {copied ? t`Copied` : t`Copy token`}
                </Button>
              )}
            </CopyButton>
          </Stack>
        </Alert>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <Group mt="md" align="flex-end">
          <TextInput
            label={t`Where will you use it?`}
            placeholder={t`e.g. my assistant on the laptop`}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Button type="submit" loading={create.isPending}>
            <Trans>Create token</Trans>
          </Button>
        </Group>
      </form>
      <ProblemAlert error={create.error ?? revoke.error} />
      {tokens.isPending && <CenteredLoader label={t`Loading tokens`} />}
      {tokens.data && live.length === 0 && (
        <Text size="sm" mt="md" c="dimmed">
          <Trans>No active tokens.</Trans>
        </Text>
      )}
      {live.length > 0 && (
        <Table mt="md" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <Trans>Name</Trans>
              </Table.Th>
              <Table.Th>
                <Trans>Starts with</Trans>
              </Table.Th>
              <Table.Th>
                <Trans>Created</Trans>
              </Table.Th>
              <Table.Th>
                <Trans>Last used</Trans>
              </Table.Th>
              <Table.Th>
                <VisuallyHidden>
                  <Trans>Actions</Trans>
                </VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {live.map((token) => (
              <Table.Tr key={token.id}>
                <Table.Td>{token.name}</Table.Td>
                <Table.Td>
                  <code>{token.prefix}…</code>
                </Table.Td>
                <Table.Td>{formatDate(token.createdAt)}</Table.Td>
                <Table.Td>{token.lastUsedAt ? formatDate(token.lastUsedAt) : t`never`}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" color="red" onClick={() => revoke.mutate(token.id)}>
                    <Trans>Revoke {token.name}</Trans>
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
