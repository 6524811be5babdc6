import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import type { AvailabilityWindow, Weekday } from '../../domain/sessions/availability';
import { weekdayName } from '../format';

const weekdays: Weekday[] = [1, 2, 3, 4, 5, 6, 7];

// Weekly hours in the guide's own zone, one window a row; members book sessions inside them.
export function AvailabilityEditor(props: {
  windows: AvailabilityWindow[];
  onChange: (windows: AvailabilityWindow[]) => void;
}) {
  const { windows, onChange } = props;
  const setWindow = (index: number, change: Partial<AvailabilityWindow>) =>
    onChange(windows.map((w, i) => (i === index ? { ...w, ...change } : w)));
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={600}>
        <Trans>Weekly availability</Trans>
      </Text>
      {windows.length === 0 && (
        <Text size="sm">
          <Trans>No hours yet: members can propose any time.</Trans>
        </Text>
      )}
      {windows.map((w, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: windows have no id
        <Group key={index} align="flex-end">
          <Select
            label={t`Day of window ${index + 1}`}
            allowDeselect={false}
            value={String(w.weekday)}
            onChange={(v) => setWindow(index, { weekday: weekdays.find((d) => String(d) === v) ?? 1 })}
            data={weekdays.map((d) => ({ value: String(d), label: weekdayName(d) }))}
          />
          <TextInput
            label={t`From (window ${index + 1})`}
            type="time"
            value={w.start}
            onChange={(e) => setWindow(index, { start: e.currentTarget.value })}
          />
          <TextInput
            label={t`To (window ${index + 1})`}
            type="time"
            value={w.end}
            onChange={(e) => setWindow(index, { end: e.currentTarget.value })}
          />
          <Button
            variant="subtle"
            color="gray"
            onClick={() => onChange(windows.filter((_, i) => i !== index))}
          >
            <Trans>Remove window {index + 1}</Trans>
          </Button>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          onClick={() => onChange([...windows, { weekday: 1, start: '09:00', end: '17:00' }])}
        >
          <Trans>Add a window</Trans>
        </Button>
      </Group>
    </Stack>
  );
}
