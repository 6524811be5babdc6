import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Button, Card, Group, NumberInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { keys } from '../api/queries';
import { ProblemAlert } from './problem-alert';

type Goal = { id: string; signs: { id: string; label: string }[] };

export function CheckInForm({ goal }: { goal: Goal }) {
  const queryClient = useQueryClient();
  const [scores, setScores] = useState<Record<string, number | ''>>({});
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.goals[':goalId']['check-ins'].$post({
          param: { goalId: goal.id },
          json: {
            note,
            ratings: goal.signs.flatMap((sign) => {
              const score = scores[sign.id];
              return typeof score === 'number' ? [{ signId: sign.id, score }] : [];
            }),
          },
        }),
      ),
    onSuccess: async (updated) => {
      queryClient.setQueryData(keys.goal(goal.id), updated);
      await queryClient.invalidateQueries({ queryKey: ['goals'] });
      setScores({});
      setNote('');
    },
  });
  return (
    <Card withBorder component="section" aria-labelledby="check-in-title">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <Title order={2} size="h3" id="check-in-title">
            <Trans>Check in</Trans>
          </Title>
          <Text size="sm">
            <Trans>Where are you today on each sign, from 1 (not yet) to 10 (fully there)?</Trans>
          </Text>
          {goal.signs.map((sign) => (
            <NumberInput
              key={sign.id}
              label={sign.label}
              min={1}
              max={10}
              clampBehavior="strict"
              allowDecimal={false}
              value={scores[sign.id] ?? ''}
              onChange={(value) =>
                setScores((current) => ({ ...current, [sign.id]: typeof value === 'number' ? value : '' }))
              }
              maw={240}
            />
          ))}
          <Textarea
            label={t`Note (what happened, what you noticed)`}
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <ProblemAlert error={save.error} title={t`Could not save the check-in`} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              <Trans>Save check-in</Trans>
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
