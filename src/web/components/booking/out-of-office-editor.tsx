import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { OutOfOffice } from '../../../domain/scheduling/booking-rules';
import { instantToLocalInput, localInputToInstant } from '../../local-time';

// Away from one moment to another (a holiday, a conference), typed in the reader's own zone and kept as
// instants, so it means the same hours wherever the guide travels.
export function OutOfOfficeEditor(props: {
  ranges: OutOfOffice[];
  timeZone: string;
  errors: Record<string, string>;
  onChange: (ranges: OutOfOffice[]) => void;
}) {
  const { ranges, timeZone, errors, onChange } = props;
  const set = (index: number, change: Partial<OutOfOffice>) =>
    onChange(ranges.map((r, i) => (i === index ? { ...r, ...change } : r)));
  const local = (iso: string) => (iso ? instantToLocalInput(iso, timeZone) : '');
  const instant = (value: string) => (value ? localInputToInstant(value, timeZone) : '');
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={600}>
        <Trans>Out of office</Trans>
      </Text>
      <Text size="sm" c="dimmed">
        <Trans>No times are offered while you are away. Times are in your zone ({timeZone}).</Trans>
      </Text>
      {ranges.map((range, index) => {
        const n = index + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: ranges have no id until saved
          <Group key={index} align="flex-end">
            <TextInput
              label={t`Away from (${n})`}
              type="datetime-local"
              required
              value={local(range.start)}
              error={errors[`outOfOffice.${index}.start`]}
              onChange={(e) => set(index, { start: instant(e.currentTarget.value) })}
            />
            <TextInput
              label={t`Back at (${n})`}
              type="datetime-local"
              required
              value={local(range.end)}
              error={errors[`outOfOffice.${index}.end`]}
              onChange={(e) => set(index, { end: instant(e.currentTarget.value) })}
            />
            <TextInput
              label={t`Note (${n})`}
              placeholder={t`e.g. holiday`}
              value={range.note}
              error={errors[`outOfOffice.${index}.note`]}
              onChange={(e) => set(index, { note: e.currentTarget.value })}
            />
            <Button
              variant="subtle"
              color="gray"
              onClick={() => onChange(ranges.filter((_, i) => i !== index))}
            >
              <Trans>Remove away time {n}</Trans>
            </Button>
          </Group>
        );
      })}
      <Group>
        <Button variant="light" onClick={() => onChange([...ranges, { start: '', end: '', note: '' }])}>
          <Trans>Add time away</Trans>
        </Button>
      </Group>
    </Stack>
  );
}
