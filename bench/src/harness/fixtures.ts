import type pg from 'pg';

/** What the scenarios work on, found in the dataset by SQL, so any generated dataset will do. */
export interface Fixtures {
  /** The agreement with the most tasks. */
  large: { id: string; tasks: number; governmentOrgId: string; enterpriseOrgId: string };
  /** A coordinator of the large agreement's government party. */
  coordinator: string;
  /** The agreement whose plan is nearest 1,000 tasks from above (the plan-tree budget's size), and a coordinator of it. */
  thousand: { id: string; tasks: number; coordinator: string };
  /** Coordinators on the enterprise side (many agreements each). */
  partnerCoordinator: string;
  /** An observer: reads every agreement in the country. */
  observer: string;
  /** The unit officer whose unit leads the most open tasks across agreements. */
  unitOfficer: string;
  /** Users to sign in as, many, so no account is throttled. */
  signInUsers: string[];
}

async function one<T>(db: pg.Pool, what: string, text: string, values: unknown[] = []): Promise<T> {
  const { rows } = await db.query(text, values);
  if (!rows[0]) throw new Error(`The bench dataset has no ${what}. Run: npm run bench:data`);
  return rows[0] as T;
}

/** A coordinator at an agreement's government party itself, or the nearest organisation below it. */
async function coordinatorOf(db: pg.Pool, agreementId: string): Promise<string> {
  const row = await one<{ email: string }>(
    db,
    "coordinator of the agreement's government party",
    `WITH RECURSIVE down(id, depth) AS (
       SELECT organisation_id, 0 FROM agreement_parties WHERE agreement_id = $1 AND side = 'government'
       UNION ALL SELECT o.id, down.depth + 1 FROM organisations o JOIN down ON o.parent_id = down.id)
     SELECT u.email FROM users u JOIN down ON down.id = u.organisation_id
     WHERE u.role = 'coordinator' AND u.disabled_at IS NULL ORDER BY down.depth, u.email LIMIT 1`,
    [agreementId],
  );
  return row.email;
}

export async function findFixtures(db: pg.Pool): Promise<Fixtures> {
  const large = await one<{ id: string; tasks: number }>(
    db,
    'agreement with tasks',
    `SELECT agreement_id AS id, count(*)::int AS tasks FROM tasks WHERE deleted_at IS NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
  );
  const parties = await db.query<{ organisation_id: string; side: string }>(
    'SELECT organisation_id, side FROM agreement_parties WHERE agreement_id = $1 ORDER BY position',
    [large.id],
  );
  const governmentOrgId = parties.rows.find((p) => p.side === 'government')?.organisation_id;
  const enterpriseOrgId = parties.rows.find((p) => p.side === 'enterprise')?.organisation_id;
  if (!governmentOrgId || !enterpriseOrgId) throw new Error('The large agreement lacks a party on each side');
  const coordinator = await coordinatorOf(db, large.id);
  const thousand = await one<{ id: string; tasks: number }>(
    db,
    'agreement with tasks',
    `SELECT agreement_id AS id, count(*)::int AS tasks FROM tasks WHERE deleted_at IS NULL GROUP BY 1
     ORDER BY count(*) < 1000, abs(count(*) - 1000), 1 LIMIT 1`,
  );
  const partnerCoordinator = await one<{ email: string }>(
    db,
    'enterprise coordinator',
    `SELECT u.email FROM users u JOIN organisations o ON o.id = u.organisation_id
     WHERE u.role = 'coordinator' AND o.kind = 'enterprise_group' AND u.disabled_at IS NULL ORDER BY u.email LIMIT 1`,
  );
  const observer = await one<{ email: string }>(
    db,
    'observer',
    `SELECT email FROM users WHERE role = 'observer' AND disabled_at IS NULL ORDER BY email LIMIT 1`,
  );
  const unitOfficer = await one<{ email: string }>(
    db,
    'unit officer leading tasks',
    `SELECT u.email FROM users u
     JOIN (SELECT lead_org_id, count(*) AS n FROM tasks WHERE deleted_at IS NULL AND state <> 'cancelled' AND accepted_on IS NULL GROUP BY 1) c
       ON c.lead_org_id = u.organisation_id
     WHERE u.role = 'unit_officer' AND u.disabled_at IS NULL ORDER BY c.n DESC, u.email LIMIT 1`,
  );
  const signInUsers = (
    await db.query<{ email: string }>('SELECT email FROM users WHERE disabled_at IS NULL ORDER BY email LIMIT 2000')
  ).rows.map((r) => r.email);
  return {
    large: { ...large, governmentOrgId, enterpriseOrgId },
    coordinator,
    thousand: { ...thousand, coordinator: await coordinatorOf(db, thousand.id) },
    partnerCoordinator: partnerCoordinator.email,
    observer: observer.email,
    unitOfficer: unitOfficer.email,
    signInUsers,
  };
}
