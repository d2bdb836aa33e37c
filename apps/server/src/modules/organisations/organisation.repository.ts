import type { Organisation, OrganisationKind } from '@accord/domain';
import { foldForSearch } from '@accord/domain';
import type { Queryable } from '../../db/pool.js';
import { escapeLike, placeholders } from '../../db/sql.js';

const columns = `id, parent_id AS "parentId", kind, side, name_vi AS "nameVi", name_en AS "nameEn",
  short_name AS "shortName", code, code_scheme AS "codeScheme", valid_from AS "validFrom", valid_to AS "validTo",
  successor_id AS "successorId", version`;

export async function findOrganisation(db: Queryable, id: string, { forUpdate = false } = {}): Promise<Organisation | undefined> {
  const { rows } = await db.query<Organisation>(`SELECT ${columns} FROM organisations WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [
    id,
  ]);
  return rows[0];
}

export async function findOrganisations(db: Queryable, ids: readonly string[]): Promise<Organisation[]> {
  const { rows } = await db.query<Organisation>(`SELECT ${columns} FROM organisations WHERE id = ANY($1::uuid[])`, [ids]);
  return rows;
}

export async function listOrganisations(
  db: Queryable,
  f: { side?: string; kind?: string; words: string[]; includeHistorical: boolean },
): Promise<Organisation[]> {
  const params: unknown[] = [];
  const param = placeholders(params);
  const where: string[] = ['true'];
  if (f.side) where.push(`side = ${param(f.side)}`);
  if (f.kind) where.push(`kind = ${param(f.kind)}`);
  if (!f.includeHistorical) where.push('(valid_to IS NULL OR valid_to > current_date)');
  for (const w of f.words) where.push(`search_text LIKE ${param(`%${escapeLike(w)}%`)}`);
  const { rows } = await db.query<Organisation>(
    `SELECT ${columns} FROM organisations WHERE ${where.join(' AND ')} ORDER BY side, kind, code NULLS LAST, name_vi LIMIT 5000`,
    params,
  );
  return rows;
}

export interface OrganisationWrite {
  parentId: string | null;
  kind: OrganisationKind;
  side: 'government' | 'enterprise';
  nameVi: string;
  nameEn: string | null;
  shortName: string | null;
  code: string | null;
  codeScheme: 'pre2025' | 'post2025' | null;
  validFrom: string | null;
  validTo: string | null;
  successorId: string | null;
}

/** What search finds an organisation by: its names and code. */
export function organisationSearchText(o: Pick<OrganisationWrite, 'nameVi' | 'nameEn' | 'shortName' | 'code'>): string {
  return foldForSearch([o.nameVi, o.nameEn ?? '', o.shortName ?? '', o.code ?? ''].join(' '));
}

export async function insertOrganisation(tx: Queryable, o: OrganisationWrite): Promise<Organisation> {
  const { rows } = await tx.query<Organisation>(
    `INSERT INTO organisations(parent_id, kind, side, name_vi, name_en, short_name, code, code_scheme, valid_from, valid_to, successor_id, search_text)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) RETURNING ${columns}`,
    [
      o.parentId,
      o.kind,
      o.side,
      o.nameVi,
      o.nameEn,
      o.shortName,
      o.code,
      o.codeScheme,
      o.validFrom,
      o.validTo,
      o.successorId,
      organisationSearchText(o),
    ],
  );
  return rows[0] as Organisation;
}

/** Writes an organisation its change holds locked. */
export async function updateOrganisation(tx: Queryable, id: string, o: OrganisationWrite): Promise<Organisation> {
  const { rows } = await tx.query<Organisation>(
    `UPDATE organisations SET name_vi=$2, name_en=$3, short_name=$4, code=$5, valid_to=$6, successor_id=$7, search_text=$8,
       version = version + 1, updated_at = now()
     WHERE id = $1 RETURNING ${columns}`,
    [id, o.nameVi, o.nameEn, o.shortName, o.code, o.validTo, o.successorId, organisationSearchText(o)],
  );
  return rows[0] as Organisation;
}

/** Whether following successor links from `startId` comes back to `id`. */
export async function successorChainReaches(db: Queryable, startId: string, id: string): Promise<boolean> {
  const { rows } = await db.query(
    `WITH RECURSIVE chain(id, next, depth) AS (
       SELECT id, successor_id, 0 FROM organisations WHERE id = $1
       UNION ALL SELECT o.id, o.successor_id, chain.depth + 1 FROM organisations o JOIN chain ON o.id = chain.next WHERE chain.depth < 50)
     SELECT 1 FROM chain WHERE id = $2 LIMIT 1`,
    [startId, id],
  );
  return rows.length > 0;
}
