import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Badge, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';

type Alternative = { guideApplicationId: string; guideName: string; score: number; inDemand: boolean };
type Match = {
  memberApplicationId: string;
  memberName: string;
  guideApplicationId: string;
  guideName: string;
  score: number;
  pinned: boolean;
  why: string[];
  margin: number | null;
  runnerUp: { guideName: string | null; score: number; inDemand: boolean } | null;
  alternatives: Alternative[];
};
type Mode = 'optimal' | 'stable' | 'fair';
type Run = {
  mode: Mode;
  matched: number;
  members: number;
  seconds: number;
  matches: Match[];
  unmatched: { applicationId: string; name: string; reason: string; alternatives: Alternative[] }[];
};

const percent = (score: number) => `${Math.round(score * 100)}%`;

// How the pair compares with the member's next-best option, read from the engine's prices: a guide who
// fits better but is wanted by others explains itself instead of looking like a mistake.
const modeChoice = (): Record<Mode, string> => ({
  optimal: '',
  stable: t`Chosen so that no member and guide would both rather be together: ask “Why not?” for any other guide.`,
  fair: t`Chosen to keep the worst-off pair as good as it can be: ask “Why not?” for any other guide.`,
});

const modeSentence = (): Record<Mode, string> => ({
  optimal: t`optimal: no other assignment matches more people or fits them better`,
  stable: t`stable: no member and guide would both rather be with each other`,
  fair: t`fair: as many people as possible, the worst fit as high as it can be, then the best total`,
});

function comparison(match: Match, mode: Mode): string {
  const { runnerUp, margin } = match;
  if (mode !== 'optimal') return modeChoice()[mode];
  if (runnerUp === null || margin === null) return t`The only guide allowed for this member.`;
  if (runnerUp.guideName === null)
    return t`The other allowed guides’ seats did more good for other members; without this guide, this member would have none.`;
  if (runnerUp.inDemand && runnerUp.score > match.score)
    return t`${runnerUp.guideName} fits better (${percent(runnerUp.score)}), but that guide’s seats did more good for other members.`;
  if (margin > 0.05)
    return t`A clear choice: ${Math.round(margin * 100)} points ahead of the next-best option, ${runnerUp.guideName}.`;
  return t`A close call: ${runnerUp.guideName} would do almost as well.`;
}

function alternativesText(alternatives: Alternative[]): string {
  return alternatives
    .map((a) => `${a.guideName} (${percent(a.score)}${a.inDemand ? t`, in demand` : ''})`)
    .join(', ');
}

// The matching result as an admin reads it: who with whom, why, how close the call was, and the
// pin/block decisions that feed the next run.
export function MatchResults(props: {
  run: Run;
  onDecide: (
    memberApplicationId: string,
    guideApplicationId: string,
    decision: 'pin' | 'block' | 'clear',
  ) => void;
}) {
  const { run, onDecide } = props;
  return (
    <Stack>
      <Text>
        <Trans>
          Matched {run.matched} of {run.members} members ({modeSentence()[run.mode]}). Optimal, stable and
          fair were solved together, with their proofs checked, in
        </Trans>{' '}
        {run.seconds < 1 ? t`${Math.round(run.seconds * 1000)} ms` : t`${run.seconds.toFixed(1)} s`}.
      </Text>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">
              <Trans>Member</Trans>
            </Table.Th>
            <Table.Th scope="col">
              <Trans>Guide</Trans>
            </Table.Th>
            <Table.Th scope="col">
              <Trans>Fit</Trans>
            </Table.Th>
            <Table.Th scope="col">
              <Trans>Why this match</Trans>
            </Table.Th>
            <Table.Th scope="col">
              <Trans>Decide</Trans>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {run.matches.map((match) => (
            <Table.Tr key={match.memberApplicationId}>
              <Table.Td>{match.memberName}</Table.Td>
              <Table.Td>
                {match.guideName}{' '}
                {match.pinned && (
                  <Badge variant="light">
                    <Trans>pinned</Trans>
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{Math.round(match.score * 100)}%</Table.Td>
              <Table.Td>
                <List size="sm">
                  {match.why.map((reason) => (
                    <List.Item key={reason}>{reason}</List.Item>
                  ))}
                  <List.Item>{comparison(match, run.mode)}</List.Item>
                  {match.alternatives.length > 0 && (
                    <List.Item>
                      <Trans>Other options: {alternativesText(match.alternatives)}.</Trans>
                    </List.Item>
                  )}
                </List>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {match.pinned ? (
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => onDecide(match.memberApplicationId, match.guideApplicationId, 'clear')}
                    >
                      <Trans>Unpin {match.memberName}</Trans>
                    </Button>
                  ) : (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => onDecide(match.memberApplicationId, match.guideApplicationId, 'pin')}
                    >
                      <Trans>
                        Pin {match.memberName} with {match.guideName}
                      </Trans>
                    </Button>
                  )}
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => onDecide(match.memberApplicationId, match.guideApplicationId, 'block')}
                  >
                    <Trans>
                      Block {match.memberName} with {match.guideName}
                    </Trans>
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {run.unmatched.length > 0 && (
        <Card withBorder>
          <Title order={3} size="h4">
            <Trans>Not matched ({run.unmatched.length})</Trans>
          </Title>
          <List size="sm" mt="xs">
            {run.unmatched.map((entry) => (
              <List.Item key={entry.applicationId}>
                {entry.name}: {entry.reason}
                {entry.alternatives.length > 0 &&
                  t` Closest options: ${alternativesText(entry.alternatives)}.`}
              </List.Item>
            ))}
          </List>
        </Card>
      )}
    </Stack>
  );
}
