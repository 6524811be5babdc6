import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Alert, Button, Card, Code, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { formatDateTime } from '../format';
import { CenteredLoader } from './centered-loader';
import { ProblemAlert } from './problem-alert';

// The organization's SCIM tokens, for owners and admins: make one for the identity provider (the
// secret appears once, here), see which exist and when each was last used, revoke one.
export function ScimTokens({ slug }: { slug: string }) {
  const queryClient = useQueryClient();
  const key = ['orgs', slug, 'scim-tokens'];
  const tokens = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.orgs[':slug']['scim-tokens'].$get({ param: { slug } })),
  });
  const [made, setMade] = useState<{ token: string; scimBaseUrl: string } | null>(null);
  const form = useForm({ initialValues: { label: '' } });
  const create = useMutation({
    mutationFn: (values: { label: string }) =>
      unwrap(api.orgs[':slug']['scim-tokens'].$post({ param: { slug }, json: values })),
    onSuccess: (result) => {
      setMade({ token: result.token, scimBaseUrl: result.scimBaseUrl });
      form.reset();
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const revoke = useMutation({
    mutationFn: (tokenId: string) =>
      unwrap(api.orgs[':slug']['scim-tokens'][':tokenId'].$delete({ param: { slug, tokenId } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
  return (
    <Stack component="section" aria-labelledby="scim-tokens">
      <Title order={2} size="h3" id="scim-tokens">
        <Trans>SCIM provisioning</Trans>
      </Title>
      <Text>
        <Trans>
          Your identity provider (Okta, Entra ID, …) can add, update and deactivate your people here. Give it
          the base URL and a token.
        </Trans>
      </Text>
      {tokens.isPending && <CenteredLoader label={t`Loading the SCIM tokens`} />}
      <ProblemAlert error={tokens.error} />
      {tokens.data && tokens.data.tokens.length === 0 && (
        <Text>
          <Trans>No tokens yet.</Trans>
        </Text>
      )}
      {tokens.data && tokens.data.tokens.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <Trans>Name</Trans>
              </Table.Th>
              <Table.Th>
                <Trans>Ends in</Trans>
              </Table.Th>
              <Table.Th>
                <Trans>Last used</Trans>
              </Table.Th>
              <Table.Th>
                <Trans>State</Trans>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.data.tokens.map((token) => (
              <Table.Tr key={token.id}>
                <Table.Td>{token.label}</Table.Td>
                <Table.Td>…{token.hint}</Table.Td>
                <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t`never`}</Table.Td>
                <Table.Td>
                  {token.revokedAt ? (
                    t`revoked`
                  ) : (
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      aria-label={t`Revoke the token ${token.label}`}
                      loading={revoke.isPending && revoke.variables === token.id}
                      onClick={() => revoke.mutate(token.id)}
                    >
                      <Trans>Revoke</Trans>
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ProblemAlert error={revoke.error} title={t`Could not revoke the token`} />
      {made && (
        <Alert color="green" title={t`Copy this token now: it is shown only once`}>
          <Stack gap="xs">
            <Text>
              <Trans>
                Base URL: <Code>{made.scimBaseUrl}</Code>
              </Trans>
            </Text>
            <Text>
              <Trans>
                Token: <Code>{made.token}</Code>
              </Trans>
            </Text>
          </Stack>
        </Alert>
      )}
      <Card withBorder component="form" onSubmit={form.onSubmit((values) => create.mutate(values))}>
        <Stack>
          <TextInput
            label={t`Where the token will be used`}
            placeholder={t`Okta`}
            required
            {...form.getInputProps('label')}
          />
          <ProblemAlert error={create.error} title={t`Could not make the token`} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              <Trans>Make a SCIM token</Trans>
            </Button>
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}
