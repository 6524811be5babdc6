import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { growthKeys, useArtifacts } from '../api/growth-queries';
import { CenteredLoader } from '../components/centered-loader';
import { ProblemAlert } from '../components/problem-alert';

export const artifactKindLabels = {
  'exec-update': 'Exec update',
  'launch-email': 'Launch email',
  prd: 'PRD',
  'strategy-doc': 'Strategy doc',
  other: 'Other',
} as const;

type Kind = keyof typeof artifactKindLabels;

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export function ArtifactsPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const library = useArtifacts();
  const [kind, setKind] = useState<Kind>('exec-update');
  const [title, setTitle] = useState('');
  const [source, setSource] = useState('');
  const [body, setBody] = useState('');
  const [questions, setQuestions] = useState('');
  const [tags, setTags] = useState('');
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.artifacts.$post({
          json: {
            kind,
            title,
            source,
            body,
            questions: lines(questions),
            tags: tags
              .split(',')
              .map((tag) => tag.trim())
              .filter(Boolean),
          },
        }),
      ),
    onSuccess: async () => {
      setTitle('');
      setSource('');
      setBody('');
      setQuestions('');
      setTags('');
      await queryClient.invalidateQueries({ queryKey: growthKeys.artifacts });
    },
  });
  const useAsTemplate = useMutation({
    mutationFn: (artifactId: string) =>
      unwrap(api.artifacts[':artifactId'].drafts.$post({ param: { artifactId } })),
    onSuccess: async (draft) => {
      await queryClient.invalidateQueries({ queryKey: growthKeys.artifacts });
      navigate(`/artifacts/${draft.id}`);
    },
  });
  const examples = library.data?.artifacts.filter((a) => a.role === 'example') ?? [];
  const drafts = library.data?.artifacts.filter((a) => a.role === 'draft') ?? [];

  return (
    <Stack maw={860}>
      <Title order={1}>
        <Trans>Artifact library</Trans>
      </Title>
      <Text>
        <Trans>
          Execution skills grow fastest from great examples. Keep the best exec updates, launch emails, PRDs
          and strategy docs you find, note the questions each one answers, and start your own from those
          questions.
        </Trans>
      </Text>
      {library.isPending && <CenteredLoader label={t`Loading your library`} />}
      <ProblemAlert error={library.error ?? useAsTemplate.error} />
      <Title order={2} size="h3">
        <Trans>Examples</Trans>
      </Title>
      {library.data && examples.length === 0 && (
        <Card withBorder padding="md">
          <Text>
            <Trans>
              No examples yet. Add one below: a document you admire, and the questions it answers.
            </Trans>
          </Text>
        </Card>
      )}
      {examples.map((artifact) => (
        <Card
          key={artifact.id}
          withBorder
          padding="md"
          component="article"
          aria-labelledby={`artifact-${artifact.id}`}
        >
          <Group justify="space-between" align="flex-start">
            <Title order={3} size="h5" id={`artifact-${artifact.id}`}>
              {artifact.title}
            </Title>
            <Badge variant="light">{artifactKindLabels[artifact.kind]}</Badge>
          </Group>
          {artifact.source && (
            <Text size="xs" c="dimmed">
              <Trans>Source: {artifact.source}</Trans>
            </Text>
          )}
          {artifact.questions.length > 0 && (
            <Stack gap={2} mt="xs" component="ul" style={{ paddingLeft: 20, margin: 0 }}>
              {artifact.questions.map((q) => (
                <Text component="li" size="sm" key={q}>
                  {q}
                </Text>
              ))}
            </Stack>
          )}
          <Group mt="sm" gap="xs">
            {artifact.tags.map((tag) => (
              <Badge key={tag} variant="outline" color="gray">
                {tag}
              </Badge>
            ))}
          </Group>
          <Button
            mt="sm"
            size="xs"
            variant="light"
            w="fit-content"
            onClick={() => useAsTemplate.mutate(artifact.id)}
          >
            <Trans>Use {artifact.title} as template</Trans>
          </Button>
        </Card>
      ))}
      <Title order={2} size="h3">
        <Trans>My drafts</Trans>
      </Title>
      {library.data && drafts.length === 0 && (
        <Text c="dimmed">
          <Trans>No drafts yet. Use an example as a template.</Trans>
        </Text>
      )}
      {drafts.map((draft) => (
        <Card key={draft.id} withBorder padding="sm">
          <Anchor component={Link} to={`/artifacts/${draft.id}`}>
            {draft.title}
          </Anchor>
        </Card>
      ))}
      <Card withBorder padding="lg" component="section" aria-labelledby="add-artifact">
        <Title order={2} size="h4" id="add-artifact">
          <Trans>Add an example</Trans>
        </Title>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate();
          }}
        >
          <Stack mt="sm">
            <Select
              label={t`Kind`}
              data={Object.entries(artifactKindLabels).map(([value, label]) => ({ value, label }))}
              value={kind}
              onChange={(value) => setKind((value as Kind | null) ?? 'other')}
              allowDeselect={false}
            />
            <TextInput
              label={t`Title`}
              required
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
            />
            <TextInput
              label={t`Where it comes from (optional)`}
              value={source}
              onChange={(e) => setSource(e.currentTarget.value)}
            />
            <Textarea
              label={t`Questions it answers (one per line)`}
              autosize
              minRows={3}
              value={questions}
              onChange={(e) => setQuestions(e.currentTarget.value)}
            />
            <Textarea
              label={t`The example itself (optional)`}
              autosize
              minRows={3}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
            />
            <TextInput
              label={t`Tags (comma separated)`}
              value={tags}
              onChange={(e) => setTags(e.currentTarget.value)}
            />
            <ProblemAlert error={add.error} />
            <Button type="submit" loading={add.isPending} w="fit-content">
              <Trans>Add to my library</Trans>
            </Button>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
