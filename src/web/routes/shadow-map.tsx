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
      <Title order={1}>Shadow-side map</Title>
      <Text>
        Every strength has a shadow: pushed too far, it turns into the thing people struggle with. Write down
        your strengths, how each looks when overdone, and the feedback that showed it to you.
      </Text>
      {map.isPending && <CenteredLoader label="Loading your map" />}
      <ProblemAlert error={map.error} />
      {map.data && map.data.strengths.length === 0 && (
        <Card withBorder padding="md">
          <Text>No strengths mapped yet. Start with one that people often mention.</Text>
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
              Remove {item.strength}
            </Button>
          </Group>
          <Text size="sm" mt={4}>
            <strong>When overdone:</strong> {item.overdone || 'not written yet'}
          </Text>
          {item.evidence.length > 0 && (
            <Stack gap={4} mt="xs">
              <Text size="sm" fw={600}>
                Shown by
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
          Add a strength
        </Title>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate();
          }}
        >
          <Stack mt="sm">
            <TextInput
              label="Strength"
              required
              value={strength}
              onChange={(e) => setStrength(e.currentTarget.value)}
            />
            <Textarea
              label="How it looks when overdone"
              autosize
              minRows={2}
              value={overdone}
              onChange={(e) => setOverdone(e.currentTarget.value)}
            />
            {answered.length > 0 && (
              <Checkbox.Group label="Feedback that revealed it" value={answerIds} onChange={setAnswerIds}>
                <Stack gap="xs" mt="xs">
                  {answered.map((a) => (
                    <Checkbox key={a.answerId} value={a.answerId} label={a.label} />
                  ))}
                </Stack>
              </Checkbox.Group>
            )}
            <ProblemAlert error={add.error} />
            <Button type="submit" loading={add.isPending} w="fit-content">
              Add to my map
            </Button>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
