import { plural, t } from '@lingui/core/macro';
import { Plural, Trans } from '@lingui/react/macro';
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
  const { kept, current } = rematch;
  const moving = rematch.moves.length;
  return (
    <Card withBorder component="section" aria-labelledby="rematch-title">
      <Title order={3} size="h4" id="rematch-title">
        <Trans>Rematch with the fewest changes</Trans>
      </Title>
      <Text mt="xs">
        <Trans>
          Keeps {kept} of <Plural value={current} one="# current pair" other="# current pairs" />.
        </Trans>{' '}
        {moving === 0
          ? t`Nobody moves.`
          : plural(moving, { one: '# person moves:', other: '# people move:' })}
      </Text>
      {rematch.moves.length > 0 && (
        <List mt="xs" aria-label={t`Who moves`}>
          {rematch.moves.map((move) => (
            <List.Item key={move.memberApplicationId}>
              {move.memberName}: {move.from ? move.from.guideName : t`no guide yet`} →{' '}
              {move.to ? move.to.guideName : t`no guide for now`}
            </List.Item>
          ))}
        </List>
      )}
      <Text mt="xs" size="sm" c="dimmed">
        {published
          ? t`Published: each new pair was proposed to both people, who accept or decline.`
          : t`Publishing proposes only the new pairs to both people, who accept or decline; kept pairs carry on as they are.`}
      </Text>
    </Card>
  );
}
