import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Button, Group, List, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { clockIn, dayLabel, type Slot, shiftWeek, slotsByDay } from '../../week-slots';

// One week of open times as a grid of days, each a labelled list of buttons: the visible text is short
// (the viewer's start and the other person's), the hidden words make each button's name the whole time,
// and the picked one is pressed. Kept free of any query, so the directory's intro times and the pair's
// slots can show the same week.

export function WeekNav({
  monday,
  onChange,
  canGoBack = true,
}: {
  monday: string;
  onChange: (monday: string) => void;
  canGoBack?: boolean;
}) {
  const week = dayLabel(monday);
  return (
    <Group gap="xs">
      <Button
        variant="default"
        size="xs"
        disabled={!canGoBack}
        onClick={() => onChange(shiftWeek(monday, -1))}
      >
        <Trans>Previous week</Trans>
      </Button>
      <Text size="sm" fw={600} aria-live="polite">
        <Trans>Week of {week}</Trans>
      </Text>
      <Button variant="default" size="xs" onClick={() => onChange(shiftWeek(monday, 1))}>
        <Trans>Next week</Trans>
      </Button>
    </Group>
  );
}

export function WeekSlotGrid({
  monday,
  slots,
  viewerZone,
  otherZone,
  otherName,
  picked,
  onPick,
  idPrefix,
}: {
  monday: string;
  slots: Slot[];
  viewerZone: string;
  otherZone: string;
  /** Who the second time is for, as short as it reads well ("Ana"). */
  otherName: string;
  picked: Slot | null;
  onPick: (slot: Slot) => void;
  /** Keeps heading ids unique when two weeks are on one page. */
  idPrefix: string;
}) {
  const days = slotsByDay(monday, slots, viewerZone).filter((day) => day.slots.length > 0);
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
      {days.map((day) => {
        const label = dayLabel(day.date);
        const headingId = `${idPrefix}-day-${day.date}`;
        return (
          <Stack key={day.date} gap={4} component="section" aria-labelledby={headingId}>
            <Title order={4} size="h6" id={headingId}>
              {label}
            </Title>
            <List listStyleType="none" spacing={4} aria-label={t`Open times on ${label}`}>
              {day.slots.map((slot) => {
                const start = clockIn(slot.start, viewerZone);
                const end = clockIn(slot.end, viewerZone);
                const otherStart = clockIn(slot.start, otherZone, viewerZone);
                const pressed = picked?.start === slot.start;
                return (
                  <List.Item key={slot.start}>
                    <Button
                      size="compact-sm"
                      fullWidth
                      h="auto"
                      py={4}
                      styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
                      variant={pressed ? 'filled' : 'light'}
                      aria-pressed={pressed}
                      onClick={() => onPick(slot)}
                    >
                      <Trans>
                        <VisuallyHidden>{label}, </VisuallyHidden>
                        {start}
                        <VisuallyHidden> to {end} your time</VisuallyHidden>
                        {'\u00a0· '}
                        {otherStart} for {otherName}
                      </Trans>
                    </Button>
                  </List.Item>
                );
              })}
            </List>
          </Stack>
        );
      })}
    </SimpleGrid>
  );
}
