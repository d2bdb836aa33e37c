import type { AgreementDetail } from '@accord/domain';
import { describe, expect, it } from 'vitest';
import { translator } from '../../../test/i18n';
import { buildOrganisation } from '../../../test/organisation-factories';
import {
  draftFromAgreement,
  emptyDraft,
  partyLabel,
  toCreateBody,
  toUpdateBody,
  validateDraft,
  type AgreementDraft,
} from './agreement-draft';

const vi = translator('vi', 'agreements');
const en = translator('en', 'agreements');

const PROVINCE = '11111111-1111-4111-8111-111111111111';
const OTHER_PROVINCE = '22222222-2222-4222-8222-222222222222';
const ENTERPRISE = '33333333-3333-4333-8333-333333333333';

const orgs = new Map(
  [
    buildOrganisation('UBND tỉnh Cà Mau', { id: PROVINCE }),
    buildOrganisation('UBND tỉnh Bạc Liêu', { id: OTHER_PROVINCE }),
    buildOrganisation('Viettel', { id: ENTERPRISE, kind: 'enterprise_group', side: 'enterprise' }),
  ].map((o) => [o.id, o]),
);

function readyDraft(overrides: Partial<AgreementDraft> = {}): AgreementDraft {
  const draft = emptyDraft(vi);
  const [a, b] = draft.parties;
  return {
    ...draft,
    title: 'Thỏa thuận hợp tác chuyển đổi số giai đoạn 2025–2030',
    parties: [
      { ...a!, organisationId: PROVINCE },
      { ...b!, organisationId: ENTERPRISE },
    ],
    ...overrides,
  };
}

function agreement(overrides: Partial<AgreementDetail> = {}): AgreementDetail {
  const party = (organisationId: string, side: 'government' | 'enterprise', label: string) => ({
    organisationId,
    side,
    organisationName: label,
    currentOrganisationId: organisationId,
    currentOrganisationName: label,
    label,
    signatoryName: null,
    signatoryTitle: null,
  });
  return {
    id: '44444444-4444-4444-8444-444444444444',
    title: 'Thỏa thuận',
    kind: 'agreement',
    reference: null,
    status: 'signed',
    signedOn: '2025-01-15',
    signedPlace: null,
    periodStart: '2025-01-15',
    periodEnd: null,
    parties: [party(PROVINCE, 'government', 'Bên A'), party(ENTERPRISE, 'enterprise', 'Bên B')],
    taskCount: 0,
    version: 3,
    updatedAt: '2025-01-15T00:00:00Z',
    summary: null,
    legalBases: ['Nghị quyết 57-NQ/TW'],
    sourceUrls: [],
    visibility: 'parties',
    checksAuthority: false,
    atRiskDays: 7,
    progressMargin: 20,
    reportCadence: 'monthly',
    predecessor: null,
    successors: [],
    parent: null,
    children: [],
    createdAt: '2025-01-15T00:00:00Z',
    permissions: {
      side: 'government',
      allowed: { update: true, changeStatus: true, writeAreas: true, createTasks: true, importPlan: true },
    },
    ...overrides,
  };
}

describe('a new agreement', () => {
  it('starts with two parties, "Bên A" and "Bên B", each its own row', () => {
    const draft = emptyDraft(vi);
    expect(draft.parties.map((p) => p.label)).toEqual(['Bên A', 'Bên B']);
    expect(new Set(draft.parties.map((p) => p.key)).size).toBe(2);
    expect(emptyDraft(en).parties.map((p) => p.label)).toEqual(['Party A', 'Party B']);
    expect(partyLabel(2, vi)).toBe('Bên C');
  });

  it('is sent without blank lines in its legal bases and sources', () => {
    const body = toCreateBody(readyDraft({ legalBases: ['  Nghị quyết 57-NQ/TW ', '', '   '], sourceUrls: ['', 'https://mic.gov.vn/a'] }));
    expect(body.legalBases).toEqual(['Nghị quyết 57-NQ/TW']);
    expect(body.sourceUrls).toEqual(['https://mic.gov.vn/a']);
    expect(body.parties.map((p) => p.organisationId)).toEqual([PROVINCE, ENTERPRISE]);
  });
});

describe('editing an agreement', () => {
  it('fills the form from the agreement, with empty text where it has none', () => {
    const draft = draftFromAgreement(agreement({ predecessor: { id: OTHER_PROVINCE, title: 'Cũ' } }));
    expect(draft).toMatchObject({
      title: 'Thỏa thuận',
      reference: '',
      signedPlace: '',
      signedOn: '2025-01-15',
      predecessorId: OTHER_PROVINCE,
    });
    expect(draft.parties.map((p) => [p.organisationId, p.label, p.signatoryName])).toEqual([
      [PROVINCE, 'Bên A', ''],
      [ENTERPRISE, 'Bên B', ''],
    ]);
  });

  it('leaves the parties out when they did not change, so the names as signed stay', () => {
    // Two loads of the same agreement give the rows new keys: that is not a change.
    const body = toUpdateBody(draftFromAgreement(agreement()), draftFromAgreement(agreement()));
    expect(body).not.toHaveProperty('parties');
    expect(body.title).toBe('Thỏa thuận');
  });

  it('sends the parties when a signatory changes', () => {
    const initial = draftFromAgreement(agreement());
    const [a, b] = initial.parties;
    const edited = { ...initial, parties: [{ ...a!, signatoryName: 'Nguyễn Văn A' }, b!] };
    expect(toUpdateBody(edited, initial).parties?.[0]).toMatchObject({ organisationId: PROVINCE, signatoryName: 'Nguyễn Văn A' });
  });
});

describe('checking an agreement before it is sent', () => {
  it('accepts one government and one enterprise party', () => {
    expect(validateDraft(readyDraft(), orgs, vi, 'create')).toEqual({});
  });

  it('asks for a title and for each party’s organisation', () => {
    const draft = emptyDraft(vi);
    const errors = validateDraft(draft, orgs, vi, 'create');
    expect(errors.title).toBe('Bắt buộc nhập.');
    expect(errors['parties.0.organisationId']).toBe('Bắt buộc nhập.');
    expect(errors['parties.1.organisationId']).toBe('Bắt buộc nhập.');
  });

  it('needs a government party and an enterprise party', () => {
    const draft = readyDraft();
    const [a, b] = draft.parties;
    const twoProvinces = { ...draft, parties: [a!, { ...b!, organisationId: OTHER_PROVINCE }] };
    expect(validateDraft(twoProvinces, orgs, vi, 'update')).toEqual({
      parties: 'Thỏa thuận cần ít nhất một bên chính quyền và một bên doanh nghiệp.',
    });
  });

  it('refuses the same organisation twice, on the second row', () => {
    const draft = readyDraft();
    const [a] = draft.parties;
    const twice = { ...draft, parties: [a!, { ...a!, key: 'other' }, ...draft.parties.slice(1)] };
    expect(validateDraft(twice, orgs, vi, 'create')).toEqual({ 'parties.1.organisationId': 'Tổ chức này đã là một bên của thỏa thuận.' });
  });

  it('refuses a period that ends before it starts, and a source that is not a web link', () => {
    const errors = validateDraft(
      readyDraft({ periodStart: '2025-06-01', periodEnd: '2025-01-01', sourceUrls: ['ftp://files.example/a.pdf'] }),
      orgs,
      vi,
      'create',
    );
    expect(errors).toEqual({
      periodEnd: 'Ngày kết thúc không được trước ngày bắt đầu.',
      'sourceUrls.0': 'Đường dẫn phải bắt đầu bằng http:// hoặc https://.',
    });
  });
});
