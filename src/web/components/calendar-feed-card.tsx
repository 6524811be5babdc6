import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Button, Card, Code, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { useCalendarFeed } from '../api/queries';
import { formatDate } from '../format';
import { ProblemAlert } from './problem-alert';

// The secret link is shown once, right after it is made; the server keeps only its hash.
export function CalendarFeedCard() {
  const queryClient = useQueryClient();
  const feed = useCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['calendar-feed'] });
  const create = useMutation({
    mutationFn: () => unwrap(api['calendar-feed'].$post()),
    onSuccess: async (created) => {
      setUrl(created.url);
      await refresh();
    },
  });
  const turnOff = useMutation({
    mutationFn: () => unwrap(api['calendar-feed'].$delete()),
    onSuccess: async () => {
      setUrl(null);
      await refresh();
    },
  });
  const active = feed.data?.active ?? false;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="calendar-feed-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="calendar-feed-title">
          <Trans>Your sessions in your own calendar</Trans>
        </Title>
        <Text size="sm">
          <Trans>
            Subscribe to a private link from Google Calendar, Outlook or Apple Calendar and your Corner
            sessions show up there. Anyone with the link can see your session times, so keep it to yourself.
          </Trans>
        </Text>
        {url && (
          <Group gap="xs">
            <Code aria-label={t`Your calendar feed link`}>{url}</Code>
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? t`Copied` : t`Copy link`}
                </Button>
              )}
            </CopyButton>
          </Group>
        )}
        {url && (
          <Text size="sm">
            <Trans>This link is shown only now. Make a new one if you lose it.</Trans>
          </Text>
        )}
        {!url && active && feed.data?.createdAt && (
          <Text size="sm">
            <Trans>Your feed link is on (made {formatDate(feed.data.createdAt)}).</Trans>
          </Text>
        )}
        <Group>
          <Button onClick={() => create.mutate()} loading={create.isPending}>
            {active ? t`Make a new link (the old one stops working)` : t`Make my calendar link`}
          </Button>
          {active && (
            <Button variant="subtle" color="red" onClick={() => turnOff.mutate()} loading={turnOff.isPending}>
              <Trans>Turn the feed off</Trans>
            </Button>
          )}
        </Group>
        <ProblemAlert error={feed.error ?? create.error ?? turnOff.error} />
      </Stack>
    </Card>
  );
}
