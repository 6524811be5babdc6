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
      <Title order={1}>Hello, {name.split(' ')[0]}</Title>
      <MyInvitationsCard />
      {isGuide && <GuideHome />}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder padding="lg" component="section" aria-labelledby="home-readiness">
          <Title order={2} size="h3" id="home-readiness">
            What kind of help fits you
          </Title>
          {latest ? (
            <>
              <Text mt="xs">
                Your last check ({formatDate(latest.createdAt)}) suggested:{' '}
                <strong>{latest.recommendations.map((r) => r.headline).join('; ')}</strong>
              </Text>
              <Group mt="md">
                <Button component={Link} to={`/readiness/${latest.id}`} variant="light">
                  See why
                </Button>
                <Anchor component={Link} to="/readiness">
                  Retake
                </Anchor>
              </Group>
            </>
          ) : (
            <>
              <Text mt="xs">
                Not sure whether you need a mentor, a coach, peers or some structured self-coaching? A
                ten-minute check tells you, with reasons.
              </Text>
              <Button component={Link} to="/readiness" mt="md">
                Take the readiness check
              </Button>
            </>
          )}
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="home-goals">
          <Title order={2} size="h3" id="home-goals">
            Your goals
          </Title>
          {activeGoals.length === 0 ? (
            <>
              <Text mt="xs">
                No active goals yet. One concrete three-to-six-month goal is the best place to start.
              </Text>
              <Button component={Link} to="/goals/new" mt="md">
                Set a goal
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
                      ? `Last check-in ${formatDate(goal.lastCheckInAt)}`
                      : 'No check-ins yet'}
                  </Text>
                </div>
              ))}
              <Anchor component={Link} to="/goals" size="sm">
                All goals
              </Anchor>
            </Stack>
          )}
        </Card>
      </SimpleGrid>
      {(!isGuide || !isAdmin) && (
        <Card withBorder padding="md" component="section" aria-labelledby="home-more">
          <Title order={2} size="h4" id="home-more">
            Other ways to use Corner
          </Title>
          <Group mt="xs">
            {!isGuide && (
              <Anchor component={Link} to="/my-guide-profile">
                Offer to guide others
              </Anchor>
            )}
            {!isAdmin && (
              <Anchor component={Link} to="/programs">
                Run a mentoring program
              </Anchor>
            )}
          </Group>
        </Card>
      )}
    </Stack>
  );
}
