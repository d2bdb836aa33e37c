import { Badge, createTheme, InputClearButton, Menu, Pagination } from '@mantine/core';
import type { TFunction } from 'i18next';

/**
 * The theme, with the accessible names of the controls Mantine draws without text (close and
 * clear buttons, pagination arrows) in the interface language.
 * System fonts only: the CSP allows no external font, and they all carry Vietnamese glyphs.
 */
export function createAppTheme(t: TFunction) {
  return createTheme({
    primaryColor: 'blue',
    defaultRadius: 'md',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
    headings: { fontWeight: '650' },
    components: {
      Table: { defaultProps: { verticalSpacing: 'sm' } },
      // Capitals crowd Vietnamese diacritics at badge size.
      Badge: Badge.extend({ defaultProps: { tt: 'none', fw: 600 } }),
      // Modals, drawers, notifications. (CloseButton's typed props leave out the ARIA attributes it passes on.)
      CloseButton: { defaultProps: { 'aria-label': t('common.close') } },
      InputClearButton: InputClearButton.extend({ defaultProps: { 'aria-label': t('common.clear') } }),
      Pagination: Pagination.extend({
        defaultProps: { getControlProps: (control) => ({ 'aria-label': t(`list.controls.${control}`) }) },
      }),
      // Mantine's focus placeholder is a focusable `presentation` inside role="menu", which
      // screen readers announce as a stray item; without it the first item takes the focus.
      Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
    },
  });
}
