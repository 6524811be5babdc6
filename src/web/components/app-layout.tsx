import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { AppShell, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { authClient } from '../api/auth-client';
import { keys, useMe } from '../api/queries';
import { InvitationsBadge } from './invitations-badge';
import { isActiveLink, navigationFor } from './navigation';
import { UnthankedAnswersBadge } from './unthanked-answers-badge';

export function AppLayout({ userName, children }: { userName: string; children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const me = useMe();
  const queryClient = useQueryClient();
  // Roles change with what a person just did (published a profile, accepted an invitation, created a
  // program), so they are read again on every page change rather than once per visit.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refetching is the point of a path change
  useEffect(() => {
    queryClient.invalidateQueries({ queryKey: keys.me });
  }, [location.pathname, queryClient]);
  const sections = navigationFor(me.data?.roles ?? ['member']);
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t`Toggle navigation`}
            />
            <Title order={2} size="h3">
              <Trans>
                <Link to="/" style={{ color: 'inherit', textDecoration: 'none' }}>
                  Corner
                </Link>
              </Trans>
            </Title>
          </Group>
          <Group gap="sm">
            <Text size="sm" visibleFrom="xs">
              {userName}
            </Text>
            <Button
              variant="subtle"
              size="xs"
              onClick={async () => {
                await authClient.signOut();
                window.location.assign('/sign-in');
              }}
            >
              <Trans>Sign out</Trans>
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t`Main`} style={{ overflowY: 'auto' }}>
        {sections.map((section) => (
          <nav key={section.title} aria-label={section.title}>
            <Text size="xs" fw={700} tt="uppercase" mt="sm" mb={4} px="sm" c="dimmed">
              {section.title}
            </Text>
            {section.links.map((link) => {
              const active = isActiveLink(link, location.pathname);
              return (
                <NavLink
                  key={link.to}
                  component={Link}
                  to={link.to}
                  label={link.label}
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  rightSection={badgeFor(link.to)}
                  onClick={close}
                />
              );
            })}
          </nav>
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}

function badgeFor(to: string) {
  if (to === '/growth') return <UnthankedAnswersBadge />;
  if (to === '/') return <InvitationsBadge />;
  return undefined;
}
