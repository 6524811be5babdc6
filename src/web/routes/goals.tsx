import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { skillCategories } from '../../domain/goals/skill-categories';
import { useGoals } from '../api/queries';
import { CenteredLoader } from '../components/centered-loader';
import { ProblemAlert } from '../components/problem-alert';
import { formatDate } from '../format';

type StatusFilter = 'active' | 'achieved' | 'archived';

export function GoalsPage() {
  const [status, setStatus] = useState<StatusFilter>('active');
  const goals = useGoals(status);
  return (
    <Stack maw={860}>
      <Group justify="space-between">
        <Title order={1}>
          <Trans>Goals</Trans>
        </Title>
        <Button component={Link} to="/goals/new">
          <Trans>New goal</Trans>
        </Button>
      </Group>
      <SegmentedControl
        value={status}
        onChange={(value) => setStatus(value as StatusFilter)}
        aria-label={t`Show goals by status`}
        data={[
          { value: 'active', label: t`Active` },
          { value: 'achieved', label: t`Achieved` },
          { value: 'archived', label: t`Archived` },
        ]}
      />
      {goals.isPending && <CenteredLoader label={t`Loading goals`} />}
      <ProblemAlert error={goals.error} />
      {goals.data && goals.data.goals.length === 0 && <EmptyGoals status={status} />}
      {goals.data?.goals.map((goal) => (
        <Card key={goal.id} withBorder padding="md" component="article">
          <Group justify="space-between" align="flex-start">
            <Anchor component={Link} to={`/goals/${goal.id}`} fw={600} size="lg">
              {goal.title}
            </Anchor>
            <Badge variant="light" color={goal.check.ok ? 'teal' : 'orange'}>
              {goal.check.ok ? t`Concrete` : t`Could be sharper`}
            </Badge>
          </Group>
          <Text size="sm" mt={4}>
            {skillCategories[goal.category].label}
            {goal.targetDate ? t` · target ${formatDate(goal.targetDate)}` : t` · no target date yet`}
            {goal.lastCheckInAt
              ? t` · last check-in ${formatDate(goal.lastCheckInAt)}`
              : t` · no check-ins yet`}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}

function EmptyGoals({ status }: { status: StatusFilter }) {
  if (status !== 'active')
    return (
      <Text c="dimmed">
        <Trans>No {status} goals.</Trans>
      </Text>
    );
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4">
        <Trans>Start with one concrete goal</Trans>
      </Title>
      <Text mt="xs">
        <Trans>
          Pick something you want to prove you can do in the next three to six months, with a result you can
          see and a date. The goal checker helps you sharpen the wording.
        </Trans>
      </Text>
      <Button component={Link} to="/goals/new" mt="md">
        <Trans>Set my first goal</Trans>
      </Button>
    </Card>
  );
}
