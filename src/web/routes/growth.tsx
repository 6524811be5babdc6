import { plural, t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { useArtifacts, useFeedbackRequests } from '../api/growth-queries';
import { UnthankedAnswersBadge } from '../components/unthanked-answers-badge';

type Tool = {
  to: string;
  title: string;
  what: string;
  /** What the card says while the tool is still empty; null when we do not count. */
  status: string | null;
};

// The growth tools in one place, each with one line on what it is for, so the sidebar stays short and a
// newcomer can see what exists before any of it holds data.
export function GrowthPage() {
  const journal = useQuery({ queryKey: ['journal'], queryFn: () => unwrap(api.journal.$get({ query: {} })) });
  const feedback = useFeedbackRequests();
  const artifacts = useArtifacts();
  const journalCount = journal.data?.entries.length;
  const feedbackCount = feedback.data?.requests.length;
  const artifactCount = artifacts.data?.artifacts.length;
  const tools: Tool[] = [
    {
      to: '/journal',
      title: t`Journal`,
      what: t`Self-coaching on your own: questions to start from, and decisions you look back on after 30 and 90 days.`,
      status:
        journalCount === undefined
          ? null
          : journalCount === 0
            ? t`Nothing written yet — your first entry takes five minutes.`
            : plural(journalCount, { one: '# entry', other: '# entries' }),
    },
    {
      to: '/feedback-requests',
      title: t`Mirror feedback`,
      what: t`Ask one person about one moment to see how you come across, then thank them.`,
      status:
        feedbackCount === undefined
          ? null
          : feedbackCount === 0
            ? t`No requests yet — ask one colleague about one meeting.`
            : plural(feedbackCount, { one: '# request', other: '# requests' }),
    },
    {
      to: '/shadow-map',
      title: t`Shadow-side map`,
      what: t`Your strengths, how each looks when overdone, and the feedback that showed it.`,
      status: null,
    },
    {
      to: '/artifacts',
      title: t`Artifact library`,
      what: t`Great exec updates, launch emails and PRDs to learn from, and drafts of your own.`,
      status:
        artifactCount === undefined
          ? null
          : artifactCount === 0
            ? t`Empty — save the next great document you read.`
            : plural(artifactCount, { one: '# artifact', other: '# artifacts' }),
    },
    {
      to: '/outreach',
      title: t`Outreach`,
      what: t`A two-minute first note to an expert outside Corner, and what to tell them afterwards.`,
      status: null,
    },
    {
      to: '/growth-record/history',
      title: t`Growth record`,
      what: t`Relationships you brought from another Corner, kept to read.`,
      status: null,
    },
    {
      to: '/readiness',
      title: t`What help do I need?`,
      what: t`A ten-minute check: mentor, coach, peers or self-coaching, with reasons.`,
      status: null,
    },
  ];
  return (
    <Stack maw={960}>
      <Title order={1}>
        <Trans>Growth</Trans>
      </Title>
      <Text>
        <Trans>
          Tools you can use on your own, with or without a guide. Start with whichever fits this week.
        </Trans>
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" p={0} style={{ listStyle: 'none' }}>
        {tools.map((tool) => (
          <Card key={tool.to} withBorder component="li" padding="md">
            <Title order={2} size="h4">
              <Anchor component={Link} to={tool.to}>
                {tool.title}
              </Anchor>{' '}
              {tool.to === '/feedback-requests' && <UnthankedAnswersBadge />}
            </Title>
            <Text size="sm" mt={4}>
              {tool.what}
            </Text>
            {tool.status && (
              <Text size="sm" mt={4} c="dimmed">
                {tool.status}
              </Text>
            )}
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
