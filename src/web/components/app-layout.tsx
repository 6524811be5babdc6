import { AppShell, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { authClient } from '../api/auth-client';

const links = [
  { to: '/', label: 'Home' },
  { to: '/readiness', label: 'What help do I need?' },
  { to: '/goals', label: 'Goals' },
  { to: '/relationships', label: 'Relationships' },
  { to: '/journal', label: 'Journal' },
  { to: '/guide-profile', label: 'Guide profile' },
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
      <AppShell.Navbar p="sm" aria-label="Main">
        {links.map((link) => (
          <NavLink
            key={link.to}
            component={Link}
            to={link.to}
            label={link.label}
            active={isActive(link.to)}
            aria-current={isActive(link.to) ? 'page' : undefined}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
