import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import {
  Button,
  Card,
  CloseButton,
  Group,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { checkGoal } from '../../domain/goals/check-goal';
import { goalPatterns } from '../../domain/goals/goal-patterns';
import { type SkillCategory, skillCategories } from '../../domain/goals/skill-categories';
import { api, unwrap } from '../api/client';
import { GoalCheckPanel } from '../components/goal-check-panel';
import { ProblemAlert } from '../components/problem-alert';
import { todayIso } from '../format';

type Values = {
  title: string;
  category: SkillCategory;
  targetDate: string;
  motivation: string;
  signs: string[];
};

export function NewGoalPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: { title: '', category: 'iq', targetDate: '', motivation: '', signs: [''] },
    validate: { title: (value) => (value.trim().length < 3 ? t`Write the goal in a few words` : null) },
  });
  const { title, targetDate } = form.getValues();
  const check = useMemo(
    () =>
      title.trim().length >= 3
        ? checkGoal({ title, targetDate: targetDate || null, today: todayIso() })
        : null,
    [title, targetDate],
  );
  const create = useMutation({
    mutationFn: (values: Values) =>
      unwrap(
        api.goals.$post({
          json: {
            title: values.title,
            category: values.category,
            targetDate: values.targetDate || null,
            motivation: values.motivation,
            signs: values.signs.filter((sign) => sign.trim().length > 0).map((label) => ({ label })),
          },
        }),
      ),
    onSuccess: async (goal) => {
      await queryClient.invalidateQueries({ queryKey: ['goals'] });
      navigate(`/goals/${goal.id}`);
    },
  });

  return (
    <Stack maw={760}>
      <Title order={1}>
        <Trans>Set a goal</Trans>
      </Title>
      <Text>
        <Trans>
          A good goal is an outcome you could show someone in three to six months: a result you can measure
          and a date. Not sure where to start? Pick a starting point.
        </Trans>
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {goalPatterns.map((pattern) => (
          <Card
            key={pattern.id}
            withBorder
            padding="sm"
            component="section"
            aria-labelledby={`pattern-${pattern.id}`}
          >
            <Title order={2} size="h5" id={`pattern-${pattern.id}`}>
              {pattern.title}
            </Title>
            <Text size="sm" mt={4}>
              {pattern.description}
            </Text>
            <Button
              variant="light"
              size="xs"
              mt="sm"
              onClick={() => form.setFieldValue('title', pattern.starter)}
            >
              <Trans>Use this starting point</Trans>
            </Button>
          </Card>
        ))}
      </SimpleGrid>
      <form onSubmit={form.onSubmit((values) => create.mutate(values))}>
        <Stack>
          <Textarea
            label={t`Your goal`}
            autosize
            minRows={2}
            required
            key={form.key('title')}
            {...form.getInputProps('title')}
          />
          {check && <GoalCheckPanel check={check} live />}
          <TextInput
            type="date"
            label={t`Target date`}
            description={t`When should the result be visible? Three to six months out works best.`}
            key={form.key('targetDate')}
            {...form.getInputProps('targetDate')}
          />
          <Radio.Group
            label={t`What kind of skill is this?`}
            key={form.key('category')}
            {...form.getInputProps('category')}
          >
            <Stack gap="xs" mt="xs">
              {(Object.keys(skillCategories) as SkillCategory[]).map((category) => (
                <Radio
                  key={category}
                  value={category}
                  label={skillCategories[category].label}
                  description={`${skillCategories[category].meaning} ${skillCategories[category].howToLearn}`}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t`Why it matters to you (optional)`}
            autosize
            minRows={2}
            key={form.key('motivation')}
            {...form.getInputProps('motivation')}
          />
          <Stack gap="xs">
            <Text fw={500} size="sm" id="signs-label">
              <Trans>Signs of progress</Trans>
            </Text>
            <Text size="sm" c="dimmed">
              <Trans>
                How would you notice you are getting there? Your own yardsticks, rated 1–10 in each check-in.
              </Trans>
            </Text>
            {form.getValues().signs.map((_, index) => (
              <Group key={form.key(`signs.${index}`)} gap="xs" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  aria-label={t`Sign of progress ${index + 1}`}
                  placeholder={t`e.g. I can explain our pricing logic to the exec team without notes`}
                  {...form.getInputProps(`signs.${index}`)}
                />
                <CloseButton
                  aria-label={t`Remove sign ${index + 1}`}
                  onClick={() => form.removeListItem('signs', index)}
                />
              </Group>
            ))}
            <Group>
              <Button
                variant="subtle"
                size="xs"
                disabled={form.getValues().signs.length >= 6}
                onClick={() => form.insertListItem('signs', '')}
              >
                <Trans>Add a sign of progress</Trans>
              </Button>
            </Group>
          </Stack>
          <ProblemAlert error={create.error} title={t`Could not save the goal`} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              <Trans>Save goal</Trans>
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
