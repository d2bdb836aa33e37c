import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, formatDateVi, textField } from './text.js';

describe('folding for search', () => {
  it.each([
    ['Hải Dương', 'hai duong'],
    ['Cà Mau', 'ca mau'],
    ['Đắk Lắk', 'dak lak'],
    ['  Chuyển   đổi SỐ ', 'chuyen doi so'],
    ['Buôn Ma Thuột', 'buon ma thuot'],
  ])('%s → %s', (input, folded) => {
    expect(foldForSearch(input)).toBe(folded);
  });

  it('is idempotent and the same for NFC and NFD input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = foldForSearch(s);
        expect(foldForSearch(once)).toBe(once);
        expect(foldForSearch(s.normalize('NFD'))).toBe(foldForSearch(s.normalize('NFC')));
      }),
    );
  });
});

describe('text fields', () => {
  const title = textField(10);
  it('normalises to NFC and trims', () => {
    expect(title.parse('  Hải  ')).toBe('Hải');
    expect(title.parse('Ha\u0309i')).toBe('Hải');
  });
  it('refuses NUL bytes, empty and over-long text', () => {
    expect(title.safeParse('a\u0000b').success).toBe(false);
    expect(title.safeParse('   ').success).toBe(false);
    expect(title.safeParse('x'.repeat(11)).success).toBe(false);
  });
});

describe('dates', () => {
  it('writes dd/mm/yyyy', () => {
    expect(formatDateVi('2022-03-09')).toBe('09/03/2022');
    expect(formatDateVi(null)).toBe('');
  });
});
