import type { AgreementSortKey, AgreementStatus, AgreementSummary, Party, ReportCadence, Side } from '@accord/domain';
import { foldForSearch } from '@accord/domain';
import type { Queryable } from '../../db/pool.js';
import { escapeLike, placeholders, type Statement } from '../../db/sql.js';
import { readableAgreementSql } from '../access/access.service.js';
import type { Viewer } from '../access/viewer.js';

export interface AgreementRecord {
  id: string;
  title: string;
  kind: 'agreement' | 'mou';
  reference: string | null;
  summary: string | null;
  status: AgreementStatus;
  signedOn: string | null;
  signedPlace: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  predecessorId: string | null;
  parentId: string | null;
  legalBases: string[];
  sourceUrls: string[];
  visibility: 'parties' | 'public';
  checksAuthority: boolean;
  atRiskDays: number;
  progressMargin: number;
  reportCadence: ReportCadence;
  version: number;
  createdAt: string;
  updatedAt: string;
  parties: Party[];
}

export interface PartyRow {
  organisationId: string;
  side: Side;
  nameAtSigning: string;
  label: string | null;
  signatoryName: string | null;
  signatoryTitle: string | null;
}

const columns = `a.id, a.title, a.kind, a.reference, a.summary, a.status, a.signed_on AS "signedOn",
  a.signed_place AS "signedPlace", a.period_start AS "periodStart", a.period_end AS "periodEnd",
  a.predecessor_id AS "predecessorId", a.parent_id AS "parentId", a.legal_bases AS "legalBases",
  a.source_urls AS "sourceUrls", a.visibility, a.checks_authority AS "checksAuthority",
  a.at_risk_days AS "atRiskDays", a.progress_margin AS "progressMargin", a.report_cadence AS "reportCadence", a.version,
  to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
  to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"`;

/**
 * Parties as JSON, each with the organisation it is today: following successor links, so a
 * party that merged reads "Hải Dương" as signed and "Hải Phòng" as now.
 */
const partiesJson = `COALESCE((
  SELECT json_agg(json_build_object(
    'organisationId', p.organisation_id, 'side', p.side, 'organisationName', p.name_at_signing,
    'currentOrganisationId', cur.id, 'currentOrganisationName', cur.name_vi, 'label', p.label,
    'signatoryName', p.signatory_name, 'signatoryTitle', p.signatory_title) ORDER BY p.position)
  FROM agreement_parties p
  CROSS JOIN LATERAL (
    WITH RECURSIVE chain(id, successor_id, name_vi, depth) AS (
      SELECT o.id, o.successor_id, o.name_vi, 0 FROM organisations o WHERE o.id = p.organisation_id
      UNION ALL SELECT o.id, o.successor_id, o.name_vi, chain.depth + 1 FROM organisations o
        JOIN chain ON o.id = chain.successor_id WHERE chain.depth < 10)
    SELECT id, name_vi FROM chain ORDER BY depth DESC LIMIT 1) cur
  WHERE p.agreement_id = a.id), '[]'::json)`;

