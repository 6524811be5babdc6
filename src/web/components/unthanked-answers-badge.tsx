import { plural } from '@lingui/core/macro';
import { Badge } from '@mantine/core';
import { useFeedbackRequests } from '../api/growth-queries';

// New feedback shows up in the navigation until the member has thanked the giver: the thank-you is
// part of the method, not an afterthought.
export function UnthankedAnswersBadge() {
  const requests = useFeedbackRequests();
  const waiting = (requests.data?.requests ?? []).filter((r) => r.answer && !r.thankedAt).length;
  if (waiting === 0) return null;
  return (
    <Badge
      size="sm"
      circle
      aria-label={plural(waiting, { one: '# answer to thank', other: '# answers to thank' })}
    >
      {waiting}
    </Badge>
  );
}
