import { Trans } from '@lingui/react/macro';
import { Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { momentumStateLabels as stateLabel } from '../../../domain/momentum/compute-momentum';
import type { RelationshipDetail } from '../../api/relationship-queries';

const stateColor = { 'on-track': 'teal', slipping: 'orange', 'at-risk': 'red' } as const;

// Both people see the same health picture and the same reasons, in plain words.
export function MomentumCard({ rel }: { rel: RelationshipDetail }) {
  const { momentum, tracking } = rel;
  return (
    <Card withBorder component="section" aria-labelledby="momentum-title">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h3" id="momentum-title">
            <Trans>Momentum</Trans>
          </Title>
          <Badge size="lg" variant="light" color={stateColor[momentum.state]} data-testid="momentum-state">
            {stateLabel[momentum.state]}
          </Badge>
        </Group>
        {momentum.reasons.length === 0 ? (
          <Text>
            <Trans>Everything agreed is happening. Keep the rhythm.</Trans>
          </Text>
        ) : (
          <List>
            {momentum.reasons.map((reason) => (
              <List.Item key={reason.code}>{reason.message}</List.Item>
            ))}
          </List>
        )}
        <Title order={3} size="h5" mt="sm">
          <Trans>How we keep our agreement</Trans>
        </Title>
        <List size="sm">
          <List.Item>
            <Trans>
              Sessions in the last 30 days: {tracking.cadence.heldLast30Days} of{' '}
              {tracking.cadence.expectedPer30Days} agreed
            </Trans>
          </List.Item>
          <List.Item>
            <Trans>
              Replies within the agreed time ({tracking.replies.agreedWithin}): {tracking.replies.onTime} of{' '}
              {tracking.replies.total}
            </Trans>
          </List.Item>
          <List.Item>
            <Trans>
              Preparation done (a pre-session note): {tracking.preparation.withPreNote} of{' '}
              {tracking.preparation.held} sessions held
            </Trans>
          </List.Item>
        </List>
        {rel.waitingFor.length > 0 && (
          <>
            <Title order={3} size="h5" mt="sm">
              <Trans>Next for you</Trans>
            </Title>
            <List size="sm">
              {rel.waitingFor.map((item) => (
                <List.Item key={item}>{item}</List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Card>
  );
}
