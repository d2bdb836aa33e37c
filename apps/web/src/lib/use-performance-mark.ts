import { useEffect, useRef, useState } from 'react';

/**
 * Marks the page's timeline (`performance.mark(name)`) once, in the first frame painted after
 * `ready` turns true: how long a page takes to show what it is for, as the benchmark reads it
 * (Lighthouse's user timings) and as the browser's developer tools show it.
 */
export function usePerformanceMark(name: string, ready: boolean): void {
  const marked = useRef(false);
  useEffect(() => {
    if (!ready || marked.current) return;
    marked.current = true;
    let timeout = 0;
    // A task queued from an animation frame runs after that frame is painted.
    const frame = requestAnimationFrame(() => {
      timeout = window.setTimeout(() => performance.mark(name));
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timeout);
    };
  }, [name, ready]);
}

/** True from the first render at which `condition` held, and from then on. */
export function useBecameTrue(condition: boolean): boolean {
  const [became, setBecame] = useState(condition);
  if (condition && !became) setBecame(true);
  return became || condition;
}
