import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client';
import { CenteredLoader } from '../../components/centered-loader';
import { ProblemAlert } from '../../components/problem-alert';
import { formatDateTime } from '../../format';

const verdictLabels = (): Record<string, string> => ({
  'strong-fit': t`Strong fit`,
  'possible-fit': t`Possible fit`,
  'poor-fit': t`Poor fit`,
  incomplete: t`Scorecard unfinished`,
});

export function ShortlistPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const shortlist = useQuery({ queryKey: ['shortlist'], queryFn: () => unwrap(api.shortlist.$get()) });
  const remove = useMutation({
    mutationFn: (guideId: string) => unwrap(api.shortlist[':guideId'].$delete({ param: { guideId } })),
    onSuccess: (data) => queryClient.setQueryData(['shortlist'], data),
  });
  const choose = useMutation({
    mutationFn: (guideId: string) => unwrap(api.choices.$post({ json: { guideId } })),
    onSuccess: () => navigate('/choice'),
  });
  if (shortlist.isPending) return <CenteredLoader label={t`Loading your shortlist`} />;
  if (shortlist.error) return <ProblemAlert error={shortlist.error} />;
  const { entries, nudges, maxSize } = shortlist.data;
  return (
    <Stack maw={860}>
      <Group justify="space-between">
        <Title order={1}>
          <Trans>My shortlist</Trans>
        </Title>
        <Group>
          <Button component={Link} to="/guides" variant="light">
            <Trans>Find guides</Trans>
          </Button>
          <Button component={Link} to="/shortlist/compare" variant="default">
            <Trans>Compare scorecards</Trans>
          </Button>
        </Group>
      </Group>
      <Text size="sm">
        <Trans>
          {entries.length} of {maxSize} candidates. Talking to three to five before deciding is the best
          protection against a poor match.
        </Trans>
      </Text>
      {nudges.map((nudge) => (
        <Alert
          key={nudge.code}
          color={nudge.level === 'warning' ? 'orange' : 'indigo'}
          variant="light"
          role="status"
        >
          {nudge.message}
        </Alert>
      ))}
      <ProblemAlert error={remove.error ?? choose.error} />
      {entries.length === 0 && (
        <Card withBorder padding="lg">
          <Title order={2} size="h4">
            <Trans>No candidates yet</Trans>
          </Title>
          <Text mt="xs">
            <Trans>Search the directory and add the guides who look promising.</Trans>
          </Text>
        </Card>
      )}
      {entries.map((entry) => (
        <Card
          key={entry.guide.userId}
          withBorder
          component="article"
          aria-labelledby={`entry-${entry.guide.userId}`}
        >
          <Group justify="space-between" align="flex-start">
            <div>
              <Title order={2} size="h4" id={`entry-${entry.guide.userId}`}>
                <Anchor component={Link} to={`/guides/${entry.guide.userId}`}>
                  {entry.guide.name}
                </Anchor>
              </Title>
              <Text size="sm">{entry.guide.headline}</Text>
            </div>
            {entry.scorecard && (
              <Badge variant="light">
                {verdictLabels()[entry.scorecard.verdict] ?? entry.scorecard.verdict}
              </Badge>
            )}
          </Group>
          <Text size="sm" mt="xs">
            {entry.intro
              ? t`Intro: ${entry.intro.status.replaceAll('-', ' ')}${entry.intro.scheduledAt ? t` for ${formatDateTime(entry.intro.scheduledAt)}` : ''}`
              : t`No intro requested yet.`}
          </Text>
          {entry.scorecard && (
            <Text size="sm" mt={4}>
              {entry.scorecard.summary}
            </Text>
          )}
          <Group mt="sm">
            {!entry.intro && (
              <Button size="xs" component={Link} to={`/guides/${entry.guide.userId}`} variant="light">
                <Trans>Ask for an intro</Trans>
              </Button>
            )}
            <Button size="xs" component={Link} to={`/scorecards/${entry.guide.userId}`} variant="light">
              {entry.scorecard
                ? t`Edit scorecard for ${entry.guide.name}`
                : t`Fill in scorecard for ${entry.guide.name}`}
            </Button>
            <Button
              size="xs"
              onClick={() => choose.mutate(entry.guide.userId)}
              disabled={entry.guide.status !== 'active'}
            >
              <Trans>Choose {entry.guide.name}</Trans>
            </Button>
            <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(entry.guide.userId)}>
              <Trans>Remove {entry.guide.name}</Trans>
            </Button>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
