import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
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
import { SessionProposalsPanel } from './session-proposals-panel';
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
  const partnerName = partner?.name ?? t`your partner`;
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
  const mine = data?.balance[rel.myRole];
  const theirs = data?.balance[partnerSide];
  const partnerZone = data?.zones[partnerSide] ?? partner?.timeZone ?? 'UTC';
  const suggested = new Set(data?.suggested.map((s) => s.start) ?? []);
  const days = data ? slotsByDay(monday, data.slots, viewerZone) : [];
  const describe = (slot: Slot) => {
    const day = dayLabel(days.find((d) => d.slots.includes(slot))?.date ?? monday);
    const start = clockIn(slot.start, viewerZone);
    const end = clockIn(slot.end, viewerZone);
    const partnerStart = clockIn(slot.start, partnerZone, viewerZone);
    return t`${day}, ${start} to ${end} your time (${partnerStart} for ${partnerName})`;
  };
  const sessionMinutes = data?.sessionMinutes;
  const week = dayLabel(monday);
  const partnerFirstName = partnerName.split(' ')[0];
  return (
    <Stack component="section" aria-labelledby="week-slots-title" gap="sm">
      <Title order={3} size="h4" id="week-slots-title">
        <Trans>Pick an open time</Trans>
      </Title>
      <Text size="sm">
        <Trans>
          Times when you are both free, in your zone ({viewerZone}), with {partnerName}’s time ({partnerZone})
          beside each.
        </Trans>{' '}
        {data && <Trans>Each session is {sessionMinutes} minutes.</Trans>}
      </Text>
      <Group gap="xs">
        <Button variant="default" size="xs" onClick={() => setMonday(shiftWeek(monday, -1))}>
          <Trans>Previous week</Trans>
        </Button>
        <Text size="sm" fw={600} aria-live="polite">
          <Trans>Week of {week}</Trans>
        </Text>
        <Button variant="default" size="xs" onClick={() => setMonday(shiftWeek(monday, 1))}>
          <Trans>Next week</Trans>
        </Button>
      </Group>
      <ProblemAlert error={answer.error} title={t`Could not load the open times`} />
      {answer.isPending && (
        <Text size="sm">
          <Trans>Loading the open times…</Trans>
        </Text>
      )}
      {taken && (
        <Alert color="orange" role="alert" title={t`That time is gone`}>
          {taken} <Trans>The week below shows the times open now.</Trans>
        </Alert>
      )}
      {data && data.hidden.length > 0 && (
        <Alert
          color="yellow"
          role="alert"
          title={t`No times can be offered right now`}
          data-testid="slots-hidden"
        >
          <Stack gap={4}>
            {data.hidden.map((hidden) => {
              const since = hidden.since ? formatDateTime(hidden.since) : null;
              return (
                <Text size="sm" key={`${hidden.userId}-${hidden.reason}`}>
                  {hidden.reason}
                  {since ? ` ${t`(since ${since})`}` : ''}
                </Text>
              );
            })}
            <Text size="sm">
              <Trans>
                Corner offers a time only when it knows you are both free, so nobody is booked over a meeting
                it cannot see. You can still book by agreement: propose a time below, and it is booked once
                the other person confirms it.
              </Trans>
            </Text>
          </Stack>
        </Alert>
      )}
      <SessionProposalsPanel rel={rel} canPropose={(data?.hidden.length ?? 0) > 0} />
      {data && data.hidden.length === 0 && data.slots.length === 0 && (
        <Text size="sm">
          <Trans>No open times this week. Try the next week, or agree on a time and book it below.</Trans>
        </Text>
      )}
      {data && data.slots.length > 0 && (
        <>
          {(data.balance.member > 0 || data.balance.guide > 0) && (
            <Text size="sm">
              <Trans>
                Early or late sessions so far: you {mine}, {partnerName} {theirs}. Suggested times take turns.
              </Trans>
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
            {days
              .filter((day) => day.slots.length > 0)
              .map((day) => {
                const label = dayLabel(day.date);
                return (
                  <Stack key={day.date} gap={4} component="section" aria-labelledby={`day-${day.date}`}>
                    <Title order={4} size="h6" id={`day-${day.date}`}>
                      {dayLabel(day.date)}
                    </Title>
                    <List listStyleType="none" spacing={4} aria-label={t`Open times on ${label}`}>
                      {day.slots.map((slot) => {
                        const start = clockIn(slot.start, viewerZone);
                        const end = clockIn(slot.end, viewerZone);
                        const partnerStart = clockIn(slot.start, partnerZone, viewerZone);
                        return (
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
                              {suggested.has(slot.start) ? (
                                <Trans>
                                  <VisuallyHidden>{label}, </VisuallyHidden>
                                  {start}
                                  <VisuallyHidden> to {end} your time</VisuallyHidden>
                                  {'\u00a0· '}
                                  {partnerStart} for {partnerFirstName} · suggested
                                </Trans>
                              ) : (
                                <Trans>
                                  <VisuallyHidden>{label}, </VisuallyHidden>
                                  {start}
                                  <VisuallyHidden> to {end} your time</VisuallyHidden>
                                  {'\u00a0· '}
                                  {partnerStart} for {partnerFirstName}
                                </Trans>
                              )}
                            </Button>
                          </List.Item>
                        );
                      })}
                    </List>
                  </Stack>
                );
              })}
          </SimpleGrid>
        </>
      )}
      {picked && (
        <Group gap="xs" role="group" aria-label={t`Confirm the booking`}>
          <Text size="sm">{describe(picked)}</Text>
          <Button loading={book.isPending} onClick={() => book.mutate(picked, { onError: onBookError })}>
            <Trans>Book this time</Trans>
          </Button>
          <Button variant="subtle" color="gray" onClick={() => setPicked(null)}>
            <Trans>Cancel</Trans>
          </Button>
        </Group>
      )}
      {book.error && !taken && <ProblemAlert error={book.error} title={t`Could not book the time`} />}
    </Stack>
  );
}
