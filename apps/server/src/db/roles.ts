import crypto from 'node:crypto';
import type { Db } from './pool.js';
import { withTransaction } from './pool.js';

/**
 * The app connects under a role of its own, not as the database's owner (docs/RELIABILITY.md):
 * no superuser (so it never takes the connections PostgreSQL keeps for the administrator), no DDL,
 * and no UPDATE, DELETE or TRUNCATE on the append-only logs (`audit_events`, `security_events`)
 * or the migrations' record. The migrations run as the owner; after them, on every start, the
 * owner makes the role (when it may create roles) and grants it exactly this.
 */

/** Tables the app may add to and read, never change or empty. */
export const appendOnlyTables = ['audit_events', 'security_events'] as const;
/** Tables the app only reads. */
export const readOnlyTables = ['schema_migrations'] as const;

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const GRANT_LOCK = 0x41_43_43_52; // "ACCR": one instance at a time grants (concurrent GRANTs collide)

export interface AppConnection {
  /** The URL the app's pools use. */
  url: string;
  /** The role they connect as; `null` when the app had to keep the owner's (said in `warning`). */
  role: string | null;
  warning?: string;
}

/**
 * The role's password, derived from the owner's so that every instance and restart computes the
 * same one (nothing more to keep) while it reveals nothing of the owner's.
 */
function derivedPassword(ownerUrl: URL, role: string): string {
  return crypto
    .createHmac('sha256', `${ownerUrl.username}:${decodeURIComponent(ownerUrl.password)}`)
    .update(`accord-app-role:${role}`)
    .digest('base64url');
}

/** Grants `role` what the app needs on the current database, and no more. Idempotent. */
export async function grantAppRole(owner: Db, role: string): Promise<void> {
  if (!ROLE_NAME.test(role)) throw new Error(`Not a role name Accord uses: ${role}`);
  await withTransaction(owner, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [GRANT_LOCK]);
    const { rows } = await tx.query<{ db: string }>('SELECT current_database() AS db');
    const db = (rows[0] as { db: string }).db.replace(/"/g, '""');
    await tx.query(`GRANT CONNECT ON DATABASE "${db}" TO ${role}`);
    await tx.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await tx.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    await tx.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    await tx.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${appendOnlyTables.join(', ')} FROM ${role}`);
    await tx.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${readOnlyTables.join(', ')} FROM ${role}`);
  });
}

/**
 * The connection the app should use. With `appUrl` (DATABASE_APP_URL) its role is granted and
 * used. Otherwise the owner makes `role` with a derived password; an owner that may not create
 * roles leaves the app on the owner's connection, with a warning to say so.
 */
export async function prepareAppConnection(
  owner: Db,
  ownerUrl: string,
  { role, appUrl }: { role: string; appUrl?: string },
): Promise<AppConnection> {
  if (appUrl) {
    const given = decodeURIComponent(new URL(appUrl).username);
    await grantAppRole(owner, given);
    return { url: appUrl, role: given };
  }
  if (!ROLE_NAME.test(role)) throw new Error(`DATABASE_APP_ROLE must be a plain role name (a-z, 0-9, _): ${role}`);
  const url = new URL(ownerUrl);
  const password = derivedPassword(url, role);
  try {
    await withTransaction(owner, async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [GRANT_LOCK]);
      const exists = await tx.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      // The password is a literal here (utility statements take no parameters); it is base64url.
      if (exists.rowCount) await tx.query(`ALTER ROLE ${role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${password}'`);
      else await tx.query(`CREATE ROLE ${role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${password}'`);
    });
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error;
    return {
      url: ownerUrl,
      role: null,
      warning: `the database owner may not create the role ${role}; the app connects as the owner. Create a role for it and set DATABASE_APP_URL (docs/RELIABILITY.md).`,
    };
  }
  await grantAppRole(owner, role);
  url.username = role;
  url.password = password;
  return { url: url.toString(), role };
}
