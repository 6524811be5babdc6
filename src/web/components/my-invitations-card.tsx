import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { relKeys } from '../api/relationship-queries';
import { ProblemAlert } from './problem-alert';

type Item = Awaited<ReturnType<typeof loadInvitations>>['items'][number];

const loadInvitations = () => unwrap(api.me.invitations.$get());

function describe(item: Item): string {
  if (item.about === 'program') {
    return t`${item.programName ?? t`A program`} (${item.cohortName ?? t`a cohort`}) invites you to join as a ${item.role}. Nobody is matched with you unless you confirm.`;
  }
  if (item.kind === 'proposal') {
    return t`${item.programName ?? t`A program`} proposes you and ${item.fromName} as a pair (you as the ${item.role}), on its agreement. Nothing is shared until you both accept.`;
  }
  return t`${item.fromName} invites you to a relationship, as their ${item.role}.`;
}

// The accessible name starts with the visible words, so speech users can say what they see.
const acceptLabel = (item: Item) => (item.about === 'program' ? t`Confirm I joined` : t`Accept`);

// Everything waiting for my answer (GET /me/invitations): program invitations, match proposals and
// relationship invitations sent to my address. Declining a relationship asks for a short reason.
export function MyInvitationsCard() {
  const queryClient = useQueryClient();
  const invitations = useQuery({ queryKey: ['my-invitations'], queryFn: loadInvitations });
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const answer = useMutation({
    mutationFn: async ({ item, accept }: { item: Item; accept: boolean }) => {
      const reason = { reason: reasons[item.id] ?? '' };
      if (item.about === 'program') {
        const param = { applicationId: item.id };
        const route = api.me['program-invitations'][':applicationId'];
        if (accept) return unwrap(route.accept.$post({ param }));
        return unwrap(route.decline.$post({ param }));
      }
      const param = { relationshipId: item.id };
      if (item.kind === 'proposal') {
        const route = api.relationships[':relationshipId'].proposal;
        if (accept) return unwrap(route.accept.$post({ param }));
        return unwrap(route.decline.$post({ param, json: reason }));
      }
      const route = api.me.invitations[':relationshipId'];
      if (accept) return unwrap(route.accept.$post({ param }));
      return unwrap(route.decline.$post({ param, json: reason }));
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['my-invitations'] });
      await queryClient.invalidateQueries({ queryKey: relKeys.list });
    },
  });
  const items = invitations.data?.items ?? [];
  if (items.length === 0 && !invitations.error) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="home-invitations">
      <Title order={2} size="h3" id="home-invitations">
        <Trans>Waiting for your answer</Trans>
      </Title>
      <ProblemAlert error={invitations.error ?? answer.error} />
      <Stack component="ul" p={0} mt="xs" style={{ listStyle: 'none' }}>
        {items.map((item) => (
          <Stack component="li" key={`${item.about}-${item.id}`} gap="xs">
            <Text>{describe(item)}</Text>
            <Group align="end">
              <Button
                onClick={() => answer.mutate({ item, accept: true })}
                loading={answer.isPending}
                aria-label={`${acceptLabel(item)}: ${describe(item)}`}
              >
                {acceptLabel(item)}
              </Button>
              {item.about === 'relationship' && (
                <TextInput
                  label={t`Reason, if you decline`}
                  value={reasons[item.id] ?? ''}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    setReasons((current) => ({ ...current, [item.id]: value }));
                  }}
                />
              )}
              <Button
                variant="default"
                onClick={() => answer.mutate({ item, accept: false })}
                loading={answer.isPending}
                aria-label={t`Decline: ${describe(item)}`}
              >
                <Trans>Decline</Trans>
              </Button>
            </Group>
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
