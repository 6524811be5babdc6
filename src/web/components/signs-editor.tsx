import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Button, Card, Group, List, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { keys } from '../api/queries';
import { ProblemAlert } from './problem-alert';

type Goal = { id: string; status: string; signs: { id: string; label: string }[] };

export function SignsEditor({ goal }: { goal: Goal }) {
  const [label, setLabel] = useState('');
  const queryClient = useQueryClient();
  const add = useMutation({
    mutationFn: () =>
      unwrap(api.goals[':goalId'].signs.$post({ param: { goalId: goal.id }, json: { label } })),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.goal(goal.id), updated);
      setLabel('');
    },
  });
  return (
    <Card withBorder component="section" aria-labelledby="signs-title">
      <Title order={2} size="h3" id="signs-title">
        <Trans>Signs of progress</Trans>
      </Title>
      {goal.signs.length === 0 ? (
        <Text mt="xs">
          <Trans>
            Add one to three signs you would notice as you get closer: your own yardsticks, not someone else’s
            benchmark.
          </Trans>
        </Text>
      ) : (
        <List mt="xs">
          {goal.signs.map((sign) => (
            <List.Item key={sign.id}>{sign.label}</List.Item>
          ))}
        </List>
      )}
      {goal.status !== 'archived' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate();
          }}
        >
          <Group mt="sm" align="flex-end">
            <TextInput
              style={{ flex: 1 }}
              label={t`New sign of progress`}
              value={label}
              onChange={(event) => setLabel(event.currentTarget.value)}
            />
            <Button type="submit" variant="light" loading={add.isPending} disabled={label.trim().length < 2}>
              <Trans>Add sign</Trans>
            </Button>
          </Group>
          <ProblemAlert error={add.error} />
        </form>
      )}
    </Card>
  );
}
