import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { checkGoal } from '../../domain/goals/check-goal';
import { api, unwrap } from '../api/client';
import { keys } from '../api/queries';
import { GoalCheckPanel } from './goal-check-panel';
import { ProblemAlert } from './problem-alert';

type Goal = { id: string; title: string; targetDate: string | null; motivation: string; createdAt: string };

export function GoalEditForm({ goal, onDone }: { goal: Goal; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { title: goal.title, targetDate: goal.targetDate ?? '', motivation: goal.motivation },
  });
  const values = form.getValues();
  const check = checkGoal({
    title: values.title,
    targetDate: values.targetDate || null,
    today: goal.createdAt.slice(0, 10),
  });
  const save = useMutation({
    mutationFn: (input: typeof values) =>
      unwrap(
        api.goals[':goalId'].$patch({
          param: { goalId: goal.id },
          json: { title: input.title, targetDate: input.targetDate || null, motivation: input.motivation },
        }),
      ),
    onSuccess: async (updated) => {
      queryClient.setQueryData(keys.goal(goal.id), updated);
      await queryClient.invalidateQueries({ queryKey: ['goals'] });
      onDone();
    },
  });
  return (
    <form onSubmit={form.onSubmit((input) => save.mutate(input))} aria-label={t`Edit goal`}>
      <Stack>
        <Textarea label={t`Your goal`} autosize minRows={2} {...form.getInputProps('title')} />
        <GoalCheckPanel check={check} live />
        <TextInput type="date" label={t`Target date`} {...form.getInputProps('targetDate')} />
        <Textarea
          label={t`Why it matters to you`}
          autosize
          minRows={2}
          {...form.getInputProps('motivation')}
        />
        <ProblemAlert error={save.error} title={t`Could not save`} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            <Trans>Save changes</Trans>
          </Button>
          <Button variant="subtle" onClick={onDone}>
            <Trans>Cancel</Trans>
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
