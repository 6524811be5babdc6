import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { type RelationshipDetail, relKeys } from '../../api/relationship-queries';
import { ProblemAlert } from '../problem-alert';

type Proposal = NonNullable<RelationshipDetail['proposal']>;

// A program's proposed pair can be answered where the person reads about it, not only on Home. The
// same operations answer it, so a decline needs a reason here too (the server asks for one).
export function ProposalPanel({ rel, proposal }: { rel: RelationshipDetail; proposal: Proposal }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const other = rel.myRole === 'member' ? rel.guide : rel.member;
  const otherName = other?.name ?? 'the other person';
  const iAccepted = rel.myRole === 'member' ? proposal.memberAccepted : proposal.guideAccepted;
  const answer = useMutation({
    mutationFn: async (accept: boolean) => {
      const param = { relationshipId: rel.id };
      const route = api.relationships[':relationshipId'].proposal;
      if (accept) return unwrap(route.accept.$post({ param }));
      return unwrap(route.decline.$post({ param, json: { reason } }));
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: relKeys.one(rel.id) });
      await queryClient.invalidateQueries({ queryKey: ['my-invitations'] });
      await queryClient.invalidateQueries({ queryKey: relKeys.list });
    },
  });
  const programName = proposal.programName ?? 'A program';
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="proposal-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="proposal-title">
          {programName} proposes this pair
        </Title>
        <Text>
          {programName}
          {proposal.cohortName ? ` (${proposal.cohortName})` : ''} proposes you and {otherName} as a pair, you
          as the {rel.myRole}, on its agreement. Nothing is shared until you both accept.
        </Text>
        {iAccepted ? (
          <Text>You accepted. The pair starts once {otherName} accepts too.</Text>
        ) : (
          <Group align="end">
            <Button onClick={() => answer.mutate(true)} loading={answer.isPending}>
              Accept
            </Button>
            <TextInput
              label="Reason, if you decline"
              // Mantine's default error red is too light for small text on white (axe color-contrast).
              styles={{ error: { color: 'var(--mantine-color-red-9)' } }}
              value={reason}
              error={
                reasonMissing ? 'Say in a few words why you decline, so the other person understands.' : null
              }
              onChange={(event) => {
                setReason(event.currentTarget.value);
                setReasonMissing(false);
              }}
            />
            <Button
              variant="default"
              onClick={() => {
                // Asked here before any request: the server asks for the same, with its own limits.
                if (reason.trim() === '') setReasonMissing(true);
                else answer.mutate(false);
              }}
              loading={answer.isPending}
            >
              Decline
            </Button>
          </Group>
        )}
        <ProblemAlert error={answer.error} />
      </Stack>
    </Card>
  );
}
