import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { type AvailabilityWindow, type Weekday, weekdayNames } from '../../domain/sessions/availability';

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
        Weekly availability
      </Text>
      {windows.length === 0 && <Text size="sm">No hours yet: members can propose any time.</Text>}
      {windows.map((w, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: windows have no id
        <Group key={index} align="flex-end">
          <Select
            label={`Day of window ${index + 1}`}
            allowDeselect={false}
            value={String(w.weekday)}
            onChange={(v) => setWindow(index, { weekday: weekdays.find((d) => String(d) === v) ?? 1 })}
            data={weekdays.map((d) => ({ value: String(d), label: weekdayNames[d] }))}
          />
          <TextInput
            label={`From (window ${index + 1})`}
            type="time"
            value={w.start}
            onChange={(e) => setWindow(index, { start: e.currentTarget.value })}
          />
          <TextInput
            label={`To (window ${index + 1})`}
            type="time"
            value={w.end}
            onChange={(e) => setWindow(index, { end: e.currentTarget.value })}
          />
          <Button
            variant="subtle"
            color="gray"
            onClick={() => onChange(windows.filter((_, i) => i !== index))}
          >
            Remove window {index + 1}
          </Button>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          onClick={() => onChange([...windows, { weekday: 1, start: '09:00', end: '17:00' }])}
        >
          Add a window
        </Button>
      </Group>
    </Stack>
  );
}
