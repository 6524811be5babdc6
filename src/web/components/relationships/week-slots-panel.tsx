import { Alert, Button, Group, List, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MIN_BOOKING_LEAD_DAYS } from '../../../domain/settings/sessions';
import { browserTimeZone } from '../../api/auth-client';
import { ApiProblem, api, unwrap } from '../../api/client';
import type { RelationshipDetail } from '../../api/relationship-queries';
import { formatDateTime } from '../../format';
import {
  clockIn,
  dayLabel,
  firstBookableWeek,
  type Slot,
  shiftWeek,
  slotsByDay,
  weekRange,
} from '../../week-slots';
import { ProblemAlert } from '../problem-alert';
import { useRelMutation } from './use-rel-mutation';

const slotKey = (relationshipId: string, monday: string) => ['relationship', relationshipId, 'slots', monday];

// A week of the times both people are free, by day in the viewer's zone with the partner's time beside
// each; the fair suggestions are marked. Picking a time and confirming books it; if someone just took it,
// the week reloads with the times open now.
export function WeekSlotsPanel({ rel }: { rel: RelationshipDetail }) {
  const viewerZone = browserTimeZone();
  const [monday, setMonday] = useState(() =>
    firstBookableWeek(new Date(), viewerZone, MIN_BOOKING_LEAD_DAYS),
  );
  const [picked, setPicked] = useState<Slot | null>(null);
  const [taken, setTaken] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const range = weekRange(monday, viewerZone);
  const answer = useQuery({
    queryKey: slotKey(rel.id, monday),
    queryFn: () =>
      unwrap(
        api.relationships[':relationshipId'].slots.$get({ param: { relationshipId: rel.id }, query: range }),
      ),
  });
  const book = useRelMutation(
    rel.id,
    (slot: Slot) =>
      unwrap(
        api.relationships[':relationshipId'].slots.book.$post({
          param: { relationshipId: rel.id },
          json: { start: slot.start },
        }),
      ),
    () => {
      setPicked(null);
      setTaken(null);
    },
  );
  const partner = rel.myRole === 'member' ? rel.guide : rel.member;
  const partnerName = partner?.name ?? 'your partner';
  const partnerSide = rel.myRole === 'member' ? 'guide' : 'member';
  const onBookError = async (error: unknown) => {
    if (
      error instanceof ApiProblem &&
      (error.problem.code === 'slot-taken' || error.problem.code === 'slots-hidden')
    ) {
      setPicked(null);
      setTaken(error.problem.detail);
      await queryClient.invalidateQueries({ queryKey: ['relationship', rel.id, 'slots'] });
    }
  };
  const data = answer.data;
  const partnerZone = data?.zones[partnerSide] ?? partner?.timeZone ?? 'UTC';
  const suggested = new Set(data?.suggested.map((s) => s.start) ?? []);
  const days = data ? slotsByDay(monday, data.slots, viewerZone) : [];
  const describe = (slot: Slot) =>
    `${dayLabel(days.find((d) => d.slots.includes(slot))?.date ?? monday)}, ${clockIn(slot.start, viewerZone)} to ${clockIn(slot.end, viewerZone)} your time (${clockIn(slot.start, partnerZone, viewerZone)} for ${partnerName})`;
  return (
    <Stack component="section" aria-labelledby="week-slots-title" gap="sm">
      <Title order={3} size="h4" id="week-slots-title">
        Pick an open time
      </Title>
      <Text size="sm">
        Times when you are both free, in your zone ({viewerZone}), with {partnerName}’s time ({partnerZone})
        beside each. {data ? `Each session is ${data.sessionMinutes} minutes.` : ''}
      </Text>
      <Group gap="xs">
        <Button variant="default" size="xs" onClick={() => setMonday(shiftWeek(monday, -1))}>
          Previous week
        </Button>
        <Text size="sm" fw={600} aria-live="polite">
          Week of {dayLabel(monday)}
        </Text>
        <Button variant="default" size="xs" onClick={() => setMonday(shiftWeek(monday, 1))}>
          Next week
        </Button>
      </Group>
      <ProblemAlert error={answer.error} title="Could not load the open times" />
      {answer.isPending && <Text size="sm">Loading the open times…</Text>}
      {taken && (
        <Alert color="orange" role="alert" title="That time is gone">
          {taken} The week below shows the times open now.
        </Alert>
      )}
      {data && data.hidden.length > 0 && (
        <Alert
          color="yellow"
          role="alert"
          title="No times can be offered right now"
          data-testid="slots-hidden"
        >
          <Stack gap={4}>
            {data.hidden.map((hidden) => (
              <Text size="sm" key={`${hidden.userId}-${hidden.reason}`}>
                {hidden.reason}
                {hidden.since ? ` (since ${formatDateTime(hidden.since)})` : ''}
              </Text>
            ))}
            <Text size="sm">
              Corner offers a time only when it knows you are both free, so nobody is booked over a meeting it
              cannot see. You can still book by agreement: settle on a time together (in your messages), then
              enter it under “Book a session” below.
            </Text>
          </Stack>
        </Alert>
      )}
      {data && data.hidden.length === 0 && data.slots.length === 0 && (
        <Text size="sm">
          No open times this week. Try the next week, or agree on a time and book it below.
        </Text>
      )}
      {data && data.slots.length > 0 && (
        <>
          {(data.balance.member > 0 || data.balance.guide > 0) && (
            <Text size="sm">
              Early or late sessions so far: you {data.balance[rel.myRole]}, {partnerName}{' '}
              {data.balance[partnerSide]}. Suggested times take turns.
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
            {days
              .filter((day) => day.slots.length > 0)
              .map((day) => (
                <Stack key={day.date} gap={4} component="section" aria-labelledby={`day-${day.date}`}>
                  <Title order={4} size="h6" id={`day-${day.date}`}>
                    {dayLabel(day.date)}
                  </Title>
                  <List listStyleType="none" spacing={4} aria-label={`Open times on ${dayLabel(day.date)}`}>
                    {day.slots.map((slot) => (
                      <List.Item key={slot.start}>
                        <Button
                          size="compact-sm"
                          fullWidth
                          h="auto"
                          py={4}
                          styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
                          variant={
                            picked?.start === slot.start
                              ? 'filled'
                              : suggested.has(slot.start)
                                ? 'outline'
                                : 'light'
                          }
                          aria-pressed={picked?.start === slot.start}
                          onClick={() => {
                            setTaken(null);
                            setPicked(slot);
                          }}
                        >
                          {/* The visible text is short; the hidden words make the name say the whole time. */}
                          <VisuallyHidden>{dayLabel(day.date)}, </VisuallyHidden>
                          {clockIn(slot.start, viewerZone)}
                          <VisuallyHidden> to {clockIn(slot.end, viewerZone)} your time</VisuallyHidden>
                          {'\u00a0· '}
                          {clockIn(slot.start, partnerZone, viewerZone)} for {partnerName.split(' ')[0]}
                          {suggested.has(slot.start) ? ' · suggested' : ''}
                        </Button>
                      </List.Item>
                    ))}
                  </List>
                </Stack>
              ))}
          </SimpleGrid>
        </>
      )}
      {picked && (
        <Group gap="xs" role="group" aria-label="Confirm the booking">
          <Text size="sm">{describe(picked)}</Text>
          <Button loading={book.isPending} onClick={() => book.mutate(picked, { onError: onBookError })}>
            Book this time
          </Button>
          <Button variant="subtle" color="gray" onClick={() => setPicked(null)}>
            Cancel
          </Button>
        </Group>
      )}
      {book.error && !taken && <ProblemAlert error={book.error} title="Could not book the time" />}
    </Stack>
  );
}
