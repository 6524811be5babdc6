import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import {
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ORG_ROLES, type OrgRole } from '../../domain/orgs/org-roles';
import { api, unwrap } from '../api/client';
import { CenteredLoader } from '../components/centered-loader';
import { ProblemAlert } from '../components/problem-alert';
import { ScimTokens } from '../components/scim-tokens';
import { OrganizationSso } from './organization-sso';
import { orgKeys } from './organizations';

export function OrganizationPage() {
  const slug = useParams().slug ?? '';
  const orgs = useQuery({ queryKey: orgKeys.mine, queryFn: () => unwrap(api.orgs.$get()) });
  const org = orgs.data?.organizations.find((candidate) => candidate.slug === slug);
  const seesMembers = org ? org.role !== 'member' : false;
  return (
    <Stack maw={960}>
      <Trans>
        <Anchor component={Link} to="/orgs" size="sm">
          All organizations
        </Anchor>
      </Trans>
      {orgs.isPending && <CenteredLoader label={t`Loading the organization`} />}
      <ProblemAlert error={orgs.error} />
      {orgs.data && !org && (
        <Text>
          <Trans>No organization with that address, or you are not a member.</Trans>
        </Text>
      )}
      {org && (
        <>
          <Title order={1}>{org.name}</Title>
          <Text>
            <Trans>Your role: {org.role}</Trans>
          </Text>
          {seesMembers ? (
            <Members slug={slug} manages={org.role === 'owner' || org.role === 'admin'} />
          ) : (
            <Text>
              <Trans>Only the organization’s owners, admins and coordinators see its member list.</Trans>
            </Text>
          )}
          {(org.role === 'owner' || org.role === 'admin') && <OrganizationSso slug={slug} />}
          {(org.role === 'owner' || org.role === 'admin') && <ScimTokens slug={slug} />}
        </>
      )}
    </Stack>
  );
}

function Members({ slug, manages }: { slug: string; manages: boolean }) {
  const queryClient = useQueryClient();
  const members = useQuery({
    queryKey: orgKeys.members(slug),
    queryFn: () => unwrap(api.orgs[':slug'].members.$get({ param: { slug } })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: orgKeys.members(slug) });
  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: OrgRole }) =>
      unwrap(api.orgs[':slug'].members[':userId'].$patch({ param: { slug, userId }, json: { role } })),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (userId: string) =>
      unwrap(api.orgs[':slug'].members[':userId'].$delete({ param: { slug, userId } })),
    onSuccess: refresh,
  });
  const form = useForm<{ email: string; role: OrgRole }>({ initialValues: { email: '', role: 'member' } });
  const add = useMutation({
    mutationFn: (values: { email: string; role: OrgRole }) =>
      unwrap(api.orgs[':slug'].members.$post({ param: { slug }, json: values })),
    onSuccess: async () => {
      form.reset();
      await refresh();
    },
  });
  return (
    <Stack>
      <Title order={2} size="h3">
        <Trans>Members</Trans>
      </Title>
      {members.isPending && <CenteredLoader label={t`Loading members`} />}
      <ProblemAlert error={members.error} />
      <ProblemAlert error={changeRole.error ?? remove.error} title={t`Could not change the member`} />
      {members.data && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <Trans>Name</Trans>
              </Table.Th>
              <Table.Th>
                <Trans>E-mail</Trans>
              </Table.Th>
              <Table.Th>
                <Trans>Role</Trans>
              </Table.Th>
              {manages && (
                <Table.Th>
                  <Trans>Remove</Trans>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.data.members.map((person) => (
              <Table.Tr key={person.userId}>
                <Table.Td>{person.name}</Table.Td>
                <Table.Td>{person.email}</Table.Td>
                <Table.Td>
                  {manages ? (
                    <NativeSelect
                      aria-label={t`Role of ${person.name}`}
                      data={[...ORG_ROLES]}
                      value={person.role}
                      onChange={(event) =>
                        changeRole.mutate({
                          userId: person.userId,
                          role: event.currentTarget.value as OrgRole,
                        })
                      }
                    />
                  ) : (
                    person.role
                  )}
                </Table.Td>
                {manages && (
                  <Table.Td>
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      aria-label={t`Remove ${person.name}`}
                      onClick={() => remove.mutate(person.userId)}
                    >
                      <Trans>Remove</Trans>
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {manages && (
        <Card withBorder component="section" aria-labelledby="add-member">
          <form onSubmit={form.onSubmit((values) => add.mutate(values))}>
            <Stack>
              <Title order={3} size="h4" id="add-member">
                <Trans>Add a person with a Corner account</Trans>
              </Title>
              <TextInput label={t`E-mail`} type="email" required {...form.getInputProps('email')} />
              <NativeSelect label={t`Role`} data={[...ORG_ROLES]} {...form.getInputProps('role')} />
              <ProblemAlert error={add.error} title={t`Could not add the person`} />
              <Group>
                <Button type="submit" loading={add.isPending}>
                  <Trans>Add member</Trans>
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      )}
    </Stack>
  );
}
