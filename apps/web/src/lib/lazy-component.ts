import { lazy, type ComponentType } from 'react';

/**
 * A component in a chunk of its own, loaded the first time it is drawn (inside a Suspense of its
 * own). For what a page does not show when it opens — its dialogs, its drawer's panels, its other
 * tabs — so that their code is neither fetched nor evaluated before the page's first screen.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as React's own `lazy`: props are checked where it is drawn
export function lazyComponent<C extends ComponentType<any>>(load: () => Promise<C>) {
  return lazy(async () => ({ default: await load() }));
}
