import { darken, DEFAULT_THEME } from '@mantine/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AA_TEXT, contrastRatio, darkenHex, readableOn } from './contrast';

const hex = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
  .map((rgb) => `#${rgb.map((n) => n.toString(16).padStart(2, '0')).join('')}`);

describe('contrast', () => {
  it('measures as WCAG does: black on white 21:1, a colour on itself 1:1, Mantine dimmed grey on white 3.32:1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#868e96', '#ffffff')).toBeCloseTo(3.32, 2);
    fc.assert(fc.property(hex, hex, (a, b) => Math.abs(contrastRatio(a, b) - contrastRatio(b, a)) < 1e-9));
  });

  it('keeps the palette shade that already reads well, and picks a darker one only when it must', () => {
    const gray = DEFAULT_THEME.colors.gray;
    expect(readableOn(['#212529'], ['#ffffff'])).toBe('#212529');
    const dimmed = readableOn(gray.slice(6), ['#ffffff', gray[0]]);
    expect(gray.slice(6)).toContain(dimmed);
    expect(dimmed).not.toBe(gray[6]); // #868e96 is too light on white
  });

  it('always answers a colour that reaches AA on every background it was given', () => {
    fc.assert(
      fc.property(
        fc.array(hex, { minLength: 1, maxLength: 4 }),
        fc.array(hex, { minLength: 1, maxLength: 3 }),
        (candidates, backgrounds) => {
          const light = backgrounds.filter((bg) => contrastRatio(bg, '#000000') >= AA_TEXT);
          if (light.length === 0) return;
          const chosen = readableOn(candidates, light);
          for (const bg of light) expect(contrastRatio(chosen, bg)).toBeGreaterThanOrEqual(AA_TEXT);
        },
      ),
    );
  });

  it("darkens as Mantine's darken does", () => {
    const rgb = (css: string) => /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css)?.slice(1, 4).map(Number);
    const channelsOf = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
    fc.assert(
      fc.property(hex, fc.double({ min: 0, max: 1, noNaN: true }), (color, amount) => {
        expect(channelsOf(darkenHex(color, amount))).toEqual(rgb(darken(color, amount)));
      }),
    );
  });
});
