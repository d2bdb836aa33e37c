import type { ComboboxParsedItem } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { foldFilter, makeFoldFilter } from './fold-filter';

const option = (label: string, value = label) => ({ value, label });
const provinces = ['Cà Mau', 'Hải Dương', 'Hải Phòng', 'Đà Nẵng', 'Thành phố Hồ Chí Minh'].map((l) => option(l));

const labels = (items: ComboboxParsedItem<string>[]) => items.flatMap((i) => ('group' in i ? i.items.map((x) => x.label) : [i.label]));
const search = (text: string, options: ComboboxParsedItem<string>[] = provinces, limit = Number.POSITIVE_INFINITY) =>
  labels(foldFilter({ options, search: text, limit }));

describe('picking from a list by typing', () => {
  it('finds "Cà Mau" from "ca mau", without diacritics or capitals', () => {
    expect(search('ca mau')).toEqual(['Cà Mau']);
    expect(search('CA MAU')).toEqual(['Cà Mau']);
  });

  it('reads đ as d', () => {
    expect(search('da nang')).toEqual(['Đà Nẵng']);
  });

  it('needs every word, in any order, and ignores extra spaces', () => {
    expect(search('hai')).toEqual(['Hải Dương', 'Hải Phòng']);
    expect(search('  duong   hai ')).toEqual(['Hải Dương']);
    expect(search('hai ca')).toEqual([]);
  });

  it('also matches what was typed with diacritics', () => {
    expect(search('Hồ Chí Minh')).toEqual(['Thành phố Hồ Chí Minh']);
  });

  it('shows the whole list before anything is typed', () => {
    expect(search('   ')).toEqual(provinces.map((p) => p.label));
  });

  it('keeps groups that have a match, with only their matching options', () => {
    const grouped: ComboboxParsedItem<string>[] = [
      { group: 'Chính quyền', items: [option('UBND tỉnh Cà Mau'), option('UBND tỉnh Hải Dương')] },
      { group: 'Doanh nghiệp', items: [option('VNPT')] },
    ];
    expect(foldFilter({ options: grouped, search: 'ca mau', limit: Number.POSITIVE_INFINITY })).toEqual([
      { group: 'Chính quyền', items: [option('UBND tỉnh Cà Mau')] },
    ]);
  });

  it('shows at most the limit, counted across groups', () => {
    const grouped: ComboboxParsedItem<string>[] = [
      { group: 'A', items: [option('Sở Y tế 1'), option('Sở Y tế 2')] },
      { group: 'B', items: [option('Sở Y tế 3'), option('Sở Y tế 4')] },
    ];
    expect(search('so y te', grouped, 3)).toEqual(['Sở Y tế 1', 'Sở Y tế 2', 'Sở Y tế 3']);
    expect(search('hai', provinces, 1)).toEqual(['Hải Dương']);
  });

  it('finds an option by an extra name, such as a short name', () => {
    const filter = makeFoldFilter((value) => (value === 'viettel' ? 'Viettel' : undefined));
    const options = [option('Tập đoàn Công nghiệp - Viễn thông Quân đội', 'viettel'), option('Tập đoàn Bưu chính Viễn thông', 'vnpt')];
    expect(labels(filter({ options, search: 'viettel', limit: 10 }))).toEqual(['Tập đoàn Công nghiệp - Viễn thông Quân đội']);
    expect(labels(filter({ options, search: 'vien thong', limit: 10 }))).toHaveLength(2);
  });
});
