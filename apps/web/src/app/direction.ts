import type { Direction } from '@mantine/core';

const STORAGE_KEY = 'accord.direction';

/** The text direction chosen in the user menu, for checking layouts right-to-left. */
export function storedDirection(): Direction {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

export function storeDirection(dir: Direction): void {
  try {
    localStorage.setItem(STORAGE_KEY, dir);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}
