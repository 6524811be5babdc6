import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

// Someone invited as a guide, or proposed as a pair by a program, learns it from the navigation on any
// page, not only from mail: Home (where they answer) carries the count. Same query as the Home card, so
// answering there updates the count at once.
export function useWaitingInvitations(): number {
  const invitations = useQuery({
    queryKey: ['my-invitations'],
    queryFn: () => unwrap(api.me.invitations.$get()),
  });
  return invitations.data?.items.length ?? 0;
}

/** The Home link's accessible name while answers wait: the count is heard with the link itself. */
export const homeLinkName = (label: string, waiting: number) =>
  `${label}, ${waiting} ${waiting === 1 ? 'invitation' : 'invitations'}`;

// The link's own name carries the count (see homeLinkName), so the visible number is hidden from
// screen readers instead of being read twice.
export function InvitationsBadge({ waiting }: { waiting: number }) {
  if (waiting === 0) return null;
  return (
    <Badge size="sm" circle color="red" aria-hidden>
      {waiting}
    </Badge>
  );
}
