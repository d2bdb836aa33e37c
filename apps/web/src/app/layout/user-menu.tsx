import { Avatar, Group, Menu, SegmentedControl, Stack, Text, UnstyledButton, useDirection, type Direction } from '@mantine/core';
import { IconChevronDown, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
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

  const changeDirection = (value: string) => {
    const next: Direction = value === 'rtl' ? 'rtl' : 'ltr';
    setDirection(next);
    storeDirection(next);
  };

  return (
    <Menu position="bottom-end" width={300} shadow="md" withinPortal closeOnItemClick>
      <Menu.Target>
        <UnstyledButton data-testid="user-menu" aria-label={t('userMenu.open')}>
          <Group gap="xs" wrap="nowrap">
            <Avatar color="blue" radius="xl" size="md">
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
            <IconChevronDown size={16} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
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
        <Menu.Divider />
        <Menu.Label>{t('userMenu.language')}</Menu.Label>
        <Group px="xs" pb="xs">
          <LanguageSwitch />
        </Group>
        <Menu.Label>{t('userMenu.direction')}</Menu.Label>
        <Group px="xs" pb="xs">
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
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={16} />}
          data-testid="sign-out"
          onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) })}
        >
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
