import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { DateOverride } from '../../../domain/scheduling/booking-rules';

// Days with other hours than the weekly ones; a day without hours is a day off.
export function DateOverridesEditor(props: {
  overrides: DateOverride[];
  errors: Record<string, string>;
  onChange: (overrides: DateOverride[]) => void;
}) {
  const { overrides, errors, onChange } = props;
  const set = (index: number, change: Partial<DateOverride>) =>
    onChange(overrides.map((o, i) => (i === index ? { ...o, ...change } : o)));
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={600}>
        <Trans>Date overrides</Trans>
      </Text>
      <Text size="sm" c="dimmed">
        <Trans>Different hours on one date, in your guide zone: a day with no hours is a day off.</Trans>
      </Text>
      {errors.dateOverrides && (
        <Text size="sm" c="var(--mantine-color-red-light-color)" role="alert">
          {errors.dateOverrides}
        </Text>
      )}
      {overrides.map((override, index) => {
        const n = index + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: overrides have no id until saved
          <Stack key={index} gap={4} pl="sm" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
            <Group align="flex-end">
              <TextInput
                label={t`Date of override ${n}`}
                type="date"
                required
                value={override.date}
                error={errors[`dateOverrides.${index}.date`]}
                onChange={(e) => set(index, { date: e.currentTarget.value })}
              />
              <Button
                variant="subtle"
                color="gray"
                onClick={() => onChange(overrides.filter((_, i) => i !== index))}
              >
                <Trans>Remove override {n}</Trans>
              </Button>
            </Group>
            {override.windows.length === 0 && (
              <Text size="sm">
                <Trans>Day off: no times are offered.</Trans>
              </Text>
            )}
            {override.windows.map((window, w) => {
              const hours = w + 1;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: hours have no id
                <Group key={w} align="flex-end">
                  <TextInput
                    label={t`From (override ${n}, hours ${hours})`}
                    type="time"
                    value={window.start}
                    error={errors[`dateOverrides.${index}.windows.${w}.start`]}
                    onChange={(e) =>
                      set(index, {
                        windows: override.windows.map((x, j) =>
                          j === w ? { ...x, start: e.currentTarget.value } : x,
                        ),
                      })
                    }
                  />
                  <TextInput
                    label={t`To (override ${n}, hours ${hours})`}
                    type="time"
                    value={window.end}
                    error={errors[`dateOverrides.${index}.windows.${w}.end`]}
                    onChange={(e) =>
                      set(index, {
                        windows: override.windows.map((x, j) =>
                          j === w ? { ...x, end: e.currentTarget.value } : x,
                        ),
                      })
                    }
                  />
                  <Button
                    variant="subtle"
                    color="gray"
                    onClick={() => set(index, { windows: override.windows.filter((_, j) => j !== w) })}
                  >
                    <Trans>
                      Remove hours {hours} of override {n}
                    </Trans>
                  </Button>
                </Group>
              );
            })}
            <Group>
              <Button
                size="xs"
                variant="light"
                onClick={() =>
                  set(index, { windows: [...override.windows, { start: '09:00', end: '12:00' }] })
                }
              >
                <Trans>Add hours to override {n}</Trans>
              </Button>
            </Group>
          </Stack>
        );
      })}
      <Group>
        <Button variant="light" onClick={() => onChange([...overrides, { date: '', windows: [] }])}>
          <Trans>Add a date override</Trans>
        </Button>
      </Group>
    </Stack>
  );
}
