import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BookingRules } from '../../../domain/scheduling/booking-rules';
import {
  MAX_BOOKING_WINDOW_DAYS,
  MAX_BUFFER_MINUTES,
  MAX_INTRO_MIN_NOTICE_HOURS,
  MAX_SESSION_LIMIT,
  MIN_BOOKING_WINDOW_DAYS,
} from '../../../domain/settings/scheduling';
import { browserTimeZone } from '../../api/auth-client';
import { calendarKeys, useBookingRules } from '../../api/calendar-queries';
import { api, unwrap } from '../../api/client';
import { namesNoneOf, problemFields } from '../../problem-fields';
import { CenteredLoader } from '../centered-loader';
import { ProblemAlert } from '../problem-alert';
import { DateOverridesEditor } from './date-overrides-editor';
import { OutOfOfficeEditor } from './out-of-office-editor';

const formFields = [
  'dateOverrides',
  'outOfOffice',
  'bufferBeforeMinutes',
  'bufferAfterMinutes',
  'introMinNoticeHours',
  'bookingWindowDays',
  'dailyLimit',
  'weeklyLimit',
  'roomLink',
] as const;

// A guide's rules on top of the weekly hours (kept on the guide profile): which times members may book.
export function BookingRulesCard() {
  const rules = useBookingRules();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="booking-rules">
      <Title order={2} size="h4" id="booking-rules">
        <Trans>Booking rules</Trans>
      </Title>
      <Text size="sm" mt={4}>
        <Trans>
          Your weekly hours live on your guide profile. These rules shape which of those times members can
          book: days that differ, time away, quiet time around sessions, and how many sessions you take.
        </Trans>
      </Text>
      <ProblemAlert error={rules.error} />
      {rules.isPending && <CenteredLoader label={t`Loading booking rules`} />}
      {rules.data && <BookingRulesForm saved={rules.data} />}
    </Card>
  );
}

const asNumber = (value: string | number, fallback: number) =>
  typeof value === 'number' ? value : value.trim() === '' ? fallback : Number(value);
const asLimit = (value: string | number) =>
  typeof value === 'number' ? value : value.trim() === '' ? null : Number(value);

function BookingRulesForm({ saved }: { saved: BookingRules }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<BookingRules>(saved);
  const [done, setDone] = useState(false);
  const timeZone = browserTimeZone();
  const save = useMutation({
    mutationFn: (rules: BookingRules) => unwrap(api.me['booking-rules'].$put({ json: rules })),
    onSuccess: async (result) => {
      setDraft(result);
      setDone(true);
      await queryClient.invalidateQueries({ queryKey: calendarKeys.bookingRules });
    },
  });
  const errors = problemFields(save.error);
  const change = (update: Partial<BookingRules>) => {
    setDone(false);
    setDraft((current) => ({ ...current, ...update }));
  };
  return (
    <form
      aria-labelledby="booking-rules"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(draft);
      }}
    >
      <Stack mt="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t`Quiet time before a session (minutes)`}
            min={0}
            max={MAX_BUFFER_MINUTES}
            clampBehavior="none"
            value={draft.bufferBeforeMinutes}
            error={errors.bufferBeforeMinutes}
            onChange={(v) => change({ bufferBeforeMinutes: asNumber(v, 0) })}
          />
          <NumberInput
            label={t`Quiet time after a session (minutes)`}
            min={0}
            max={MAX_BUFFER_MINUTES}
            clampBehavior="none"
            value={draft.bufferAfterMinutes}
            error={errors.bufferAfterMinutes}
            onChange={(v) => change({ bufferAfterMinutes: asNumber(v, 0) })}
          />
          <NumberInput
            label={t`Notice for an intro session (hours)`}
            description={t`Regular sessions are always booked a week ahead.`}
            min={0}
            max={MAX_INTRO_MIN_NOTICE_HOURS}
            clampBehavior="none"
            value={draft.introMinNoticeHours}
            error={errors.introMinNoticeHours}
            onChange={(v) => change({ introMinNoticeHours: asNumber(v, 0) })}
          />
          <NumberInput
            label={t`Bookable this many days ahead`}
            min={MIN_BOOKING_WINDOW_DAYS}
            max={MAX_BOOKING_WINDOW_DAYS}
            clampBehavior="none"
            value={draft.bookingWindowDays}
            error={errors.bookingWindowDays}
            onChange={(v) => change({ bookingWindowDays: asNumber(v, MIN_BOOKING_WINDOW_DAYS) })}
          />
          <NumberInput
            label={t`Sessions a day at most`}
            description={t`Leave empty for no limit.`}
            min={1}
            max={MAX_SESSION_LIMIT}
            clampBehavior="none"
            value={draft.dailyLimit ?? ''}
            error={errors.dailyLimit}
            onChange={(v) => change({ dailyLimit: asLimit(v) })}
          />
          <NumberInput
            label={t`Sessions a week at most`}
            description={t`Leave empty for no limit.`}
            min={1}
            max={MAX_SESSION_LIMIT}
            clampBehavior="none"
            value={draft.weeklyLimit ?? ''}
            error={errors.weeklyLimit}
            onChange={(v) => change({ weeklyLimit: asLimit(v) })}
          />
        </SimpleGrid>
        <TextInput
          label={t`Your own meeting room link`}
          description={t`Leave empty and each session gets its own private Jitsi Meet room.`}
          type="url"
          placeholder={t`https://…`}
          value={draft.roomLink ?? ''}
          error={errors.roomLink}
          onChange={(e) => change({ roomLink: e.currentTarget.value.trim() ? e.currentTarget.value : null })}
        />
        <DateOverridesEditor
          overrides={draft.dateOverrides}
          errors={errors}
          onChange={(dateOverrides) => change({ dateOverrides })}
        />
        <OutOfOfficeEditor
          ranges={draft.outOfOffice}
          timeZone={timeZone}
          errors={errors}
          onChange={(outOfOffice) => change({ outOfOffice })}
        />
        {namesNoneOf(save.error, formFields) && (
          <ProblemAlert error={save.error} title={t`Could not save the booking rules`} />
        )}
        {save.error && !namesNoneOf(save.error, formFields) && (
          <Alert color="red" role="alert" title={t`Some rules need a fix`}>
            {save.error.message}
          </Alert>
        )}
        {done && (
          <Text size="sm" role="status">
            <Trans>Saved. Open slots follow the new rules now.</Trans>
          </Text>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            <Trans>Save booking rules</Trans>
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
