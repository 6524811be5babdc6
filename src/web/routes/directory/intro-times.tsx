import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Temporal } from 'temporal-polyfill';
import { INTRO_SLOT_WEEKS_PER_REQUEST } from '../../../domain/settings/directory';
import { browserTimeZone } from '../../api/auth-client';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../components/problem-alert';
import { WeekNav, WeekSlotGrid } from '../../components/slots/week-slot-grid';
import { formatDateTime } from '../../format';
import { mondayOf, type Slot, shiftWeek, slotsByDay } from '../../week-slots';

/** The Monday of this week in `timeZone`: the first week the intro times show. */
export function thisWeek(timeZone: string, now = new Date()): string {
  return mondayOf(
    Temporal.Instant.fromEpochMilliseconds(now.getTime())
      .toZonedDateTimeISO(timeZone)
      .toPlainDate()
      .toString(),
  );
}

/** Weeks are fetched in blocks counted from this week, so stepping through a block asks nothing new. */
export function blockOf(firstMonday: string, monday: string): string {
  const weeks = Math.floor(
    Temporal.PlainDate.from(firstMonday).until(Temporal.PlainDate.from(monday)).days / 7,
  );
  const block = Math.floor(weeks / INTRO_SLOT_WEEKS_PER_REQUEST) * INTRO_SLOT_WEEKS_PER_REQUEST;
  return shiftWeek(firstMonday, block);
}

export const introSlotsKey = (guideId: string, blockMonday: string) => [
  'guide',
  guideId,
  'intro-slots',
  blockMonday,
];

function blockRange(blockMonday: string, timeZone: string): { from: string; to: string } {
  const start = Temporal.PlainDate.from(blockMonday).toZonedDateTime({ timeZone });
  return {
    from: start.toInstant().toString(),
    to: start.add({ weeks: INTRO_SLOT_WEEKS_PER_REQUEST }).toInstant().toString(),
  };
}

// The guide's open intro times, a week at a time, in the viewer's zone with the guide's beside each. When
// a calendar cannot be read no time is offered: the server's sentence says whose and since when, and the
// request form below still takes a time of the member's own.
export function IntroTimes({
  guideId,
  guideName,
  picked,
  onPick,
}: {
  guideId: string;
  guideName: string;
  picked: Slot | null;
  onPick: (slot: Slot) => void;
}) {
  const viewerZone = browserTimeZone();
  const [firstMonday] = useState(() => thisWeek(viewerZone));
  const [monday, setMonday] = useState(firstMonday);
  const [jumped, setJumped] = useState(false);
  const block = blockOf(firstMonday, monday);
  const answer = useQuery({
    queryKey: introSlotsKey(guideId, block),
    queryFn: () =>
      unwrap(
        api.guides[':guideId']['intro-slots'].$get({
          param: { guideId },
          query: blockRange(block, viewerZone),
        }),
      ),
  });
  const data = answer.data;
  // Open on the first week that has a time, once, rather than on an empty week.
  useEffect(() => {
    if (jumped || !data) return;
    setJumped(true);
    const first = [...data.slots].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))[0];
    if (!first) return;
    const week = slotsByDay(monday, [first], viewerZone).some((day) => day.slots.length > 0);
    if (!week) {
      const date = Temporal.Instant.from(first.start).toZonedDateTimeISO(viewerZone).toPlainDate();
      setMonday(mondayOf(date.toString()));
    }
  }, [data, jumped, monday, viewerZone]);
  const guideZone = data?.zones.guide ?? viewerZone;
  const guideFirstName = guideName.split(' ')[0] ?? guideName;
  const minutes = data?.sessionMinutes;
  const inWeek = data ? slotsByDay(monday, data.slots, viewerZone).flatMap((day) => day.slots) : [];
  return (
    <Stack component="section" aria-labelledby="intro-times-title" gap="sm" id="intro-times">
      <Title order={3} size="h5" id="intro-times-title">
        <Trans>Open intro times</Trans>
      </Title>
      <Text size="sm">
        <Trans>
          Times when you and {guideName} are both free, in your zone ({viewerZone}), with {guideFirstName}’s
          time ({guideZone}) beside each.
        </Trans>{' '}
        {data && <Trans>An intro takes {minutes} minutes.</Trans>}
      </Text>
      <WeekNav monday={monday} onChange={setMonday} canGoBack={monday > firstMonday} />
      <ProblemAlert error={answer.error} title={t`Could not load the open intro times`} />
      {answer.isPending && (
        <Text size="sm">
          <Trans>Loading the open intro times…</Trans>
        </Text>
      )}
      {data && data.hidden.length > 0 && (
        <Alert color="yellow" title={t`No intro times can be offered right now`} data-testid="slots-hidden">
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
                Corner offers a time only when it knows you are both free. You can still ask for an intro at a
                time of your own below.
              </Trans>
            </Text>
          </Stack>
        </Alert>
      )}
      {data && data.hidden.length === 0 && inWeek.length === 0 && (
        <Text size="sm">
          <Trans>
            No open intro times this week. Try the next week, or propose a time of your own below.
          </Trans>
        </Text>
      )}
      {inWeek.length > 0 && (
        <WeekSlotGrid
          monday={monday}
          slots={inWeek}
          viewerZone={viewerZone}
          otherZone={guideZone}
          otherName={guideFirstName}
          picked={picked}
          onPick={onPick}
          idPrefix="intro"
        />
      )}
    </Stack>
  );
}
