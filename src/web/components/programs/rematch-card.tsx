import { Card, List, Text, Title } from '@mantine/core';

export type RematchView = {
  current: number;
  kept: number;
  moves: {
    memberApplicationId: string;
    memberName: string;
    from: { guideName: string } | null;
    to: { guideName: string } | null;
  }[];
};

/** New pairs a rematch would propose when published: those whose member gets a guide. */
export const newPairsOf = (rematch: RematchView) => rematch.moves.filter((move) => move.to !== null).length;

// A rematch mid-cohort shows exactly who moves: every pair still running is kept where it can be, and
// only the members listed here get a new guide (or lose theirs).
export function RematchCard({ rematch, published }: { rematch: RematchView; published: boolean }) {
  return (
    <Card withBorder component="section" aria-labelledby="rematch-title">
      <Title order={3} size="h4" id="rematch-title">
        Rematch with the fewest changes
      </Title>
      <Text mt="xs">
        Keeps {rematch.kept} of {rematch.current} current pair{rematch.current === 1 ? '' : 's'}.{' '}
        {rematch.moves.length === 0
          ? 'Nobody moves.'
          : `${rematch.moves.length} ${rematch.moves.length === 1 ? 'person moves' : 'people move'}:`}
      </Text>
      {rematch.moves.length > 0 && (
        <List mt="xs" aria-label="Who moves">
          {rematch.moves.map((move) => (
            <List.Item key={move.memberApplicationId}>
              {move.memberName}: {move.from ? move.from.guideName : 'no guide yet'} →{' '}
              {move.to ? move.to.guideName : 'no guide for now'}
            </List.Item>
          ))}
        </List>
      )}
      <Text mt="xs" size="sm" c="dimmed">
        {published
          ? 'Published: each new pair was proposed to both people, who accept or decline.'
          : 'Publishing proposes only the new pairs to both people, who accept or decline; kept pairs carry on as they are.'}
      </Text>
    </Card>
  );
}
