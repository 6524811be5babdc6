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
import { orgKeys } from './organizations';

export function OrganizationPage() {
  const slug = useParams().slug ?? '';
  const orgs = useQuery({ queryKey: orgKeys.mine, queryFn: () => unwrap(api.orgs.$get()) });
  const org = orgs.data?.organizations.find((candidate) => candidate.slug === slug);
  const seesMembers = org ? org.role !== 'member' : false;
  return (
    <Stack maw={960}>
      <Anchor component={Link} to="/orgs" size="sm">
        All organizations
      </Anchor>
      {orgs.isPending && <CenteredLoader label="Loading the organization" />}
      <ProblemAlert error={orgs.error} />
      {orgs.data && !org && <Text>No organization with that address, or you are not a member.</Text>}
      {org && (
        <>
          <Title order={1}>{org.name}</Title>
          <Text>Your role: {org.role}</Text>
          {seesMembers ? (
            <Members slug={slug} manages={org.role === 'owner' || org.role === 'admin'} />
          ) : (
            <Text>Only the organization’s owners, admins and coordinators see its member list.</Text>
          )}
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
        Members
      </Title>
      {members.isPending && <CenteredLoader label="Loading members" />}
      <ProblemAlert error={members.error} />
      <ProblemAlert error={changeRole.error ?? remove.error} title="Could not change the member" />
      {members.data && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>E-mail</Table.Th>
              <Table.Th>Role</Table.Th>
              {manages && <Table.Th>Remove</Table.Th>}
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
                      aria-label={`Role of ${person.name}`}
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
                      aria-label={`Remove ${person.name}`}
                      onClick={() => remove.mutate(person.userId)}
                    >
                      Remove
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
                Add a person with a Corner account
              </Title>
              <TextInput label="E-mail" type="email" required {...form.getInputProps('email')} />
              <NativeSelect label="Role" data={[...ORG_ROLES]} {...form.getInputProps('role')} />
              <ProblemAlert error={add.error} title="Could not add the person" />
              <Group>
                <Button type="submit" loading={add.isPending}>
                  Add member
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      )}
    </Stack>
  );
}
