import { Badge, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';

type Match = {
  memberApplicationId: string;
  memberName: string;
  guideApplicationId: string;
  guideName: string;
  score: number;
  pinned: boolean;
  why: string[];
  margin: number | null;
};
type Run = {
  matched: number;
  members: number;
  seconds: number;
  matches: Match[];
  unmatched: { applicationId: string; name: string; reason: string }[];
};

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
        Matched {run.matched} of {run.members} members (optimal: no other assignment matches more people or
        fits them better). Solved in{' '}
        {run.seconds < 1 ? `${Math.round(run.seconds * 1000)} ms` : `${run.seconds.toFixed(1)} s`}.
      </Text>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Member</Table.Th>
            <Table.Th scope="col">Guide</Table.Th>
            <Table.Th scope="col">Fit</Table.Th>
            <Table.Th scope="col">Why this match</Table.Th>
            <Table.Th scope="col">Decide</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {run.matches.map((match) => (
            <Table.Tr key={match.memberApplicationId}>
              <Table.Td>{match.memberName}</Table.Td>
              <Table.Td>
                {match.guideName} {match.pinned && <Badge variant="light">pinned</Badge>}
              </Table.Td>
              <Table.Td>{Math.round(match.score * 100)}%</Table.Td>
              <Table.Td>
                <List size="sm">
                  {match.why.map((reason) => (
                    <List.Item key={reason}>{reason}</List.Item>
                  ))}
                  <List.Item>
                    {match.margin === null
                      ? 'The only guide allowed for this member.'
                      : match.margin > 0.05
                        ? `A clear choice: ${Math.round(match.margin * 100)} points ahead of the next-best guide.`
                        : 'A close call: another guide fit almost as well.'}
                  </List.Item>
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
                      Unpin {match.memberName}
                    </Button>
                  ) : (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => onDecide(match.memberApplicationId, match.guideApplicationId, 'pin')}
                    >
                      Pin {match.memberName} with {match.guideName}
                    </Button>
                  )}
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => onDecide(match.memberApplicationId, match.guideApplicationId, 'block')}
                  >
                    Block {match.memberName} with {match.guideName}
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
            Not matched ({run.unmatched.length})
          </Title>
          <List size="sm" mt="xs">
            {run.unmatched.map((entry) => (
              <List.Item key={entry.applicationId}>
                {entry.name}: {entry.reason}
              </List.Item>
            ))}
          </List>
        </Card>
      )}
    </Stack>
  );
}
