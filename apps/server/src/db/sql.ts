/** A statement and its parameters, so benchmarks can run exactly what an endpoint runs. */
export interface Statement {
  text: string;
  values: unknown[];
}

/** Escapes LIKE's wildcards so that a search word matches literally. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A function that adds a value to `values` and answers its placeholder ($1, $2, …). */
export function placeholders(values: unknown[]): (value: unknown) => string {
  return (value) => {
    values.push(value);
    return `$${values.length}`;
  };
}
