import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { CenteredLoader } from '../components/centered-loader';
import { ProblemAlert } from '../components/problem-alert';

export const orgKeys = {
  mine: ['orgs'] as const,
  members: (slug: string) => ['orgs', slug, 'members'] as const,
};

export function OrganizationsPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const orgs = useQuery({ queryKey: orgKeys.mine, queryFn: () => unwrap(api.orgs.$get()) });
  const form = useForm({ initialValues: { name: '', slug: '' } });
  const create = useMutation({
    mutationFn: (values: { name: string; slug: string }) => unwrap(api.orgs.$post({ json: values })),
    onSuccess: async (org) => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: orgKeys.mine });
      navigate(`/orgs/${org.slug}`);
    },
  });
  return (
    <Stack maw={860}>
      <Title order={1}>
        <Trans>Organizations</Trans>
      </Title>
      <Text>
        <Trans>
          A company or community that runs mentoring programs. Its owners and admins manage its people, and
          its coordinators run its programs; nobody in it reads anyone’s private notes.
        </Trans>
      </Text>
      {orgs.isPending && <CenteredLoader label={t`Loading organizations`} />}
      <ProblemAlert error={orgs.error} />
      {orgs.data?.organizations.length === 0 && (
        <Text>
          <Trans>You don’t belong to an organization yet.</Trans>
        </Text>
      )}
      {orgs.data?.organizations.map((org) => (
        <Card key={org.id} withBorder component="article">
          <Anchor component={Link} to={`/orgs/${org.slug}`} fw={600} size="lg">
            {org.name}
          </Anchor>
          <Text size="sm">
            <Trans>Your role: {org.role}</Trans>
          </Text>
        </Card>
      ))}
      <Card withBorder component="section" aria-labelledby="new-org">
        <form onSubmit={form.onSubmit((values) => create.mutate(values))}>
          <Stack>
            <Title order={2} size="h3" id="new-org">
              <Trans>Create an organization</Trans>
            </Title>
            <TextInput label={t`Organization name`} required {...form.getInputProps('name')} />
            <TextInput
              label={t`Short address (slug)`}
              description={t`Lowercase letters, digits and dashes, e.g. acme`}
              required
              {...form.getInputProps('slug')}
            />
            <ProblemAlert error={create.error} title={t`Could not create the organization`} />
            <Group>
              <Button type="submit" loading={create.isPending}>
                <Trans>Create organization</Trans>
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
