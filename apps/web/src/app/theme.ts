import { Badge, createTheme } from '@mantine/core';

/** System fonts only: the CSP allows no external font, and they all carry Vietnamese glyphs. */
export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    Table: { defaultProps: { verticalSpacing: 'sm' } },
    // Capitals crowd Vietnamese diacritics at badge size.
    Badge: Badge.extend({ defaultProps: { tt: 'none', fw: 600 } }),
  },
});
