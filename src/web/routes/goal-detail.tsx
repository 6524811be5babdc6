import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { skillCategories } from '../../domain/goals/skill-categories';
import { api, unwrap } from '../api/client';
import { keys, useGoal } from '../api/queries';
import { CenteredLoader } from '../components/centered-loader';
import { CheckInForm } from '../components/check-in-form';
import { CheckInHistory } from '../components/check-in-history';
import { GoalCheckPanel } from '../components/goal-check-panel';
import { GoalEditForm } from '../components/goal-edit-form';
import { ProblemAlert } from '../components/problem-alert';
import { ProgressChart } from '../components/progress-chart';
import { SignsEditor } from '../components/signs-editor';
import { formatDate } from '../format';

type Status = 'active' | 'achieved' | 'archived';

export function GoalDetailPage() {
  const { goalId = '' } = useParams();
  const goal = useGoal(goalId);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const setStatus = useMutation({
    mutationFn: (status: Status) =>
      unwrap(api.goals[':goalId'].$patch({ param: { goalId }, json: { status } })),
    onSuccess: async (updated) => {
      queryClient.setQueryData(keys.goal(goalId), updated);
      await queryClient.invalidateQueries({ queryKey: ['goals'] });
    },
  });

  if (goal.isPending) return <CenteredLoader label={t`Loading the goal`} />;
  if (goal.error) return <ProblemAlert error={goal.error} title={t`Could not load this goal`} />;
  const data = goal.data;
  const category = skillCategories[data.category];

  return (
    <Stack maw={860}>
      <Trans>
        <Anchor component={Link} to="/goals" size="sm">
          ← All goals
        </Anchor>
      </Trans>
      <Group justify="space-between" align="flex-start">
        <Title order={1}>{data.title}</Title>
        <Badge
          size="lg"
          variant="light"
          color={data.status === 'active' ? 'indigo' : data.status === 'achieved' ? 'teal' : 'gray'}
        >
          {data.status}
        </Badge>
      </Group>
      <Text>
        {category.label}
        {data.targetDate ? t` · target ${formatDate(data.targetDate)}` : t` · no target date`}
      </Text>
      <Text size="sm" c="dimmed">
        {category.howToLearn}
      </Text>
      {editing ? (
        <GoalEditForm goal={data} onDone={() => setEditing(false)} />
      ) : (
        <>
          <GoalCheckPanel check={data.check} />
          <Group>
            <Button variant="light" onClick={() => setEditing(true)}>
              <Trans>Edit goal</Trans>
            </Button>
            {data.status === 'active' && (
              <Button variant="light" color="teal" onClick={() => setStatus.mutate('achieved')}>
                <Trans>Mark achieved</Trans>
              </Button>
            )}
            {data.status === 'archived' ? (
              <Button variant="light" onClick={() => setStatus.mutate('active')}>
                <Trans>Restore</Trans>
              </Button>
            ) : (
              <Button variant="subtle" color="gray" onClick={() => setStatus.mutate('archived')}>
                <Trans>Archive</Trans>
              </Button>
            )}
          </Group>
          <ProblemAlert error={setStatus.error} />
        </>
      )}
      <Card withBorder component="section" aria-labelledby="progress-title">
        <Title order={2} size="h3" id="progress-title" mb="sm">
          <Trans>Progress</Trans>
        </Title>
        <ProgressChart signs={data.signs} checkIns={data.checkIns} />
      </Card>
      <SignsEditor goal={data} />
      {data.status !== 'archived' && data.signs.length > 0 && <CheckInForm goal={data} />}
      <CheckInHistory goal={data} />
    </Stack>
  );
}
