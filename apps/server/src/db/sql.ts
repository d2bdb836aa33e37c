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

/** A statement to run with `query(config)`: `name` makes PostgreSQL keep it prepared on the connection. */
export interface NamedStatement {
  name: string;
  text: string;
  values: unknown[];
}

const preparedTexts = new Map<string, string>();

/**
 * A statement that each connection parses and plans once and then reuses (a named prepared
 * statement), for the few fixed statements nearly every request runs: its session, an
 * agreement's access facts, a task by id, the history event. Planning those cost more than
 * running them (docs/PERFORMANCE.md). Only for fixed texts looked up by key: a statement whose
 * text is built from a request's filters stays unnamed, or every connection would keep every
 * variant. A name stands for one text; a second text under the same name is a programming error.
 * (A pooler in transaction mode, such as PgBouncer's, must be set to keep prepared statements.)
 */
export function prepared(name: string, text: string): (values: unknown[]) => NamedStatement {
  const known = preparedTexts.get(name);
  if (known !== undefined && known !== text) throw new Error(`Prepared statement ${name} already stands for another text`);
  preparedTexts.set(name, text);
  return (values) => ({ name, text, values });
}
