// The closing form (held? notes, actions, pulse) is for after a session: before its start time there is
// nothing to record, and a whole form under a booking only suggests something is missing.
export function closingDue(startsAt: string, now: Date): boolean {
  return new Date(startsAt).getTime() <= now.getTime();
}
