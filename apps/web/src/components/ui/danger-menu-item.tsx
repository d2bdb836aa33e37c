import { Menu, type MenuItemProps } from '@mantine/core';
import type { ComponentPropsWithoutRef } from 'react';

/**
 * A destructive menu item (delete, remove). Mantine paints a coloured item's text in shade 6,
 * 3.3:1 for red on white; `c` takes the theme's red text colour, which reaches 4.5:1 (theme.ts).
 */
export function DangerMenuItem(props: MenuItemProps & ComponentPropsWithoutRef<'button'>) {
  return <Menu.Item color="red" c="red" {...props} />;
}
