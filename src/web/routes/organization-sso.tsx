import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import {
  Badge,
  Button,
  Card,
  Code,
  Group,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiProblem, api, unwrap } from '../api/client';
import { CenteredLoader } from '../components/centered-loader';
import { ProblemAlert } from '../components/problem-alert';

const ssoKey = (slug: string) => ['orgs', slug, 'sso-providers'] as const;

// Single sign-on for owners and admins: register an OpenID Connect provider, see what to give it,
// and require SSO once the Corner operator has approved the domain.
export function OrganizationSso({ slug }: { slug: string }) {
  const queryClient = useQueryClient();
  const providers = useQuery({
    queryKey: ssoKey(slug),
    queryFn: () => unwrap(api.orgs[':slug']['sso-providers'].$get({ param: { slug } })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ssoKey(slug) });
  const form = useForm({ initialValues: { domain: '', issuer: '', clientId: '', clientSecret: '' } });
  const add = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(api.orgs[':slug']['sso-providers'].oidc.$post({ param: { slug }, json: values })),
    onSuccess: async () => {
      form.reset();
      await refresh();
    },
  });
  const samlForm = useForm({
    initialValues: { domain: '', metadataXml: '', idpEntityId: '', ssoUrl: '', certificate: '' },
  });
  const addSaml = useMutation({
    mutationFn: (values: typeof samlForm.values) =>
      unwrap(
        api.orgs[':slug']['sso-providers'].saml.$post({
          param: { slug },
          // Blank fields are left out, so the server sees which of the two ways the admin chose.
          json: {
            domain: values.domain,
            ...(values.metadataXml.trim() ? { metadataXml: values.metadataXml } : {}),
            ...(values.idpEntityId.trim() ? { idpEntityId: values.idpEntityId } : {}),
            ...(values.ssoUrl.trim() ? { ssoUrl: values.ssoUrl } : {}),
            ...(values.certificate.trim() ? { certificate: values.certificate } : {}),
          },
        }),
      ),
    onMutate: () => samlForm.clearErrors(),
    onSuccess: async () => {
      samlForm.reset();
      await refresh();
    },
    onError: (error) => {
      // The server names each wrong field; its sentence goes beside that field.
      if (!(error instanceof ApiProblem)) return;
      const fields =
        error.problem.errors ??
        (error.problem.field ? [{ field: error.problem.field, message: error.problem.detail }] : []);
      for (const { field, message } of fields) {
        if (field in samlForm.values) samlForm.setFieldError(field, message);
      }
    },
  });
  const remove = useMutation({
    mutationFn: (providerId: string) =>
      unwrap(api.orgs[':slug']['sso-providers'][':providerId'].$delete({ param: { slug, providerId } })),
    onSuccess: refresh,
  });
  const requireSso = useMutation({
    mutationFn: (required: boolean) =>
      unwrap(api.orgs[':slug']['sso-required'].$put({ param: { slug }, json: { required } })),
    onSuccess: refresh,
  });
  const data = providers.data;
  return (
    <Stack component="section" aria-labelledby="sso-title">
      <Title order={2} size="h3" id="sso-title">
        <Trans>Single sign-on</Trans>
      </Title>
      {providers.isPending && <CenteredLoader label={t`Loading identity providers`} />}
      <ProblemAlert error={providers.error ?? remove.error} />
      {data && data.providers.length === 0 && (
        <Text>
          <Trans>
            People sign in with a password for now. Register your identity provider below and they can sign in
            with their work account instead.
          </Trans>
        </Text>
      )}
      {data && data.providers.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <Trans>Domain</Trans>
              </Table.Th>
              <Table.Th>
                <Trans>Status</Trans>
              </Table.Th>
              <Table.Th>
                <Trans>Give your identity provider</Trans>
              </Table.Th>
              <Table.Th>
                <Trans>Remove</Trans>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.providers.map((provider) => (
              <Table.Tr key={provider.providerId}>
                <Table.Td>{provider.domain}</Table.Td>
                <Table.Td>
                  {provider.approved ? (
                    <Badge color="green" variant="light">
                      <Trans>In use</Trans>
                    </Badge>
                  ) : (
                    <Badge color="yellow" variant="light">
                      <Trans>Waiting for the operator to approve the domain</Trans>
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{provider.protocol === 'oidc' ? t`Redirect URI:` : t`ACS URL:`}</Text>
                  <Code>{provider.redirectUrl}</Code>
                  {provider.spMetadataUrl && (
                    <>
                      <Text size="sm">
                        <Trans>Service provider metadata and entity ID:</Trans>
                      </Text>
                      <Code>{provider.spMetadataUrl}</Code>
                    </>
                  )}
                </Table.Td>
                <Table.Td>
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    aria-label={t`Remove the identity provider for ${provider.domain}`}
                    onClick={() => remove.mutate(provider.providerId)}
                  >
                    <Trans>Remove</Trans>
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {data && (
        <>
          <Switch
            label={t`Require single sign-on: people on these domains cannot use a password`}
            checked={data.ssoRequired}
            onChange={(event) => requireSso.mutate(event.currentTarget.checked)}
          />
          <ProblemAlert error={requireSso.error} title={t`Could not change this`} />
        </>
      )}
      <Card withBorder component="section" aria-labelledby="add-oidc">
        <form onSubmit={form.onSubmit((values) => add.mutate(values))}>
          <Stack>
            <Title order={3} size="h4" id="add-oidc">
              <Trans>Add an OpenID Connect provider</Trans>
            </Title>
            <Text size="sm">
              <Trans>
                Okta, Entra ID, Google Workspace, Keycloak or any provider with OpenID discovery. The Corner
                operator approves the domain before anyone signs in through it.
              </Trans>
            </Text>
            <TextInput
              label={t`E-mail domain`}
              placeholder={t`acme.com`}
              required
              {...form.getInputProps('domain')}
            />
            <TextInput
              label={t`Issuer URL`}
              placeholder={t`https://acme.okta.com`}
              required
              {...form.getInputProps('issuer')}
            />
            <TextInput label={t`Client ID`} required {...form.getInputProps('clientId')} />
            <TextInput
              label={t`Client secret`}
              type="password"
              autoComplete="off"
              required
              {...form.getInputProps('clientSecret')}
            />
            <ProblemAlert error={add.error} title={t`Could not add the provider`} />
            <Group>
              <Button type="submit" loading={add.isPending}>
                <Trans>Add provider</Trans>
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <Card withBorder component="section" aria-labelledby="add-saml">
        <form onSubmit={samlForm.onSubmit((values) => addSaml.mutate(values))}>
          <Stack>
            <Title order={3} size="h4" id="add-saml">
              <Trans>Add a SAML 2.0 provider</Trans>
            </Title>
            <Text size="sm">
              <Trans>
                Paste your identity provider’s metadata XML, or give its entity ID, sign-in URL and signing
                certificate. Once added, the list above shows the ACS URL and Corner’s metadata address to
                give your identity provider.
              </Trans>
            </Text>
            <TextInput
              label={t`E-mail domain`}
              placeholder={t`acme.com`}
              required
              {...samlForm.getInputProps('domain')}
            />
            <Textarea
              label={t`Identity provider metadata XML`}
              autosize
              minRows={3}
              maxRows={10}
              {...samlForm.getInputProps('metadataXml')}
            />
            <Text size="sm">
              <Trans>Or, without metadata:</Trans>
            </Text>
            <TextInput
              label={t`Identity provider entity ID`}
              placeholder={t`https://idp.acme.com/saml`}
              {...samlForm.getInputProps('idpEntityId')}
            />
            <TextInput
              label={t`Sign-in (SSO) URL`}
              placeholder={t`https://idp.acme.com/saml/sso`}
              {...samlForm.getInputProps('ssoUrl')}
            />
            <Textarea
              label={t`Signing certificate (PEM)`}
              autosize
              minRows={3}
              maxRows={10}
              {...samlForm.getInputProps('certificate')}
            />
            <ProblemAlert error={addSaml.error} title={t`Could not add the provider`} />
            <Group>
              <Button type="submit" loading={addSaml.isPending}>
                <Trans>Add SAML provider</Trans>
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
