import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
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
  const otherName = other?.name ?? t`the other person`;
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
  const programName = proposal.programName ?? t`A program`;
  // The cohort is a name beside the program's, the same in every language.
  const proposer = proposal.cohortName ? `${programName} (${proposal.cohortName})` : programName;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="proposal-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="proposal-title">
          <Trans>{programName} proposes this pair</Trans>
        </Title>
        <Text>
          {rel.myRole === 'member' ? (
            <Trans>
              {proposer} proposes you and {otherName} as a pair, you as the member, on its agreement. Nothing
              is shared until you both accept.
            </Trans>
          ) : (
            <Trans>
              {proposer} proposes you and {otherName} as a pair, you as the guide, on its agreement. Nothing
              is shared until you both accept.
            </Trans>
          )}
        </Text>
        {iAccepted ? (
          <Text>
            <Trans>You accepted. The pair starts once {otherName} accepts too.</Trans>
          </Text>
        ) : (
          <Group align="end">
            <Button onClick={() => answer.mutate(true)} loading={answer.isPending}>
              <Trans>Accept</Trans>
            </Button>
            <TextInput
              label={t`Reason, if you decline`}
              // Mantine's default error red is too light for small text on white (axe color-contrast).
              styles={{ error: { color: 'var(--mantine-color-red-9)' } }}
              value={reason}
              error={
                reasonMissing ? t`Say in a few words why you decline, so the other person understands.` : null
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
              <Trans>Decline</Trans>
            </Button>
          </Group>
        )}
        <ProblemAlert error={answer.error} />
      </Stack>
    </Card>
  );
}
