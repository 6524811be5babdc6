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
            Momentum
          </Title>
          <Badge size="lg" variant="light" color={stateColor[momentum.state]} data-testid="momentum-state">
            {stateLabel[momentum.state]}
          </Badge>
        </Group>
        {momentum.reasons.length === 0 ? (
          <Text>Everything agreed is happening. Keep the rhythm.</Text>
        ) : (
          <List>
            {momentum.reasons.map((reason) => (
              <List.Item key={reason.code}>{reason.message}</List.Item>
            ))}
          </List>
        )}
        <Title order={3} size="h5" mt="sm">
          How we keep our agreement
        </Title>
        <List size="sm">
          <List.Item>
            Sessions in the last 30 days: {tracking.cadence.heldLast30Days} of{' '}
            {tracking.cadence.expectedPer30Days} agreed
          </List.Item>
          <List.Item>
            Replies within the agreed time ({tracking.replies.agreedWithin}): {tracking.replies.onTime} of{' '}
            {tracking.replies.total}
          </List.Item>
          <List.Item>
            Preparation done (a pre-session note): {tracking.preparation.withPreNote} of{' '}
            {tracking.preparation.held} sessions held
          </List.Item>
        </List>
        {rel.waitingFor.length > 0 && (
          <>
            <Title order={3} size="h5" mt="sm">
              Next for you
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
