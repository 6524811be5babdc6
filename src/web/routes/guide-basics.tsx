import { Button, Card, Group, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { weekdayNames } from '../../domain/sessions/availability';
import { api, unwrap } from '../api/client';
import { relKeys, useGuideBasics } from '../api/relationship-queries';
import { CenteredLoader } from '../components/centered-loader';
import { ProblemAlert } from '../components/problem-alert';

type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
type Window = { weekday: Weekday; start: string; end: string };
const weekdays: Weekday[] = [1, 2, 3, 4, 5, 6, 7];

// Anyone can guide. These basics are what booking needs: the weekly hours (in the guide's own zone)
// and how many relationships the guide takes on.
export function GuideBasicsPage() {
  const basics = useGuideBasics();
  const queryClient = useQueryClient();
  const [headline, setHeadline] = useState('');
  const [kind, setKind] = useState<'mentor' | 'coach' | 'both'>('mentor');
  const [timeZone, setTimeZone] = useState('UTC');
  const [capacity, setCapacity] = useState(2);
  const [windows, setWindows] = useState<Window[]>([]);
  useEffect(() => {
    if (!basics.data) return;
    setHeadline(basics.data.headline);
    setKind(basics.data.kind);
    setTimeZone(basics.data.timeZone);
    setCapacity(basics.data.capacity);
    setWindows(basics.data.availability);
  }, [basics.data]);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api['guide-profile'].$put({ json: { headline, kind, timeZone, capacity, availability: windows } }),
      ),
    onSuccess: (data) => queryClient.setQueryData(relKeys.guideBasics, data),
  });
  if (basics.isPending) return <CenteredLoader label="Loading your guide profile" />;
  const setWindow = (index: number, change: Partial<Window>) =>
    setWindows(windows.map((w, i) => (i === index ? { ...w, ...change } : w)));
  return (
    <Stack maw={760}>
      <Title order={1}>Guide profile basics</Title>
      <Text>
        Anyone can guide someone else. Say when you can meet and how many people you take on; members book
        sessions inside these hours.
      </Text>
      <ProblemAlert error={basics.error} />
      <Card
        withBorder
        component="form"
        onSubmit={(event: React.FormEvent) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <TextInput label="Headline" value={headline} onChange={(e) => setHeadline(e.currentTarget.value)} />
          <Select
            label="I guide as a"
            allowDeselect={false}
            value={kind}
            onChange={(v) => setKind(v === 'coach' ? 'coach' : v === 'both' ? 'both' : 'mentor')}
            data={[
              { value: 'mentor', label: 'Mentor' },
              { value: 'coach', label: 'Coach' },
              { value: 'both', label: 'Mentor and coach' },
            ]}
          />
          <TextInput
            label="Time zone"
            description="For example Europe/Berlin"
            value={timeZone}
            onChange={(e) => setTimeZone(e.currentTarget.value)}
          />
          <NumberInput
            label="Capacity (active relationships)"
            min={0}
            max={50}
            value={capacity}
            onChange={(v) => setCapacity(Number(v) || 0)}
          />
          <Title order={2} size="h4">
            Weekly availability
          </Title>
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
                onClick={() => setWindows(windows.filter((_, i) => i !== index))}
              >
                Remove window {index + 1}
              </Button>
            </Group>
          ))}
          <Button
            variant="light"
            onClick={() => setWindows([...windows, { weekday: 1, start: '09:00', end: '17:00' }])}
          >
            Add a window
          </Button>
          <ProblemAlert error={save.error} title="Could not save" />
          {save.isSuccess && <Text role="status">Saved.</Text>}
          <Button type="submit" loading={save.isPending}>
            Save guide profile
          </Button>
        </Stack>
      </Card>
    </Stack>
  );
}
