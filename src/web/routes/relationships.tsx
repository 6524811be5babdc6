import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  Group,
  MultiSelect,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { useGoals } from '../api/queries';
import { relKeys, useRelationships } from '../api/relationship-queries';
import { CenteredLoader } from '../components/centered-loader';
import { ProblemAlert } from '../components/problem-alert';
import { formatDate } from '../format';

const statusColor = {
  invited: 'yellow',
  proposed: 'yellow',
  active: 'teal',
  declined: 'gray',
  closed: 'gray',
} as const;

export function RelationshipsPage() {
  const list = useRelationships();
  return (
    <Stack maw={900}>
      <Title order={1}>
        <Trans>Relationships</Trans>
      </Title>
      <Text>
        <Trans>
          Each relationship joins a member and a guide — a mentor, a coach or a peer — with an agreement you
          both accept, sessions, actions between sessions and a shared view of how it is going.
        </Trans>
      </Text>
      {list.isPending && <CenteredLoader label={t`Loading relationships`} />}
      <ProblemAlert error={list.error} />
      {list.data && list.data.relationships.length === 0 && (
        <Card withBorder>
          <Title order={2} size="h4">
            <Trans>No relationships yet</Trans>
          </Title>
          <Text mt="xs">
            <Trans>
              Invite someone you want to learn from (or someone you will guide) below. They get a link by
              email and can create an account from it.
            </Trans>
          </Text>
        </Card>
      )}
      {list.data && list.data.relationships.length > 0 && (
        <Stack component="ul" p={0} style={{ listStyle: 'none' }} aria-label={t`Your relationships`}>
          {list.data.relationships.map((rel) => (
            <Card key={rel.id} withBorder component="li">
              <Group justify="space-between">
                <Anchor component={Link} to={`/relationships/${rel.id}`} fw={600}>
                  <Trans>{rel.kind} with</Trans> {rel.other?.name ?? rel.inviteeEmail}
                </Anchor>
                <Badge variant="light" color={statusColor[rel.status]}>
                  {rel.status}
                </Badge>
              </Group>
              <Text size="sm">
                <Trans>
                  You are the {rel.myRole} · {rel.framing} · since {formatDate(rel.createdAt)}
                </Trans>
              </Text>
            </Card>
          ))}
        </Stack>
      )}
      <InviteForm />
    </Stack>
  );
}

function InviteForm() {
  const queryClient = useQueryClient();
  const goals = useGoals('active');
  const [link, setLink] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      inviteeEmail: '',
      myRole: 'member' as 'member' | 'guide',
      kind: 'mentoring' as 'mentoring' | 'coaching' | 'peer',
      framing: 'goal-oriented' as 'ad-hoc' | 'goal-oriented' | 'time-framed',
      goalIds: [] as string[],
      startDate: '',
      plannedEndDate: '',
      message: '',
      anyoneWithLink: false,
    },
  });
  const invite = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(
        api.relationships.$post({
          json: {
            ...values,
            goalIds: values.myRole === 'member' ? values.goalIds : [],
            startDate: values.startDate || null,
            plannedEndDate: values.plannedEndDate || null,
          },
        }),
      ),
    onSuccess: async (result) => {
      setLink(result.invitationLink);
      form.reset();
      await queryClient.invalidateQueries({ queryKey: relKeys.list });
    },
  });
  return (
    <Card withBorder component="section" aria-labelledby="invite-title">
      <form onSubmit={form.onSubmit((values) => invite.mutate(values))}>
        <Stack>
          <Title order={2} size="h3" id="invite-title">
            <Trans>Invite someone</Trans>
          </Title>
          <TextInput label={t`Their email`} type="email" required {...form.getInputProps('inviteeEmail')} />
          <Select
            label={t`I will be the`}
            data={[
              { value: 'member', label: t`Member (I want to grow)` },
              { value: 'guide', label: t`Guide (I will mentor or coach)` },
            ]}
            allowDeselect={false}
            {...form.getInputProps('myRole')}
          />
          <Select
            label={t`Kind of relationship`}
            data={[
              { value: 'mentoring', label: t`Mentoring` },
              { value: 'coaching', label: t`Coaching` },
              { value: 'peer', label: t`Peer` },
            ]}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <Select
            label={t`Framing`}
            description={t`Ad-hoc: meet when needed. Goal-oriented: ends when the goal is met. Time-framed: a set period.`}
            data={[
              { value: 'ad-hoc', label: t`Ad-hoc` },
              { value: 'goal-oriented', label: t`Goal-oriented` },
              { value: 'time-framed', label: t`Time-framed` },
            ]}
            allowDeselect={false}
            {...form.getInputProps('framing')}
          />
          {form.values.myRole === 'member' && (goals.data?.goals.length ?? 0) > 0 && (
            <MultiSelect
              label={t`Goals to work on together`}
              data={(goals.data?.goals ?? []).map((goal) => ({ value: goal.id, label: goal.title }))}
              {...form.getInputProps('goalIds')}
            />
          )}
          <Group grow>
            <TextInput label={t`Start date`} type="date" {...form.getInputProps('startDate')} />
            <TextInput label={t`Planned end`} type="date" {...form.getInputProps('plannedEndDate')} />
          </Group>
          <Textarea label={t`A short message`} autosize minRows={2} {...form.getInputProps('message')} />
          <Checkbox
            label={t`Anyone with this link can accept (otherwise only the invited address can)`}
            {...form.getInputProps('anyoneWithLink', { type: 'checkbox' })}
          />
          <ProblemAlert error={invite.error} title={t`Could not send the invitation`} />
          <Button type="submit" loading={invite.isPending}>
            <Trans>Send invitation</Trans>
          </Button>
          {link && (
            <Stack gap={4} role="status">
              <Text fw={600}>
                <Trans>Invitation sent. You can also share this link directly:</Trans>
              </Text>
              <Code data-testid="invitation-link" block>
                {link}
              </Code>
            </Stack>
          )}
        </Stack>
      </form>
    </Card>
  );
}
