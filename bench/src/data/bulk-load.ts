import type { DbClient } from './copy.js';

/**
 * Makes a bulk load into some tables faster, leaving exactly the schema the migrations made:
 * their secondary indexes are dropped and built again after the load (from their own
 * definitions), and, where the role may (a superuser), their foreign keys are not checked row by
 * row but in one pass after the load. Both take exclusive locks on the tables, so this is for a
 * database of the benchmark's own. Returns the function that finishes the load.
 */
export async function prepareBulkLoad(client: DbClient, tables: readonly string[]): Promise<() => Promise<void>> {
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
     FROM pg_index x
     JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = current_schema() AND t.relname = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.conrelid = x.indrelid)
     ORDER BY i.relname`,
    [tables],
  );
  for (const r of indexes) await client.query(`DROP INDEX ${ident(r.name)}`);
  const checks = await suspendForeignKeyChecks(client, tables);
  return async () => {
    if (checks.length > 0) {
      for (const c of checks) await client.query(`ALTER TABLE ${ident(c.table)} ENABLE TRIGGER ${ident(c.trigger)}`);
      await validateForeignKeys(client, tables);
    }
    for (const r of indexes) await client.query(r.definition);
  };
}

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Disables the foreign keys' row-by-row check triggers on the tables, when the role may. */
async function suspendForeignKeyChecks(client: DbClient, tables: readonly string[]): Promise<{ table: string; trigger: string }[]> {
  const { rows } = await client.query<{ table: string; trigger: string }>(
    `SELECT c.relname AS table, t.tgname AS trigger
     FROM pg_trigger t
     JOIN pg_class c ON c.oid = t.tgrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_constraint k ON k.oid = t.tgconstraint
     WHERE t.tgisinternal AND k.contype = 'f' AND k.conrelid = t.tgrelid AND t.tgenabled <> 'D'
       AND n.nspname = current_schema() AND c.relname = ANY($1::text[])
     ORDER BY 1, 2`,
    [tables],
  );
  if (rows.length === 0) return [];
  await client.query('SAVEPOINT bulk_load');
  try {
    for (const r of rows) await client.query(`ALTER TABLE ${ident(r.table)} DISABLE TRIGGER ${ident(r.trigger)}`);
    await client.query('RELEASE SAVEPOINT bulk_load');
    return rows;
  } catch {
    // Not a superuser: every row is checked as it comes.
    await client.query('ROLLBACK TO SAVEPOINT bulk_load');
    return [];
  }
}

/** Checks every foreign key of the tables in one pass; throws on the first one broken. */
async function validateForeignKeys(client: DbClient, tables: readonly string[]): Promise<void> {
  const { rows } = await client.query<{ name: string; child: string; parent: string; columns: string[]; refs: string[] }>(
    `SELECT k.conname AS name, c.relname AS child, p.relname AS parent,
       array(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
             JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i) AS columns,
       array(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, i)
             JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i) AS refs
     FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid
     JOIN pg_class p ON p.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = current_schema() AND c.relname = ANY($1::text[])
     ORDER BY 1`,
    [tables],
  );
  for (const fk of rows) {
    const present = fk.columns.map((col) => `c.${ident(col)} IS NOT NULL`).join(' AND ');
    const match = fk.columns.map((col, i) => `p.${ident(fk.refs[i] as string)} = c.${ident(col)}`).join(' AND ');
    const { rows: broken } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${ident(fk.child)} c WHERE ${present} AND NOT EXISTS (SELECT 1 FROM ${ident(fk.parent)} p WHERE ${match})`,
    );
    const n = broken[0]?.n ?? 0;
    if (n > 0) throw new Error(`${n} row(s) of ${fk.child} break the foreign key ${fk.name} to ${fk.parent}`);
  }
}
