import { foldForSearch } from '@accord/domain';
import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';

function matches(label: string, words: string[]): boolean {
  const folded = foldForSearch(label);
  return words.every((w) => folded.includes(w));
}

/**
 * A Select/MultiSelect filter that ignores Vietnamese diacritics: "hai duong" finds "Hải Dương".
 * `extraText` adds words an option should also be found by (a short name: "Viettel").
 */
export function makeFoldFilter(extraText?: (value: string) => string | undefined): OptionsFilter<string> {
  return ({ options, search, limit }) => filterOptions(options, search, limit, extraText);
}

function filterOptions(
  options: ComboboxParsedItem<string>[],
  search: string,
  limit: number,
  extraText?: (value: string) => string | undefined,
): ComboboxParsedItem<string>[] {
  const text = (item: ComboboxItem<string>) => `${item.label} ${extraText?.(item.value) ?? ''}`;
  const words = foldForSearch(search).split(' ').filter(Boolean);
  if (words.length === 0) return options;
  const max = Number.isFinite(limit) ? limit : Number.POSITIVE_INFINITY;
  const result: ComboboxParsedItem<string>[] = [];
  let count = 0;
  for (const option of options) {
    if (count >= max) break;
    if ('group' in option) {
      const items = option.items.filter((i: ComboboxItem<string>) => matches(text(i), words)).slice(0, max - count);
      if (items.length > 0) {
        result.push({ group: option.group, items });
        count += items.length;
      }
    } else if (matches(text(option), words)) {
      result.push(option);
      count += 1;
    }
  }
  return result;
}

export const foldFilter: OptionsFilter<string> = makeFoldFilter();
