/** WCAG 2.1 AA for normal-size text (1.4.3). */
export const AA_TEXT = 4.5;

/** The colour's red, green and blue, 0–255. */
function bytes(hex: string): [number, number, number] {
  const value = hex.replace('#', '');
  const full =
    value.length === 3
      ? value
          .split('')
          .map((c) => c + c)
          .join('')
      : value;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

/** The colour's channels, 0–1. */
function channels(hex: string): [number, number, number] {
  return bytes(hex).map((b) => b / 255) as [number, number, number];
}

/**
 * `hex` with each channel scaled by 1 − amount, as Mantine's `darken` does, but on the channels
 * directly: Mantine's parses its colour string on every call, and the theme's contrast search
 * makes hundreds of calls while the first page is drawn (25 ms of it, a CPU profile of 7 December).
 */
export function darkenHex(hex: string, amount: number): string {
  const factor = 1 - amount;
  return `#${bytes(hex)
    .map((b) => Math.round(b * factor))
    .map((n) => n.toString(16).padStart(2, '0'))
    .join('')}`;
}

/** Relative luminance as WCAG defines it. */
function luminanceOf(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two opaque hex colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminanceOf(a), luminanceOf(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const isReadableOn = (color: string, backgrounds: readonly string[], ratio: number) =>
  backgrounds.every((bg) => contrastRatio(color, bg) >= ratio);

/**
 * The first of `candidates` (lightest first, e.g. a palette from its usual shade to its darkest)
 * that reaches `ratio` against every background; failing that, the last one darkened just enough.
 * Keeps the palette's own shades wherever they suffice.
 */
export function readableOn(candidates: readonly string[], backgrounds: readonly string[], ratio = AA_TEXT): string {
  const found = candidates.find((c) => isReadableOn(c, backgrounds, ratio));
  if (found) return found;
  const darkest = candidates[candidates.length - 1] ?? '#000000';
  for (let amount = 0.05; amount < 1; amount += 0.05) {
    const darker = darkenHex(darkest, amount);
    if (isReadableOn(darker, backgrounds, ratio)) return darker;
  }
  return '#000000';
}
