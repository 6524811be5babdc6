import { Trans } from '@lingui/react/macro';
import { Anchor, Badge, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useRelationships } from '../../api/relationship-queries';
import { formatDateTime } from '../../format';

// Where a guide's invitations will appear. The invitation flow is being rebuilt on the server; its
// list drops in here as `invitations`, above intro requests, so a guide sees what waits for them first.
export function GuideInvitationsSlot({ invitations }: { invitations?: ReactNode }) {
  if (!invitations) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="home-invitations">
      <Title order={2} size="h3" id="home-invitations">
        <Trans>Invitations</Trans>
      </Title>
      {invitations}
    </Card>
  );
}

// A guide's home starts with what waits for them: invitations, intro requests, then the people they guide.
export function GuideHome() {
  const intros = useQuery({ queryKey: ['intros'], queryFn: () => unwrap(api.intros.$get()) });
  const relationships = useRelationships();
  const waiting = (intros.data?.received ?? []).filter((intro) => intro.status === 'requested');
  const accepted = (intros.data?.received ?? []).filter(
    (intro) => intro.status === 'accepted' && intro.scheduledAt !== null,
  );
  const guiding = (relationships.data?.relationships ?? []).filter(
    (rel) => rel.myRole === 'guide' && rel.status === 'active',
  );
  return (
    <Stack>
      <GuideInvitationsSlot />
      <Card withBorder padding="lg" component="section" aria-labelledby="home-intros">
        <Title order={2} size="h3" id="home-intros">
          <Trans>Intro requests</Trans>{' '}
          {waiting.length > 0 && (
            <Badge>
              <Trans>{waiting.length} waiting</Trans>
            </Badge>
          )}
        </Title>
        {waiting.length === 0 && accepted.length === 0 ? (
          <Text mt="xs">
            <Trans>
              No intro requests yet. Members find you in the directory once your profile is active.
            </Trans>
          </Text>
        ) : (
          <Stack gap={4} mt="xs">
            {waiting.map((intro) => (
              <Text key={intro.id}>
                <Trans>
                  {intro.member.name} asks for an intro —{' '}
                  <Anchor component={Link} to="/intros">
                    answer
                  </Anchor>
                </Trans>
              </Text>
            ))}
            {accepted.map((intro) => (
              <Text key={intro.id}>
                <Trans>Intro with {intro.member.name}:</Trans>{' '}
                {intro.scheduledAt ? formatDateTime(intro.scheduledAt) : ''}
              </Text>
            ))}
          </Stack>
        )}
      </Card>
      <Card withBorder padding="lg" component="section" aria-labelledby="home-guiding">
        <Title order={2} size="h3" id="home-guiding">
          <Trans>People you guide</Trans>
        </Title>
        {guiding.length === 0 ? (
          <Text mt="xs">
            <Trans>Nobody yet. Accepted invitations appear here with their next session.</Trans>
          </Text>
        ) : (
          <Stack gap={4} mt="xs">
            {guiding.map((rel) => (
              <Anchor key={rel.id} component={Link} to={`/relationships/${rel.id}`}>
                <Trans>{rel.kind} with</Trans> {rel.other?.name ?? rel.inviteeEmail}
              </Anchor>
            ))}
          </Stack>
        )}
      </Card>
    </Stack>
  );
}
