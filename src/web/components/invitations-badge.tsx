import { plural } from '@lingui/core/macro';
import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

// Someone invited as a guide, or proposed as a pair by a program, learns it from the navigation on any
// page, not only from mail: Home (where they answer) carries the count. Same query as the Home card, so
// answering there clears the badge at once.
export function InvitationsBadge() {
  const invitations = useQuery({
    queryKey: ['my-invitations'],
    queryFn: () => unwrap(api.me.invitations.$get()),
  });
  const waiting = invitations.data?.items.length ?? 0;
  if (waiting === 0) return null;
  return (
    <Badge
      size="sm"
      circle
      color="red"
      aria-label={plural(waiting, {
        one: '# invitation waiting for your answer',
        other: '# invitations waiting for your answer',
      })}
    >
      {waiting}
    </Badge>
  );
}
