import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Button, Card, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { relKeys, type SessionDetail } from '../../api/relationship-queries';
import { ProblemAlert } from '../problem-alert';

type Step = { kind: 'practical' | 'reflective'; text: string; dueDate: string };

// A held session closes only with a next step; the server enforces it, the form makes it easy.
export function CloseSessionForm({ session }: { session: SessionDetail }) {
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<'held' | 'cancelled' | 'no-show'>('held');
  const [steps, setSteps] = useState<Step[]>([{ kind: 'practical', text: '', dueDate: '' }]);
  const [insights, setInsights] = useState('');
  const [reason, setReason] = useState('');
  const close = useMutation({
    mutationFn: () =>
      unwrap(
        api.sessions[':sessionId'].close.$post({
          param: { sessionId: session.id },
          json: {
            outcome,
            insights,
            reason,
            nextSteps: steps
              .filter((s) => s.text.trim() !== '')
              .map((s) => ({
                kind: s.kind,
                text: s.text,
                owner: 'member' as const,
                dueDate: s.dueDate || null,
              })),
          },
        }),
      ),
    onSuccess: async (updated) => {
      queryClient.setQueryData(relKeys.session(session.id), updated);
      await queryClient.invalidateQueries({ queryKey: ['relationship', session.relationshipId] });
    },
  });
  const setStep = (index: number, change: Partial<Step>) =>
    setSteps(steps.map((step, i) => (i === index ? { ...step, ...change } : step)));
  return (
    <Card withBorder component="section" aria-labelledby="close-title">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          close.mutate();
        }}
      >
        <Stack gap="xs">
          <Title order={2} size="h3" id="close-title">
            <Trans>Close the session</Trans>
          </Title>
          <Select
            label={t`What happened`}
            allowDeselect={false}
            value={outcome}
            onChange={(v) =>
              setOutcome(v === 'cancelled' ? 'cancelled' : v === 'no-show' ? 'no-show' : 'held')
            }
            data={[
              { value: 'held', label: t`We held it` },
              { value: 'cancelled', label: t`It was cancelled` },
              { value: 'no-show', label: t`Someone did not show up` },
            ]}
          />
          {outcome === 'held' ? (
            <>
              <Text size="sm">
                <Trans>
                  Leave with at least one next step: something to do, or a question to think through.
                </Trans>
              </Text>
              {steps.map((step, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: steps have no id until they are saved
                <Group key={index} align="flex-end" grow>
                  <TextInput
                    label={t`Next step ${index + 1}`}
                    value={step.text}
                    onChange={(e) => setStep(index, { text: e.currentTarget.value })}
                  />
                  <Select
                    label={t`Kind of step ${index + 1}`}
                    allowDeselect={false}
                    value={step.kind}
                    onChange={(v) =>
                      setStep(index, { kind: v === 'reflective' ? 'reflective' : 'practical' })
                    }
                    data={[
                      { value: 'practical', label: t`Practical` },
                      { value: 'reflective', label: t`Reflective` },
                    ]}
                  />
                  <TextInput
                    label={t`Due date of step ${index + 1}`}
                    type="date"
                    value={step.dueDate}
                    onChange={(e) => setStep(index, { dueDate: e.currentTarget.value })}
                  />
                </Group>
              ))}
              <Button
                variant="subtle"
                size="xs"
                onClick={() => setSteps([...steps, { kind: 'practical', text: '', dueDate: '' }])}
              >
                <Trans>Add another next step</Trans>
              </Button>
              <Textarea
                label={t`Insights from this session`}
                value={insights}
                onChange={(e) => setInsights(e.currentTarget.value)}
              />
            </>
          ) : (
            <Textarea
              label={t`Reason (optional)`}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
          )}
          <ProblemAlert error={close.error} title={t`The session is not closed yet`} />
          <Button type="submit" loading={close.isPending}>
            <Trans>Close session</Trans>
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
