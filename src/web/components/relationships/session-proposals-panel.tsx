import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Button, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { browserTimeZone } from '../../api/auth-client';
import { api, unwrap } from '../../api/client';
import type { RelationshipDetail } from '../../api/relationship-queries';
import { formatInZone, localInputToInstant } from '../../local-time';
import { ProblemAlert } from '../problem-alert';
import { useRelMutation } from './use-rel-mutation';

type Action = 'confirm' | 'decline' | 'withdraw';

const proposalsKey = (relationshipId: string) => ['relationship', relationshipId, 'session-proposals'];

// Booking by agreement: the times one of the pair proposed, waiting for the other to confirm. Shown
// whenever there are any, and with a form to propose one when a calendar cannot be read.
export function SessionProposalsPanel({ rel, canPropose }: { rel: RelationshipDetail; canPropose: boolean }) {
  const viewerZone = browserTimeZone();
  const partner = rel.myRole === 'member' ? rel.guide : rel.member;
  const partnerName = partner?.name ?? t`your partner`;
  const partnerZone = partner?.timeZone ?? viewerZone;
  const proposals = useQuery({
    queryKey: proposalsKey(rel.id),
    queryFn: () =>
      unwrap(
        api.relationships[':relationshipId']['session-proposals'].$get({ param: { relationshipId: rel.id } }),
      ),
  });
  const decide = useRelMutation(rel.id, ({ id, action }: { id: string; action: Action }) => {
    const endpoint = api.relationships[':relationshipId']['session-proposals'][':proposalId'][action];
    return unwrap(endpoint.$post({ param: { relationshipId: rel.id, proposalId: id } }));
  });
  const open = proposals.data?.proposals ?? [];
  if (!canPropose && open.length === 0) return null;
  return (
    <Stack component="section" aria-labelledby="proposals-title" gap="xs">
      <Title order={4} size="h5" id="proposals-title">
        <Trans>Proposed times</Trans>
      </Title>
      <ProblemAlert error={proposals.error} title={t`Could not load the proposed times`} />
      {open.length > 0 && (
        <List listStyleType="none" spacing="xs" aria-label={t`Proposed times`}>
          {open.map((proposal) => {
            const mine = formatInZone(proposal.start, viewerZone);
            const theirs = formatInZone(proposal.start, partnerZone);
            const proposer = proposal.proposedBy.name;
            return (
              <List.Item key={proposal.id}>
                <Group gap="xs" role="group" aria-label={t`Proposed time ${mine}`}>
                  <Text size="sm">
                    {proposal.canDecide ? (
                      <Trans>
                        {proposer} proposes {mine} your time ({theirs} for them).
                      </Trans>
                    ) : (
                      <Trans>
                        You proposed {mine} your time ({theirs} for {partnerName}); waiting for them to
                        confirm.
                      </Trans>
                    )}
                  </Text>
                  {proposal.canDecide && (
                    <>
                      <Button
                        size="compact-sm"
                        loading={decide.isPending}
                        onClick={() => decide.mutate({ id: proposal.id, action: 'confirm' })}
                      >
                        <Trans>Confirm</Trans>
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="default"
                        loading={decide.isPending}
                        onClick={() => decide.mutate({ id: proposal.id, action: 'decline' })}
                      >
                        <Trans>Decline</Trans>
                      </Button>
                    </>
                  )}
                  {proposal.canWithdraw && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="gray"
                      loading={decide.isPending}
                      onClick={() => decide.mutate({ id: proposal.id, action: 'withdraw' })}
                    >
                      <Trans>Withdraw</Trans>
                    </Button>
                  )}
                </Group>
              </List.Item>
            );
          })}
        </List>
      )}
      <ProblemAlert error={decide.error} title={t`Could not answer the proposed time`} />
      {canPropose && <ProposeTimeForm rel={rel} partnerName={partnerName} />}
    </Stack>
  );
}

function ProposeTimeForm({ rel, partnerName }: { rel: RelationshipDetail; partnerName: string }) {
  const timeZone = browserTimeZone();
  const [localStart, setLocalStart] = useState('');
  const propose = useRelMutation(
    rel.id,
    (local: string) =>
      unwrap(
        api.relationships[':relationshipId']['session-proposals'].$post({
          param: { relationshipId: rel.id },
          json: { start: localInputToInstant(local, timeZone) },
        }),
      ),
    () => setLocalStart(''),
  );
  return (
    <form
      aria-labelledby="propose-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (localStart) propose.mutate(localStart);
      }}
    >
      <Stack gap="xs">
        <Title order={5} size="h6" id="propose-title">
          <Trans>Propose a time</Trans>
        </Title>
        <TextInput
          label={t`Proposed start`}
          description={t`Your local time (${timeZone}). ${partnerName} confirms it before it is booked.`}
          type="datetime-local"
          required
          value={localStart}
          onChange={(e) => setLocalStart(e.currentTarget.value)}
        />
        <ProblemAlert error={propose.error} title={t`Could not propose the time`} />
        <Group>
          <Button type="submit" loading={propose.isPending}>
            <Trans>Propose this time</Trans>
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
