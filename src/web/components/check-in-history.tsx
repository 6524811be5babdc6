import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Card, List, Text, Title } from '@mantine/core';
import { formatDateTime } from '../format';

type Goal = {
  signs: { id: string; label: string }[];
  checkIns: { id: string; createdAt: string; note: string; ratings: { signId: string; score: number }[] }[];
};

export function CheckInHistory({ goal }: { goal: Goal }) {
  if (goal.checkIns.length === 0) return null;
  const labelOf = (signId: string) =>
    goal.signs.find((sign) => sign.id === signId)?.label ?? t`a retired sign`;
  return (
    <Card withBorder component="section" aria-labelledby="history-title">
      <Title order={2} size="h3" id="history-title">
        <Trans>Check-ins</Trans>
      </Title>
      <List mt="xs" spacing="sm">
        {[...goal.checkIns].reverse().map((checkIn) => (
          <List.Item key={checkIn.id}>
            <Text size="sm" fw={600}>
              {formatDateTime(checkIn.createdAt)}
            </Text>
            <Text size="sm">
              {checkIn.ratings.map((rating) => `${labelOf(rating.signId)}: ${rating.score}/10`).join(' · ')}
            </Text>
            {checkIn.note && <Text size="sm">{checkIn.note}</Text>}
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
