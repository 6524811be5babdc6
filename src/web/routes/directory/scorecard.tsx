import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Alert, Button, Card, Checkbox, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import type { ScorecardAnswers } from '../../../domain/fit/score-scorecard';
import { type FitAnswer, fitQuestions, guideQuestionsFor, redFlags } from '../../../domain/fit/scorecard';
import { api, unwrap } from '../../api/client';
import { CenteredLoader } from '../../components/centered-loader';
import { ProblemAlert } from '../../components/problem-alert';

export function ScorecardPage() {
  const { guideId = '' } = useParams();
  const queryClient = useQueryClient();
  const guide = useQuery({
    queryKey: ['guide', guideId],
    queryFn: () => unwrap(api.guides[':guideId'].$get({ param: { guideId } })),
  });
  const mine = useQuery({ queryKey: ['scorecards'], queryFn: () => unwrap(api.scorecards.$get()) });
  const [fit, setFit] = useState<ScorecardAnswers['fit']>({});
  const [flags, setFlags] = useState<string[]>([]);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const existing = mine.data?.scorecards.find((card) => card.guide.userId === guideId);
  useEffect(() => {
    if (!existing) return;
    setFit(existing.answers.fit as ScorecardAnswers['fit']);
    setFlags(existing.answers.redFlags);
    setNotes(existing.answers.guideAnswers ?? {});
  }, [existing]);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.scorecards.$put({
          json: {
            guideId,
            fit,
            redFlags: flags as ScorecardAnswers['redFlags'],
            guideAnswers: notes,
          },
        }),
      ),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['scorecards'] });
      queryClient.invalidateQueries({ queryKey: ['shortlist'] });
    },
  });
  if (guide.isPending || mine.isPending) return <CenteredLoader label={t`Loading the scorecard`} />;
  if (guide.error) return <ProblemAlert error={guide.error} />;
  const kind = guide.data.kind === 'coach' ? 'coaching' : 'mentoring';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Stack maw={760} component="form" onSubmit={submit}>
      <Title order={1}>
        <Trans>Scorecard: intro with {guide.data.name}</Trans>
      </Title>
      <Text size="sm">
        <Trans>Only you can see this. Answer soon after the intro, while the feeling is fresh.</Trans>
      </Text>
      <Card withBorder component="section" aria-labelledby="fit-questions">
        <Title order={2} size="h4" id="fit-questions">
          <Trans>How did it feel?</Trans>
        </Title>
        <Stack mt="sm">
          {fitQuestions.map((question) => (
            <Radio.Group
              key={question.id}
              label={question.question}
              value={fit[question.id] ?? ''}
              onChange={(value) => setFit({ ...fit, [question.id]: value as FitAnswer })}
            >
              <Group mt={4}>
                {(['yes', 'partly', 'no'] as const).map((answer) => (
                  <Radio key={answer} value={answer} label={question.answerLabels[answer]} />
                ))}
              </Group>
            </Radio.Group>
          ))}
        </Stack>
      </Card>
      <Card withBorder component="section" aria-labelledby="guide-questions">
        <Title order={2} size="h4" id="guide-questions">
          <Trans>What they said</Trans>
        </Title>
        <Stack mt="sm">
          {guideQuestionsFor(kind).map((question) => (
            <Textarea
              key={question.id}
              label={question.question}
              description={question.listenFor}
              value={notes[question.id] ?? ''}
              onChange={(e) => setNotes({ ...notes, [question.id]: e.currentTarget.value })}
            />
          ))}
        </Stack>
      </Card>
      <Card withBorder component="section" aria-labelledby="red-flags">
        <Title order={2} size="h4" id="red-flags">
          <Trans>Red flags</Trans>
        </Title>
        <Checkbox.Group value={flags} onChange={setFlags} label={t`Tick any you noticed`}>
          <Stack mt="xs" gap="xs">
            {redFlags.map((flag) => (
              <Checkbox key={flag.id} value={flag.id} label={flag.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      </Card>
      <ProblemAlert error={save.error} />
      {save.data && (
        <Alert color="indigo" title={t`Your verdict`} role="status">
          {save.data.result.summary}
        </Alert>
      )}
      <Group>
        <Button type="submit" loading={save.isPending}>
          <Trans>Save scorecard</Trans>
        </Button>
      </Group>
    </Stack>
  );
}
