import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useGoals, useMe, useReadinessResults } from '../api/queries';
import { GuideHome } from '../components/home/guide-home';
import { MyInvitationsCard } from '../components/my-invitations-card';
import { formatDate } from '../format';

export function HomePage({ name }: { name: string }) {
  const me = useMe();
  const isGuide = me.data?.roles.includes('guide') ?? false;
  const isAdmin = me.data?.roles.includes('admin') ?? false;
  const readiness = useReadinessResults();
  const goals = useGoals('active');
  const latest = readiness.data?.results[0];
  const activeGoals = goals.data?.goals ?? [];
  return (
    <Stack maw={960}>
      <Title order={1}>
        <Trans>Hello, {name.split(' ')[0]}</Trans>
      </Title>
      <MyInvitationsCard />
      {isGuide && <GuideHome />}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder padding="lg" component="section" aria-labelledby="home-readiness">
          <Title order={2} size="h3" id="home-readiness">
            <Trans>What kind of help fits you</Trans>
          </Title>
          {latest ? (
            <>
              <Text mt="xs">
                <Trans>Your last check ({formatDate(latest.createdAt)}) suggested:</Trans>{' '}
                <strong>{latest.recommendations.map((r) => r.headline).join('; ')}</strong>
              </Text>
              <Group mt="md">
                <Button component={Link} to={`/readiness/${latest.id}`} variant="light">
                  <Trans>See why</Trans>
                </Button>
                <Trans>
                  <Anchor component={Link} to="/readiness">
                    Retake
                  </Anchor>
                </Trans>
              </Group>
            </>
          ) : (
            <>
              <Text mt="xs">
                <Trans>
                  Not sure whether you need a mentor, a coach, peers or some structured self-coaching? A
                  ten-minute check tells you, with reasons.
                </Trans>
              </Text>
              <Button component={Link} to="/readiness" mt="md">
                <Trans>Take the readiness check</Trans>
              </Button>
            </>
          )}
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="home-goals">
          <Title order={2} size="h3" id="home-goals">
            <Trans>Your goals</Trans>
          </Title>
          {activeGoals.length === 0 ? (
            <>
              <Text mt="xs">
                <Trans>
                  No active goals yet. One concrete three-to-six-month goal is the best place to start.
                </Trans>
              </Text>
              <Button component={Link} to="/goals/new" mt="md">
                <Trans>Set a goal</Trans>
              </Button>
            </>
          ) : (
            <Stack gap="xs" mt="xs">
              {activeGoals.slice(0, 5).map((goal) => (
                <div key={goal.id}>
                  <Anchor component={Link} to={`/goals/${goal.id}`}>
                    {goal.title}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {goal.lastCheckInAt
                      ? t`Last check-in ${formatDate(goal.lastCheckInAt)}`
                      : t`No check-ins yet`}
                  </Text>
                </div>
              ))}
              <Trans>
                <Anchor component={Link} to="/goals" size="sm">
                  All goals
                </Anchor>
              </Trans>
            </Stack>
          )}
        </Card>
      </SimpleGrid>
      {(!isGuide || !isAdmin) && (
        <Card withBorder padding="md" component="section" aria-labelledby="home-more">
          <Title order={2} size="h4" id="home-more">
            <Trans>Other ways to use Corner</Trans>
          </Title>
          <Group mt="xs">
            {!isGuide && (
              <Anchor component={Link} to="/my-guide-profile">
                <Trans>Offer to guide others</Trans>
              </Anchor>
            )}
            {!isAdmin && (
              <Anchor component={Link} to="/programs">
                <Trans>Run a mentoring program</Trans>
              </Anchor>
            )}
          </Group>
        </Card>
      )}
    </Stack>
  );
}
