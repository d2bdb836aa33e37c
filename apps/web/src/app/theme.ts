import { createTheme, DEFAULT_THEME, type CSSVariablesResolver, type PaginationProps } from '@mantine/core';
import type { TFunction } from 'i18next';
import { darkenHex, readableOn } from './contrast';

const gray = DEFAULT_THEME.colors.gray;
const WHITE = DEFAULT_THEME.white;
/** What text sits on: the page, striped and hovered rows, the sign-in page. */
const SURFACES = [WHITE, gray[0], gray[1]];

/**
 * Mantine's light scheme with every text colour raised to WCAG 2.1 AA (4.5:1): its dimmed grey,
 * its links and filled buttons (shade 6 under white text), and its light badges are 2–3.8:1
 * out of the box. Each colour keeps the palette's own shade where one suffices, so the app keeps
 * Mantine's look; a colour added later gets the same treatment.
 */
const resolved = new WeakMap<object, ReturnType<CSSVariablesResolver>>();

export const cssVariablesResolver: CSSVariablesResolver = (theme) => {
  // Once per theme: Mantine asks again each time its provider is drawn.
  const known = resolved.get(theme);
  if (known) return known;
  const light: Record<string, string> = {};
  const primaryShade = typeof theme.primaryShade === 'number' ? theme.primaryShade : theme.primaryShade.light;
  const shadesOf = (name: string) => theme.colors[name] ?? gray;
  for (const name of Object.keys(theme.colors)) {
    const shades = shadesOf(name);
    // White text on it, and it as text on a surface (c="red", outline badges, links).
    const filled = readableOn(shades.slice(primaryShade), SURFACES);
    light[`--mantine-color-${name}-filled`] = filled;
    light[`--mantine-color-${name}-filled-hover`] = darkenHex(filled, 0.12);
    light[`--mantine-color-${name}-outline`] = filled;
    // Light and subtle variants: the text on the tinted background, resting and hovered.
    light[`--mantine-color-${name}-light-color`] = readableOn([shades[9]], [shades[1], shades[2], ...SURFACES]);
  }
  const primary = shadesOf(theme.primaryColor);
  // Selected rows are tinted with the primary light colour; their secondary text stays legible.
  light['--mantine-color-dimmed'] = readableOn(gray.slice(6), [...SURFACES, primary[0], primary[1]]);
  light['--mantine-color-anchor'] = `var(--mantine-color-${theme.primaryColor}-filled)`;
  const variables = { variables: {}, light, dark: {} };
  resolved.set(theme, variables);
  return variables;
};

/**
 * The theme, with the accessible names of the controls Mantine draws without text (close and
 * clear buttons, pagination arrows) in the interface language.
 * System fonts only: the CSP allows no external font, and they all carry Vietnamese glyphs.
 */
/** A field the user may read but not change looks so, rather than like one waiting to be typed in. */
const readOnlyLook = (_theme: unknown, props: { readOnly?: boolean; disabled?: boolean }) =>
  props.readOnly && !props.disabled
    ? { input: { backgroundColor: 'var(--mantine-color-gray-0)', borderStyle: 'dashed', cursor: 'default' } }
    : {};

export function createAppTheme(t: TFunction) {
  return createTheme({
    primaryColor: 'blue',
    defaultRadius: 'md',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
    headings: { fontWeight: '650' },
    // Plain objects, not `TextInput.extend(…)`: that would import each component (NumberInput brings
    // react-number-format) into the first page's JavaScript, which shows none of them.
    components: {
      Table: { defaultProps: { verticalSpacing: 'sm' } },
      TextInput: { styles: readOnlyLook },
      Textarea: { styles: readOnlyLook },
      NumberInput: { styles: readOnlyLook },
      // Capitals crowd Vietnamese diacritics at badge size.
      Badge: { defaultProps: { tt: 'none', fw: 600 } },
      // Modals, drawers, notifications.
      CloseButton: { defaultProps: { 'aria-label': t('common.close') } },
      InputClearButton: { defaultProps: { 'aria-label': t('common.clear') } },
      Pagination: {
        defaultProps: {
          getControlProps: ((control) => ({ 'aria-label': t(`list.controls.${control}`) })) satisfies PaginationProps['getControlProps'],
        },
      },
      // Mantine's focus placeholder is a focusable `presentation` inside role="menu", which
      // screen readers announce as a stray item; without it the first item takes the focus.
      Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
    },
  });
}
