import { adminCreateInput, sideOfKind, type AdminCreateInput, type OrganisationKind } from '@accord/domain';
import { withTransaction, type Db } from '../db/pool.js';
import { hashPassword } from '../modules/auth/password.js';
import { insertOrganisation } from '../modules/organisations/organisation.repository.js';
import { insertSecurityEvent } from '../modules/security/security.repository.js';

/**
 * Makes an administrator whose password only they know: the way a production database gets its
 * first user (a production start creates no account by itself). The organisation is found by its
 * exact name, or made (at the top of its tree) when there is none of that name.
 */
export class AdminRefused extends Error {}

export async function createAdmin(
  db: Db,
  input: AdminCreateInput,
): Promise<{ userId: string; organisationId: string; organisationCreated: boolean }> {
  const parsed = adminCreateInput.safeParse(input);
  if (!parsed.success) {
    throw new AdminRefused(parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
  }
  const a = parsed.data;
  const hash = await hashPassword(a.password);
  return withTransaction(db, async (tx) => {
    const taken = await tx.query('SELECT 1 FROM users WHERE email = $1', [a.email]);
    if (taken.rowCount) throw new AdminRefused(`An account ${a.email} exists already; nothing was changed.`);
    const found = await tx.query<{ id: string }>('SELECT id FROM organisations WHERE name_vi = $1 ORDER BY created_at LIMIT 2', [
      a.organisation,
    ]);
    if (found.rows.length > 1) throw new AdminRefused(`More than one organisation is named "${a.organisation}"; nothing was changed.`);
    let organisationId = found.rows[0]?.id;
    const organisationCreated = !organisationId;
    if (!organisationId) organisationId = (await insertOrganisation(tx, topLevel(a.organisation, a.kind))).id;
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO users (email, display_name, password_hash, role, organisation_id) VALUES ($1, $2, $3, 'admin', $4) RETURNING id`,
      [a.email, a.displayName, hash, organisationId],
    );
    const userId = (rows[0] as { id: string }).id;
    await insertSecurityEvent(tx, {
      kind: 'admin.created',
      userId,
      email: a.email,
      ip: null,
      requestId: null,
      details: { by: 'npm run admin:create', organisationId, organisationCreated },
    });
    return { userId, organisationId, organisationCreated };
  });
}

function topLevel(nameVi: string, kind: OrganisationKind) {
  return {
    parentId: null,
    kind,
    side: sideOfKind(kind),
    nameVi,
    nameEn: null,
    shortName: null,
    code: null,
    codeScheme: null,
    validFrom: null,
    validTo: null,
    successorId: null,
  };
}

/** Whether the database has an administrator who can sign in. */
export async function hasAdministrator(db: Db): Promise<boolean> {
  const { rowCount } = await db.query(`SELECT 1 FROM users WHERE role = 'admin' AND disabled_at IS NULL LIMIT 1`);
  return (rowCount ?? 0) > 0;
}
