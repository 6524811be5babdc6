import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { keys, useNotifications } from '../api/queries';
import { CalendarFeedCard } from '../components/calendar-feed-card';
import { CenteredLoader } from '../components/centered-loader';
import { ProblemAlert } from '../components/problem-alert';
import { formatDateTime } from '../format';

export function NotificationsPage() {
  const queryClient = useQueryClient();
  const list = useNotifications();
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.notifications });
  const markRead = useMutation({
    mutationFn: (notificationId: string) =>
      unwrap(api.notifications[':notificationId'].read.$post({ param: { notificationId } })),
    onSuccess: refresh,
  });
  const markAll = useMutation({
    mutationFn: () => unwrap(api.notifications['read-all'].$post()),
    onSuccess: refresh,
  });
  return (
    <Stack maw={860}>
      <Group justify="space-between">
        <Title order={1}>
          <Trans>Reminders</Trans>
        </Title>
        <Trans>
          <Anchor component={Link} to="/outbox">
            Mail
          </Anchor>
        </Trans>
        {(list.data?.unread ?? 0) > 0 && (
          <Button variant="light" onClick={() => markAll.mutate()} loading={markAll.isPending}>
            <Trans>Mark all read</Trans>
          </Button>
        )}
      </Group>
      <Text c="dimmed">
        <Trans>
          Nudges about sessions, next steps, actions and decisions. You also get them by email, at most once a
          day.
        </Trans>
      </Text>
      {list.isPending && <CenteredLoader label={t`Loading reminders`} />}
      <ProblemAlert error={list.error ?? markRead.error ?? markAll.error} />
      {list.data && list.data.notifications.length === 0 && (
        <Text>
          <Trans>Nothing waiting for you.</Trans>
        </Text>
      )}
      {list.data?.notifications.map((notification) => (
        <Card key={notification.id} withBorder padding="md" component="article">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={4}>
              <Anchor component={Link} to={notification.link} fw={notification.readAt ? 400 : 600}>
                {notification.text}
              </Anchor>
              <Text size="sm" c="dimmed">
                <time dateTime={notification.createdAt}>{formatDateTime(notification.createdAt)}</time>
                {notification.mailedAt ? t` · emailed` : ''}
              </Text>
            </Stack>
            {notification.readAt ? (
              <Badge variant="light" color="gray">
                <Trans>Read</Trans>
              </Badge>
            ) : (
              <Button size="xs" variant="subtle" onClick={() => markRead.mutate(notification.id)}>
                <Trans>Mark read</Trans>
              </Button>
            )}
          </Group>
        </Card>
      ))}
      <CalendarFeedCard />
    </Stack>
  );
}
