import { AppShell, Burger, Button, Group, NavLink, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingCommunity, IconChecklist, IconClipboardCheck, IconFileDescription, IconHeartHandshake } from '@tabler/icons-react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { PageLoader } from '../../components/ui/page-loader';
import { HeaderSearch } from '../../features/search/components/header-search';
import { UserMenu } from './user-menu';

const navItems = [
  { to: '/agreements', labelKey: 'nav.agreements', icon: IconFileDescription, testId: 'nav-agreements' },
  { to: '/tasks', labelKey: 'nav.tasks', icon: IconChecklist, testId: 'nav-tasks' },
  { to: '/acceptance', labelKey: 'nav.acceptance', icon: IconClipboardCheck, testId: 'nav-acceptance' },
  { to: '/organisations', labelKey: 'nav.organisations', icon: IconBuildingCommunity, testId: 'nav-organisations' },
] as const;

export function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 60 }}
      // Three menu items, the search box and the user fit side by side from md; below, a burger opens them.
      navbar={{ width: 240, breakpoint: 'md', collapsed: { desktop: true, mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label={t('nav.toggle')} />
            <UnstyledButton component={Link} to="/agreements" aria-label={t('app.name')}>
              <Group gap="xs" wrap="nowrap">
                <ThemeIcon size="lg" radius="md" variant="filled">
                  <IconHeartHandshake size={20} />
                </ThemeIcon>
                <div>
                  <Text fw={700} lh={1.1}>
                    {t('app.name')}
                  </Text>
                  <Text size="xs" c="dimmed" lh={1.1} visibleFrom="xl">
                    {t('app.tagline')}
                  </Text>
                </div>
              </Group>
            </UnstyledButton>
            <Group gap={4} ms="lg" visibleFrom="md" wrap="nowrap" component="nav" aria-label={t('nav.label')}>
              {navItems.map((item) => {
                const active = location.pathname.startsWith(item.to);
                return (
                  <Button
                    key={item.to}
                    component={Link}
                    to={item.to}
                    variant={active ? 'light' : 'subtle'}
                    color={active ? 'blue' : 'gray'}
                    leftSection={<item.icon size={18} />}
                    aria-current={active ? 'page' : undefined}
                    data-testid={item.testId}
                  >
                    {t(item.labelKey)}
                  </Button>
                );
              })}
            </Group>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <HeaderSearch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
        {navItems.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.labelKey)}
            leftSection={<item.icon size={18} />}
            active={location.pathname.startsWith(item.to)}
            onClick={close}
            data-testid={`${item.testId}-mobile`}
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