export async function findAgreement(db: Queryable, id: string, { forUpdate = false } = {}): Promise<AgreementRecord | undefined> {
  const { rows } = await db.query<AgreementRecord>(
    `SELECT ${columns}, ${partiesJson} AS parties FROM agreements a
     WHERE a.id = $1 AND a.deleted_at IS NULL ${forUpdate ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

export interface ListFilter {
  /** Whose list it is: only agreements this viewer may read are listed (the access module decides). */
  viewer: Viewer;
  words: string[];
  provinceOrgs: readonly string[] | null;
  partnerOrgs: readonly string[] | null;
  status: AgreementStatus | undefined;
  from: string | undefined;
  to: string | undefined;
  sort: AgreementSortKey | undefined;
  order: 'asc' | 'desc' | undefined;
  limit: number;
  offset: number;
}

/** ORDER BY for each sort key; the folded search text starts with the folded title. */
const sortColumns: Record<AgreementSortKey, string> = {
  title: 'a.search_text',
  signedOn: 'a.signed_on',
  period: 'a.period_start',
  status: "array_position(ARRAY['draft','signed','in_force','completed','expired','terminated'], a.status)",
  taskCount: '"taskCount"',
};

function orderBy(sort: AgreementSortKey | undefined, order: 'asc' | 'desc' | undefined): string {
  const key = sort ?? 'signedOn';
  const direction = (order ?? (sort ? 'asc' : 'desc')) === 'asc' ? 'ASC' : 'DESC';
  return `${sortColumns[key]} ${direction} NULLS LAST, a.created_at DESC, a.id`;
}

/** The statements behind the agreement list: one page, and the number of matching agreements. */
export function agreementListStatements(f: ListFilter): { page: Statement; count: Statement } {
  const params: unknown[] = [];
  const where: string[] = ['a.deleted_at IS NULL'];
  const param = placeholders(params);
  where.push(readableAgreementSql(f.viewer, 'a', param));
  for (const word of f.words) where.push(`a.search_text LIKE ${param(`%${escapeLike(word)}%`)}`);
  if (f.provinceOrgs) {
    where.push(
      `EXISTS (SELECT 1 FROM agreement_parties pp WHERE pp.agreement_id = a.id AND pp.organisation_id = ANY(${param(f.provinceOrgs)}::uuid[]))`,
    );
  }
  if (f.partnerOrgs) {
    where.push(
      `EXISTS (SELECT 1 FROM agreement_parties ep WHERE ep.agreement_id = a.id AND ep.organisation_id = ANY(${param(f.partnerOrgs)}::uuid[]))`,
    );
  }
  if (f.status) where.push(`a.status = ${param(f.status)}`);
  if (f.from) where.push(`(a.period_end IS NULL OR a.period_end >= ${param(f.from)}::date)`);
  if (f.to) where.push(`(a.period_start IS NULL OR a.period_start <= ${param(f.to)}::date)`);
  const whereSql = where.join(' AND ');
  const count = { text: `SELECT count(*)::int AS n FROM agreements a WHERE ${whereSql}`, values: [...params] };
  const page = {
    text: `SELECT a.id, a.title, a.kind, a.reference, a.status, a.signed_on AS "signedOn", a.signed_place AS "signedPlace",
       a.period_start AS "periodStart", a.period_end AS "periodEnd", a.version,
       to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt",
       ${partiesJson} AS parties,
       (SELECT count(*)::int FROM tasks t WHERE t.agreement_id = a.id AND t.deleted_at IS NULL) AS "taskCount"
     FROM agreements a WHERE ${whereSql}
     ORDER BY ${orderBy(f.sort, f.order)}
     LIMIT ${param(f.limit)} OFFSET ${param(f.offset)}`,
    values: params,
  };
  return { page, count };
}

export async function listAgreements(db: Queryable, f: ListFilter): Promise<{ items: AgreementSummary[]; total: number }> {
  const { page, count } = agreementListStatements(f);
  const total = await db.query<{ n: number }>(count.text, count.values);
  const { rows } = await db.query<AgreementSummary>(page.text, page.values);
  return { items: rows, total: total.rows[0]?.n ?? 0 };
}

export async function countTasks(db: Queryable, agreementId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM tasks WHERE agreement_id = $1 AND deleted_at IS NULL', [
    agreementId,
  ]);
  return rows[0]?.n ?? 0;
}

export type AgreementRef = { id: string; title: string };

export async function findRelated(db: Queryable, a: AgreementRecord) {
  const refs = async (sql: string, value: string | null): Promise<AgreementRef[]> =>
    value ? (await db.query<AgreementRef>(sql, [value])).rows : [];
  const base = 'SELECT id, title FROM agreements WHERE deleted_at IS NULL AND';
  return {
    predecessor: (await refs(`${base} id = $1`, a.predecessorId))[0] ?? null,
    successors: await refs(`${base} predecessor_id = $1 ORDER BY signed_on`, a.id),
    parent: (await refs(`${base} id = $1`, a.parentId))[0] ?? null,
    children: await refs(`${base} parent_id = $1 ORDER BY signed_on`, a.id),
  };
}

/** The fields an insert or update writes: the record without its identity, version, times and parties. */
export type AgreementWrite = Omit<AgreementRecord, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'parties'>;

/** The names search knows an agreement's parties by: as signed and who signed, then each organisation's full, short and English names. */
export function partySearchNames(
  parties: readonly { nameAtSigning: string; signatoryName: string | null }[],
  orgs: readonly { nameVi: string; shortName: string | null; nameEn: string | null }[],
): string[] {
  return [
    ...parties.flatMap((p) => [p.nameAtSigning, p.signatoryName ?? '']),
    ...orgs.flatMap((o) => [o.nameVi, o.shortName ?? '', o.nameEn ?? '']),
  ];
}

/** What search finds an agreement by: its title, reference, place, and the parties' names and signatories. */
export function searchTextOf(a: Pick<AgreementWrite, 'title' | 'reference' | 'signedPlace'>, partyNames: string[]): string {
  return foldForSearch([a.title, a.reference ?? '', a.signedPlace ?? '', ...partyNames].join(' '));
}

export async function insertAgreement(
  tx: Queryable,
  a: AgreementWrite,
  parties: PartyRow[],
  partyNames: string[],
  createdBy: string | null,
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO agreements(title, kind, reference, summary, status, signed_on, signed_place, period_start, period_end,
       predecessor_id, parent_id, legal_bases, source_urls, visibility, search_text, created_by, checks_authority,
       at_risk_days, progress_margin, report_cadence)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20) RETURNING id`,
    [
      a.title,
      a.kind,
      a.reference,
      a.summary,
      a.status,
      a.signedOn,
      a.signedPlace,
      a.periodStart,
      a.periodEnd,
      a.predecessorId,
      a.parentId,
      a.legalBases,
      a.sourceUrls,
      a.visibility,
      searchTextOf(a, partyNames),
      createdBy,
      a.checksAuthority,
      a.atRiskDays,
      a.progressMargin,
      a.reportCadence,
    ],
  );
  const id = (rows[0] as { id: string }).id;
  await insertParties(tx, id, parties);
  return id;
}

