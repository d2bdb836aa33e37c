import { defaultStatusRules, sideOfKind, type OrganisationKind } from '@accord/domain';
import type { Db } from '@accord/server/src/db/pool.js';
import { insertAgreement } from '@accord/server/src/modules/agreements/agreement.repository.js';
import { hashPassword } from '@accord/server/src/modules/auth/password.js';
import { insertOrganisation } from '@accord/server/src/modules/organisations/organisation.repository.js';
import { insertArea } from '@accord/server/src/modules/plan/plan.repository.js';

/** The password of the run's accounts (they live only in the run's own database). */
export const FAULT_PASSWORD = 'Chạy-lỗi dài 2026';

/** What the load works on: one agreement in force between a province and a partner group, one area, and a coordinator per client. */
export interface FaultWorld {
  agreementId: string;
  areaId: string;
  /** One coordinator of the province per client, so that each client's session and keys are its own. */
  emails: string[];
}

async function organisation(db: Db, kind: OrganisationKind, nameVi: string): Promise<string> {
  const created = await insertOrganisation(db, {
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
  });
  return created.id;
}

async function agreement(db: Db, provinceId: string, groupId: string): Promise<string> {
  const parties = [
    { organisationId: provinceId, side: 'government' as const, nameAtSigning: 'UBND tỉnh Cà Mau' },
    { organisationId: groupId, side: 'enterprise' as const, nameAtSigning: 'Tập đoàn Viễn thông' },
  ].map((p) => ({ ...p, label: null, signatoryName: null, signatoryTitle: null }));
  return insertAgreement(
    db,
    {
      title: 'Thỏa thuận hợp tác chuyển đổi số (chạy lỗi dài)',
      kind: 'agreement',
      reference: null,
      summary: null,
      status: 'in_force',
      signedOn: '2025-09-11',
      signedPlace: null,
      periodStart: '2025-01-01',
      periodEnd: '2030-12-31',
      predecessorId: null,
      parentId: null,
      legalBases: [],
      sourceUrls: [],
      visibility: 'parties',
      checksAuthority: false,
      atRiskDays: defaultStatusRules.atRiskDays,
      progressMargin: defaultStatusRules.progressMargin,
      reportCadence: 'monthly',
    },
    parties,
    parties.map((p) => p.nameAtSigning),
    null,
  );
}

/** Builds the run's world directly through the repositories (a few rows, so the run starts in a second). */
export async function buildFaultWorld(db: Db, clients: number): Promise<FaultWorld> {
  const provinceId = await organisation(db, 'province', 'Tỉnh Cà Mau');
  const groupId = await organisation(db, 'enterprise_group', 'Tập đoàn Viễn thông Quân đội');
  const agreementId = await agreement(db, provinceId, groupId);
  const area = await insertArea(db, agreementId, { theme: 'digital_government', title: 'Chính quyền số', description: null });
  const hash = await hashPassword(FAULT_PASSWORD);
  const emails: string[] = [];
  for (let i = 0; i < clients; i++) {
    const email = `dieuphoi-${i + 1}@faults.camau.gov.vn`;
    await db.query('INSERT INTO users(email, display_name, password_hash, role, organisation_id) VALUES ($1,$2,$3,$4,$5)', [
      email,
      `Điều phối viên ${i + 1}`,
      hash,
      'coordinator',
      provinceId,
    ]);
    emails.push(email);
  }
  return { agreementId, areaId: area.id, emails };
}
