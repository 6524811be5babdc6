import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Button, Card, Checkbox, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { growthKeys, useFeedbackRequests, useShadowMap } from '../api/growth-queries';
import { CenteredLoader } from '../components/centered-loader';
import { ProblemAlert } from '../components/problem-alert';

export function ShadowMapPage() {
  const queryClient = useQueryClient();
  const map = useShadowMap();
  const feedback = useFeedbackRequests();
  const answered = (feedback.data?.requests ?? []).flatMap((request) =>
    request.answer
      ? [{ answerId: request.answer.id, label: `${request.giverName}: “${request.answer.text}”` }]
      : [],
  );
  const [strength, setStrength] = useState('');
  const [overdone, setOverdone] = useState('');
  const [answerIds, setAnswerIds] = useState<string[]>([]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: growthKeys.shadowMap });
  const add = useMutation({
    mutationFn: () => unwrap(api['shadow-map'].$post({ json: { strength, overdone, answerIds } })),
    onSuccess: async () => {
      setStrength('');
      setOverdone('');
      setAnswerIds([]);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (strengthId: string) =>
      unwrap(api['shadow-map'][':strengthId'].$delete({ param: { strengthId } })),
    onSuccess: refresh,
  });

  return (
    <Stack maw={860}>
      <Title order={1}>
        <Trans>Shadow-side map</Trans>
      </Title>
      <Text>
        <Trans>
          Every strength has a shadow: pushed too far, it turns into the thing people struggle with. Write
          down your strengths, how each looks when overdone, and the feedback that showed it to you.
        </Trans>
      </Text>
      {map.isPending && <CenteredLoader label={t`Loading your map`} />}
      <ProblemAlert error={map.error} />
      {map.data && map.data.strengths.length === 0 && (
        <Card withBorder padding="md">
          <Text>
            <Trans>No strengths mapped yet. Start with one that people often mention.</Trans>
          </Text>
        </Card>
      )}
      {map.data?.strengths.map((item) => (
        <Card
          key={item.id}
          withBorder
          padding="md"
          component="article"
          aria-labelledby={`strength-${item.id}`}
        >
          <Group justify="space-between" align="flex-start">
            <Title order={2} size="h4" id={`strength-${item.id}`}>
              {item.strength}
            </Title>
            <Button variant="subtle" size="xs" color="red" onClick={() => remove.mutate(item.id)}>
              <Trans>Remove {item.strength}</Trans>
            </Button>
          </Group>
          <Text size="sm" mt={4}>
            <Trans>
              <strong>When overdone:</strong>
            </Trans>{' '}
            {item.overdone || t`not written yet`}
          </Text>
          {item.evidence.length > 0 && (
            <Stack gap={4} mt="xs">
              <Text size="sm" fw={600}>
                <Trans>Shown by</Trans>
              </Text>
              {item.evidence.map((e) => (
                <Text size="sm" key={e.answerId}>
                  {e.giverName}: “{e.answer}”
                </Text>
              ))}
            </Stack>
          )}
        </Card>
      ))}
      <Card withBorder padding="lg" component="section" aria-labelledby="add-strength">
        <Title order={2} size="h4" id="add-strength">
          <Trans>Add a strength</Trans>
        </Title>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate();
          }}
        >
          <Stack mt="sm">
            <TextInput
              label={t`Strength`}
              required
              value={strength}
              onChange={(e) => setStrength(e.currentTarget.value)}
            />
            <Textarea
              label={t`How it looks when overdone`}
              autosize
              minRows={2}
              value={overdone}
              onChange={(e) => setOverdone(e.currentTarget.value)}
            />
            {answered.length > 0 && (
              <Checkbox.Group label={t`Feedback that revealed it`} value={answerIds} onChange={setAnswerIds}>
                <Stack gap="xs" mt="xs">
                  {answered.map((a) => (
                    <Checkbox key={a.answerId} value={a.answerId} label={a.label} />
                  ))}
                </Stack>
              </Checkbox.Group>
            )}
            <ProblemAlert error={add.error} />
            <Button type="submit" loading={add.isPending} w="fit-content">
              <Trans>Add to my map</Trans>
            </Button>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