async function insertParties(tx: Queryable, agreementId: string, parties: PartyRow[]): Promise<void> {
  await tx.query(
    `INSERT INTO agreement_parties(agreement_id, organisation_id, side, position, name_at_signing, label, signatory_name, signatory_title)
     SELECT $1, x.org, x.side, x.pos, x.name, x.label, x.sname, x.stitle
     FROM unnest($2::uuid[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[])
       AS x(org, side, pos, name, label, sname, stitle)`,
    [
      agreementId,
      parties.map((p) => p.organisationId),
      parties.map((p) => p.side),
      parties.map((_, i) => i),
      parties.map((p) => p.nameAtSigning),
      parties.map((p) => p.label),
      parties.map((p) => p.signatoryName),
      parties.map((p) => p.signatoryTitle),
    ],
  );
}

/** Writes the new state of an agreement its change holds locked; `partyNames` null keeps the search text as it is. */
export async function updateAgreement(
  tx: Queryable,
  id: string,
  a: AgreementWrite,
  parties: PartyRow[] | null,
  partyNames: string[] | null,
): Promise<void> {
  await tx.query(
    `UPDATE agreements SET title=$2, kind=$3, reference=$4, summary=$5, status=$6, signed_on=$7, signed_place=$8,
       period_start=$9, period_end=$10, predecessor_id=$11, parent_id=$12, legal_bases=$13, source_urls=$14,
       visibility=$15, search_text=COALESCE($16, search_text), checks_authority=$17,
       at_risk_days=$18, progress_margin=$19, report_cadence=$20, version = version + 1, updated_at = now()
     WHERE id = $1`,
    [
      id,
      a.title,
      a.kind,
      a.reference,
      a.summary,
      a.status,
      a.signedOn,
      a.signedPlace,
      a.periodStart,
      a.periodEnd,
      a.predecessorId,
      a.parentId,
      a.legalBases,
      a.sourceUrls,
      a.visibility,
      partyNames && searchTextOf(a, partyNames),
      a.checksAuthority,
      a.atRiskDays,
      a.progressMargin,
      a.reportCadence,
    ],
  );
  if (parties) {
    await tx.query('DELETE FROM agreement_parties WHERE agreement_id = $1', [id]);
    await insertParties(tx, id, parties);
  }
}

/** Whether following predecessor links from `startId` reaches `id` (a cycle). */
export async function chainReaches(db: Queryable, column: 'predecessor_id' | 'parent_id', startId: string, id: string): Promise<boolean> {
  const { rows } = await db.query(
    `WITH RECURSIVE chain(id, next, depth) AS (
       SELECT id, ${column}, 0 FROM agreements WHERE id = $1
       UNION ALL SELECT a.id, a.${column}, chain.depth + 1 FROM agreements a JOIN chain ON a.id = chain.next WHERE chain.depth < 100)
     SELECT 1 FROM chain WHERE id = $2 LIMIT 1`,
    [startId, id],
  );
  return rows.length > 0;
}

/** Whether the agreement checks "rõ thẩm quyền" (who decides), the sixth criterion of its tasks' check. */
export async function checksAuthority(db: Queryable, agreementId: string): Promise<boolean> {
  const { rows } = await db.query<{ checks: boolean }>('SELECT checks_authority AS checks FROM agreements WHERE id = $1', [agreementId]);
  return rows[0]?.checks ?? false;
}
