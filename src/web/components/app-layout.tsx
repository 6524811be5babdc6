import { AppShell, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { authClient } from '../api/auth-client';
import { UnthankedAnswersBadge } from './unthanked-answers-badge';

// Grouped by what a person comes for, so the menu reads as a map of the product rather than a list.
const sections = [
  {
    title: 'My growth',
    links: [
      { to: '/', label: 'Home' },
      { to: '/readiness', label: 'What help do I need?' },
      { to: '/goals', label: 'Goals' },
      { to: '/journal', label: 'Journal' },
      { to: '/feedback-requests', label: 'Mirror feedback' },
      { to: '/shadow-map', label: 'Shadow-side map' },
      { to: '/artifacts', label: 'Artifact library' },
    ],
  },
  {
    title: 'Guides',
    links: [
      { to: '/guides', label: 'Find a guide' },
      { to: '/shortlist', label: 'Shortlist' },
      { to: '/intros', label: 'Intro requests' },
      { to: '/outreach', label: 'Outreach' },
      { to: '/relationships', label: 'Relationships' },
    ],
  },
  {
    title: 'Guiding and programs',
    links: [
      { to: '/my-guide-profile', label: 'My guide profile' },
      { to: '/programs', label: 'Programs I run' },
    ],
  },
  {
    title: 'Inbox',
    links: [
      { to: '/notifications', label: 'Reminders' },
      { to: '/outbox', label: 'Mail' },
      { to: '/settings', label: 'Settings' },
    ],
  },
];

export function AppLayout({ userName, children }: { userName: string; children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const isActive = (to: string) =>
    to === '/' ? location.pathname === '/' : location.pathname.startsWith(to);
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
              aria-label="Toggle navigation"
            />
            <Title order={2} size="h3">
              <Link to="/" style={{ color: 'inherit', textDecoration: 'none' }}>
                Corner
              </Link>
            </Title>
          </Group>
          <Group gap="sm">
            <Text size="sm">{userName}</Text>
            <Button
              variant="subtle"
              size="xs"
              onClick={async () => {
                await authClient.signOut();
                window.location.assign('/sign-in');
              }}
            >
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main" style={{ overflowY: 'auto' }}>
        {sections.map((section) => (
          <nav key={section.title} aria-label={section.title}>
            <Text size="xs" fw={700} tt="uppercase" mt="sm" mb={4} px="sm" c="dimmed">
              {section.title}
            </Text>
            {section.links.map((link) => (
              <NavLink
                key={link.to}
                component={Link}
                to={link.to}
                label={link.label}
                active={isActive(link.to)}
                aria-current={isActive(link.to) ? 'page' : undefined}
                rightSection={link.to === '/feedback-requests' ? <UnthankedAnswersBadge /> : undefined}
                onClick={close}
              />
            ))}
          </nav>
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
