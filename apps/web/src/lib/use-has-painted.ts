import { useEffect, useState } from 'react';

/**
 * False until the browser has painted once since the component mounted. Work that can wait (a
 * large request whose answer takes the main thread a while) starts then, so that it does not
 * hold back the first paint of what is already there.
 */
export function useHasPainted(): boolean {
  const [hasPainted, setHasPainted] = useState(false);
  useEffect(() => {
    let timeout = 0;
    // A task queued from an animation frame runs after that frame is painted.
    const frame = requestAnimationFrame(() => {
      timeout = window.setTimeout(() => setHasPainted(true));
    });
    // A hidden tab paints no frames: do not wait for one there.
    const fallback = window.setTimeout(() => setHasPainted(true), 250);
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timeout);
      window.clearTimeout(fallback);
    };
  }, []);
  return hasPainted;
}
