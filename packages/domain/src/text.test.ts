import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldIssues } from './errors.js';
import { foldForSearch, formatDateVi, textField, webAddress } from './text.js';

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

describe('web addresses people follow', () => {
  const issueOf = (s: string) => {
    const r = webAddress().safeParse(s);
    return r.success ? undefined : r.error.issues[0]?.message;
  };
  it('takes http and https addresses as they are', () => {
    expect(issueOf('https://camau.gov.vn/van-ban/ke-hoach-2026.pdf')).toBeUndefined();
    expect(issueOf('http://mic.gov.vn/?id=1#muc-2')).toBeUndefined();
  });
  it('refuses a user name or password in the address: it goes somewhere else than it reads', () => {
    expect(issueOf('https://camau.gov.vn@evil.example/')).toBe(fieldIssues.urlWithCredentials);
    expect(issueOf('https://user:pass@camau.gov.vn/')).toBe(fieldIssues.urlWithCredentials);
  });
  it('refuses bidirectional controls, which make one address read as another', () => {
    for (const c of ['\u202E', '\u202D', '\u2066', '\u2069', '\u200F', '\u061C']) {
      expect(issueOf(`https://camau.gov.vn/${c}fdp.exe`)).toBe(fieldIssues.bidiControl);
    }
  });
  it('refuses other schemes', () => {
    expect(issueOf('javascript:alert(1)')).toBeDefined();
    expect(issueOf('ftp://camau.gov.vn/')).toBeDefined();
  });
});
