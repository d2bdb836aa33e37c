import { describe, expect, it } from 'vitest';
import { safeNextPath } from './next-path';

describe('the page to go to after signing in', () => {
  it('keeps a path of this app, with its query and fragment', () => {
    expect(safeNextPath('/agreements/7f0c?tab=history')).toBe('/agreements/7f0c?tab=history');
    expect(safeNextPath('/search?q=c%C3%A0%20mau#top')).toBe('/search?q=c%C3%A0%20mau#top');
  });

  it.each([
    [null],
    [''],
    ['agreements'],
    ['//evil.example'],
    ['/\\evil.example'],
    ['https://evil.example/'],
    ['/\t/evil.example'],
    ['/sign-in?next=/agreements'],
    ['javascript:alert(1)'],
  ])('sends %j home', (next) => {
    expect(safeNextPath(next)).toBe('/agreements');
  });
});
