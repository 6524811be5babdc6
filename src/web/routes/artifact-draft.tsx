import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Anchor, Button, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { growthKeys, useArtifact } from '../api/growth-queries';
import { CenteredLoader } from '../components/centered-loader';
import { ProblemAlert } from '../components/problem-alert';

export function ArtifactDraftPage() {
  const artifactId = useParams().artifactId ?? '';
  const queryClient = useQueryClient();
  const artifact = useArtifact(artifactId);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  useEffect(() => {
    if (artifact.data) {
      setTitle(artifact.data.title);
      setBody(artifact.data.body);
    }
  }, [artifact.data]);
  const save = useMutation({
    mutationFn: () => {
      const current = artifact.data;
      if (!current) throw new Error(t`The draft has not loaded yet.`);
      return unwrap(
        api.artifacts[':artifactId'].$put({
          param: { artifactId },
          json: {
            kind: current.kind,
            title,
            body,
            source: current.source,
            questions: current.questions,
            tags: current.tags,
            goalId: current.goalId,
          },
        }),
      );
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(growthKeys.artifact(artifactId), saved);
      return queryClient.invalidateQueries({ queryKey: growthKeys.artifacts });
    },
  });
  if (artifact.isPending) return <CenteredLoader label={t`Loading the draft`} />;
  return (
    <Stack maw={860}>
      <Trans>
        <Anchor component={Link} to="/artifacts">
          Back to the library
        </Anchor>
      </Trans>
      <ProblemAlert error={artifact.error} />
      {artifact.data && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Stack>
            <Title order={1}>{artifact.data.role === 'draft' ? t`My draft` : t`Example`}</Title>
            <Text>
              <Trans>Answer each question under its heading in your own words.</Trans>
            </Text>
            <TextInput label={t`Title`} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
            <Textarea
              label={t`Draft`}
              autosize
              minRows={12}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
            />
            <ProblemAlert error={save.error} />
            {save.isSuccess && (
              <Text role="status" c="teal.9">
                <Trans>Saved.</Trans>
              </Text>
            )}
            <Button type="submit" loading={save.isPending} w="fit-content">
              <Trans>Save</Trans>
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
