/** A statement and its parameters, so benchmarks can run exactly what an endpoint runs. */
export interface Statement {
  text: string;
  values: unknown[];
}

/** Escapes LIKE's wildcards so that a search word matches literally. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
