import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Alert, Anchor, Button, Card, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ReadinessAnswers } from '../../domain/readiness/readiness-answers';
import {
  type ReadinessQuestion,
  readinessQuestions,
  readinessScaleLabels,
  readinessYesNoLabels,
} from '../../domain/readiness/readiness-questions';
import { api, unwrap } from '../api/client';
import { keys, useReadinessResults } from '../api/queries';
import { ProblemAlert } from '../components/problem-alert';
import { formatDate } from '../format';

type Draft = Record<string, string | number | boolean>;

export function ReadinessPage() {
  const [draft, setDraft] = useState<Draft>({});
  const [missing, setMissing] = useState<string[]>([]);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const history = useReadinessResults();
  const take = useMutation({
    mutationFn: (answers: ReadinessAnswers) => unwrap(api.readiness.results.$post({ json: { answers } })),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: keys.readinessResults });
      navigate(`/readiness/${result.id}`);
    },
  });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const unanswered = readinessQuestions.filter((q) => draft[q.id] === undefined).map((q) => q.id);
    setMissing(unanswered);
    if (unanswered.length > 0) {
      document.getElementById(`question-${unanswered[0]}`)?.focus();
      return;
    }
    take.mutate(draft as ReadinessAnswers);
  };

  const sections = [
    { id: 'self-assessment', title: 'How you work and learn' },
    { id: 'context', title: 'Your situation' },
  ] as const;

  return (
    <Stack maw={760}>
      <Title order={1}>
        <Trans>What kind of help do you need?</Trans>
      </Title>
      <Text>
        <Trans>
          A mentor, a coach, peers and self-coaching each help with different things. Answer honestly: about
          ten statements and a few questions about your situation. You will see what we suggest and exactly
          which answers led to it. You can retake it any time.
        </Trans>
      </Text>
      <PastResults results={history.data?.results ?? []} />
      <form onSubmit={submit} noValidate>
        <Stack gap="xl">
          {sections.map((section) => (
            <Stack key={section.id} gap="md">
              <Title order={2} size="h3">
                {section.title}
              </Title>
              {readinessQuestions
                .filter((question) => question.section === section.id)
                .map((question) => (
                  <QuestionField
                    key={question.id}
                    question={question}
                    value={draft[question.id]}
                    missing={missing.includes(question.id)}
                    onChange={(value) => setDraft((current) => ({ ...current, [question.id]: value }))}
                  />
                ))}
            </Stack>
          ))}
          {missing.length > 0 && (
            <Alert color="orange" role="alert" title={t`A few questions are still open`}>
              <Trans>Please answer all questions: {missing.length} still need an answer.</Trans>
            </Alert>
          )}
          <ProblemAlert error={take.error} />
          <Group>
            <Button type="submit" loading={take.isPending}>
              <Trans>See what fits me</Trans>
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function QuestionField(props: {
  question: ReadinessQuestion;
  value: string | number | boolean | undefined;
  missing: boolean;
  onChange: (value: string | number | boolean) => void;
}) {
  const { question, value, missing, onChange } = props;
  const options: { value: string; label: string }[] =
    question.kind === 'scale'
      ? readinessScaleLabels.map((option) => ({ value: String(option.value), label: option.label }))
      : question.kind === 'yes-no'
        ? [
            { value: 'true', label: readinessYesNoLabels.yes },
            { value: 'false', label: readinessYesNoLabels.no },
          ]
        : (question.options ?? []).map((option) => ({ ...option }));
  const parse = (raw: string) =>
    question.kind === 'scale' ? Number(raw) : question.kind === 'yes-no' ? raw === 'true' : raw;
  return (
    <Card withBorder padding="md" id={`question-${question.id}`} tabIndex={-1}>
      <Radio.Group
        label={question.prompt}
        description={question.help}
        value={value === undefined ? null : String(value)}
        onChange={(raw) => onChange(parse(raw))}
        error={missing ? t`Please choose an answer` : undefined}
      >
        <Group mt="xs" gap="md" align="flex-start">
          {options.map((option) => (
            <Radio
              key={option.value}
              value={option.value}
              label={option.label}
              maw={question.kind === 'scale' ? 130 : 340}
            />
          ))}
        </Group>
      </Radio.Group>
    </Card>
  );
}

function PastResults({
  results,
}: {
  results: { id: string; createdAt: string; recommendations: { kind: string; headline: string }[] }[];
}) {
  if (results.length === 0) return null;
  return (
    <Card withBorder>
      <Title order={2} size="h4">
        <Trans>Your earlier results</Trans>
      </Title>
      <Stack gap={4} mt="xs" component="ul" style={{ listStyle: 'none', padding: 0 }}>
        {results.map((result) => (
          <li key={result.id}>
            <Anchor component={Link} to={`/readiness/${result.id}`}>
              {formatDate(result.createdAt)}: {result.recommendations[0]?.headline ?? t`result`}
            </Anchor>
          </li>
        ))}
      </Stack>
    </Card>
  );
}
