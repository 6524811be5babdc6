import { plural } from '@lingui/core/macro';
import { Badge, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

// Someone invited as a guide, or proposed as a pair by a program, learns it from the navigation on any
// page, not only from mail: Home (where they answer) carries the count. Same query as the Home card, so
// answering there updates the count at once.
// The words are inside the link, so its accessible name says what the number means ("Home 2 invitations")
// and still contains everything visible (an aria-label would hide the visible "2" from speech users).
export function InvitationsBadge() {
  const invitations = useQuery({
    queryKey: ['my-invitations'],
    queryFn: () => unwrap(api.me.invitations.$get()),
  });
  const waiting = invitations.data?.items.length ?? 0;
  if (waiting === 0) return null;
  return (
    <Badge size="sm" circle color="red">
      {waiting}
      <VisuallyHidden> {plural(waiting, { one: 'invitation', other: 'invitations' })}</VisuallyHidden>
    </Badge>
  );
}
