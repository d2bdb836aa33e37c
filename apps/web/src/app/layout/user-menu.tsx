import {
  Avatar,
  Button,
  Divider,
  Group,
  Popover,
  SegmentedControl,
  Stack,
  Text,
  UnstyledButton,
  useDirection,
  VisuallyHidden,
  type Direction,
} from '@mantine/core';
import { IconChevronDown, IconLogout, IconShieldLock, IconUserCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../components/ui/language-switch';
import { useSignOut } from '../../features/auth/api/sign-out';
import { useCurrentUser } from '../../lib/current-user';
import { storeDirection } from '../direction';

function initials(name: string): string {
  const words = name.trim().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  const first = words.length > 1 ? (words[0] ?? '') : '';
  return (first.charAt(0) + last.charAt(0)).toUpperCase();
}

export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const { dir, setDirection } = useDirection();
  const [opened, setOpened] = useState(false);

  const changeDirection = (value: string) => {
    const next: Direction = value === 'rtl' ? 'rtl' : 'ltr';
    setDirection(next);
    storeDirection(next);
  };

  // Not a role="menu": it holds the account's details and two switches besides one action, so
  // it is a popover (a dialog), and its button is named by the name and role it shows.
  return (
    <Popover position="bottom-end" width={300} shadow="md" withinPortal trapFocus opened={opened} onChange={setOpened}>
      <Popover.Target>
        <UnstyledButton data-testid="user-menu" onClick={() => setOpened((o) => !o)}>
          <Group gap="xs" wrap="nowrap">
            <Avatar color="blue" radius="xl" size="md" aria-hidden>
              {initials(user.displayName)}
            </Avatar>
            <Stack gap={0} visibleFrom="sm">
              <Text size="sm" fw={600} lh={1.2}>
                {user.displayName}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {t(`roles.${user.role}`)}
              </Text>
            </Stack>
            {/* On a phone only the initials show: the name still names the button. */}
            <VisuallyHidden hiddenFrom="sm">{user.displayName}</VisuallyHidden>
            <IconChevronDown size={16} aria-hidden />
          </Group>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Stack gap={2} p="xs">
          <Text fw={600} data-testid="user-menu-name">
            {user.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            {user.email}
          </Text>
          <Text size="sm">
            {t('userMenu.role')}: {t(`roles.${user.role}`)}
          </Text>
          <Text size="sm">
            {t('userMenu.organisation')}: {user.organisation.name}
          </Text>
        </Stack>
        <Divider my="xs" />
        <Stack gap="xs" p="xs">
          <Text size="xs" c="dimmed">
            {t('userMenu.language')}
          </Text>
          <Group>
            <LanguageSwitch />
          </Group>
          <Text size="xs" c="dimmed">
            {t('userMenu.direction')}
          </Text>
          <Group>
            <SegmentedControl
              size="xs"
              value={dir}
              onChange={changeDirection}
              data-testid="direction-switch"
              aria-label={t('userMenu.direction')}
              data={[
                { value: 'ltr', label: t('userMenu.ltr') },
                { value: 'rtl', label: t('userMenu.rtl') },
              ]}
            />
          </Group>
        </Stack>
        <Divider my="xs" />
        <Button
          component={Link}
          to="/account"
          variant="subtle"
          color="gray"
          fullWidth
          justify="flex-start"
          leftSection={<IconUserCircle size={16} />}
          data-testid="user-menu-account"
          onClick={() => setOpened(false)}
        >
          {t('userMenu.account')}
        </Button>
        {user.role === 'admin' && (
          <Button
            component={Link}
            to="/security"
            variant="subtle"
            color="gray"
            fullWidth
            justify="flex-start"
            leftSection={<IconShieldLock size={16} />}
            data-testid="user-menu-security"
            onClick={() => setOpened(false)}
          >
            {t('userMenu.security')}
          </Button>
        )}
        <Button
          variant="subtle"
          color="red"
          fullWidth
          justify="flex-start"
          leftSection={<IconLogout size={16} />}
          data-testid="sign-out"
          loading={signOut.isPending}
          onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) })}
        >
          {t('userMenu.signOut')}
        </Button>
      </Popover.Dropdown>
    </Popover>
  );
}
