import { foldForSearch, sideOfKind } from '@accord/domain';
import { provinceOrganisations } from '@accord/server/src/seed/provinces.js';
import type { Generator, GeneratorContext } from '../context.js';
import type { CopyRow } from '../copy.js';
import type { BranchEntry, DatasetRegistry, GroupEntry, OrgEntry, ProvinceEntry } from '../registry.js';
import { organisationSearchText } from '../search-text.js';
import { clamp, dayOf, isoTime, officeTime } from '../time.js';
import { coreDepartments, optionalDepartments, communeNames, type ProvinceNaming } from '../vocabulary/places.js';
import { groupTemplates } from '../vocabulary/partners.js';

/** Big cities first: at small scales they are the provinces that get agreements and accounts. */
const LEADING_PROVINCES = ['01', '79', '48', '31', '92', '46'];
const MERGER_DAY = '2025-07-01';

type OrgFields = Pick<OrgEntry, 'parentId' | 'kind' | 'nameVi'> &
  Partial<Pick<OrgEntry, 'nameEn' | 'shortName' | 'code' | 'codeScheme' | 'validFrom' | 'validTo' | 'successorId'>>;

/** How many provinces are in play: all 34 from scale 0.1; at tiny scales a few, the largest first. */
export function activeProvinceCount(scale: number): number {
  return scale >= 0.1 ? 34 : clamp(Math.ceil(340 * scale), 2, 34);
}

class OrgBook {
  constructor(
    private readonly ctx: GeneratorContext,
    private readonly data: DatasetRegistry,
  ) {}

  add(fields: OrgFields, createdDay: number): OrgEntry {
    const org: OrgEntry = {
      id: this.ctx.rng.uuid(),
      side: sideOfKind(fields.kind),
      nameEn: null,
      shortName: null,
      code: null,
      codeScheme: null,
      validFrom: null,
      validTo: null,
      successorId: null,
      ...fields,
      createdAt: officeTime(createdDay, this.ctx.rng.next()),
    };
    this.data.organisations.push(org);
    this.data.orgById.set(org.id, org);
    return org;
  }
}

function buildProvinces(ctx: GeneratorContext, book: OrgBook, orgScale: number): ProvinceEntry[] {
  const { rng } = ctx;
  const systemStart = dayOf('2021-01-04');
  const source = provinceOrganisations();
  const current = source.filter((p) => p.codeScheme === 'post2025');
  const others = rng.shuffle(current.filter((p) => !LEADING_PROVINCES.includes(p.code)).map((p) => p.code));
  const rankOf = new Map([...LEADING_PROVINCES, ...others].map((code, i) => [code, i]));
  const active = activeProvinceCount(ctx.scale);
  const byKey = new Map<string, ProvinceEntry>();

  for (const p of current) {
    const fullName = p.nameVi.replace(/^Ủy ban nhân dân /, '');
    const isCity = fullName.startsWith('thành phố ');
    const name = fullName.replace(/^(tỉnh|thành phố) /, '');
    const org = book.add(
      {
        parentId: null,
        kind: 'province',
        nameVi: p.nameVi,
        nameEn: p.nameEn ?? null,
        shortName: p.shortName ?? null,
        code: p.code,
        codeScheme: 'post2025',
        validFrom: p.validFrom ?? null,
      },
      systemStart,
    );
    const rank = rankOf.get(p.code) ?? 99;
    const province: ProvinceEntry = {
      org,
      code: p.code,
      name,
      fullName,
      isCity,
      slug: foldForSearch(name).replace(/[^a-z0-9]/g, ''),
      rank,
      active: rank < active,
      departments: [],
      communes: [],
      predecessors: [],
    };
    byKey.set(p.key, province);
    const naming: ProvinceNaming = {
      vi: fullName,
      en: p.nameEn?.replace(/ (Provincial|City) People's Committee$/, isCity ? ' City' : ' Province') ?? name,
      enAdj: isCity ? `${name} City` : `${name} Provincial`,
    };
    province.departments = buildDepartments(ctx, book, org, naming, orgScale);
    province.communes = buildCommunes(ctx, book, province, orgScale);
  }
  // The provinces merged on 1 July 2025 stay as history, pointing to their successor.
  for (const p of source) {
    if (p.codeScheme !== 'pre2025' || !p.successorKey) continue;
    const successor = byKey.get(p.successorKey);
    if (!successor) throw new Error(`Unknown successor ${p.successorKey}`);
    const fullName = p.nameVi.replace(/^Ủy ban nhân dân /, '');
    const org = book.add(
      {
        parentId: null,
        kind: 'province',
        nameVi: p.nameVi,
        nameEn: p.nameEn ?? null,
        shortName: p.shortName ?? null,
        code: p.code,
        codeScheme: 'pre2025',
        validTo: p.validTo ?? null,
        successorId: successor.org.id,
      },
      systemStart,
    );
    successor.predecessors.push({ org, name: fullName.replace(/^(tỉnh|thành phố) /, ''), fullName });
  }
  return [...byKey.values()].sort((a, b) => a.rank - b.rank);
}

function buildDepartments(ctx: GeneratorContext, book: OrgBook, province: OrgEntry, naming: ProvinceNaming, orgScale: number): OrgEntry[] {
  const { rng } = ctx;
  const count = Math.max(3, Math.round(rng.between(15, 25) * orgScale));
  const chosen = [...coreDepartments, ...rng.shuffle([...optionalDepartments])].slice(0, count);
  const byKey = new Map<string, OrgEntry>();
  const result: OrgEntry[] = [];
  // Parents first: the core departments come first in the list.
  for (const t of chosen) {
    const parent = t.parentKey ? byKey.get(t.parentKey) : province;
    if (!parent) continue;
    const org = book.add(
      { parentId: parent.id, kind: 'department', nameVi: t.vi(naming), nameEn: t.en(naming) },
      dayOf('2021-01-04') + rng.int(60),
    );
    byKey.set(t.key, org);
    result.push(org);
  }
  return result;
}

function buildCommunes(ctx: GeneratorContext, book: OrgBook, province: ProvinceEntry, orgScale: number): OrgEntry[] {
  const { rng } = ctx;
  // About 3,300 wards and communes nationwide since 1 July 2025, unevenly spread.
  const base = province.rank < 2 ? rng.between(126, 168) : 50 + Math.round(100 * rng.next() ** 1.5);
  const count = Math.max(2, Math.round(base * orgScale));
  const wardShare = province.isCity ? 0.6 : 0.15;
  return communeNames(rng, count).map((name) => {
    const ward = rng.chance(wardShare);
    return book.add(
      {
        parentId: province.org.id,
        kind: 'commune',
        nameVi: `UBND ${ward ? 'phường' : 'xã'} ${name}`,
        nameEn: `${name} ${ward ? 'Ward' : 'Commune'} People's Committee`,
        validFrom: MERGER_DAY,
      },
      dayOf('2025-06-20') + rng.int(10),
    );
  });
}

function buildGroups(ctx: GeneratorContext, book: OrgBook, provinces: ProvinceEntry[], orgScale: number): GroupEntry[] {
  const { rng } = ctx;
  const start = dayOf('2021-01-04');
  return groupTemplates.map((t) => {
    const org = book.add({ parentId: null, kind: 'enterprise_group', nameVi: t.nameVi, nameEn: t.nameEn, shortName: t.shortName }, start);
    const units = t.units
      .slice(0, Math.max(1, Math.round(t.units.length * orgScale)))
      .map((u) => book.add({ parentId: org.id, kind: 'enterprise_unit', ...u }, start + rng.int(30)));
    const group: GroupEntry = { key: t.key, org, shortName: t.shortName, appeal: t.appeal, units, branches: [] };
    for (const province of provinces) {
      const names = t.branch(province);
      const branchOrg = book.add({ parentId: org.id, kind: 'branch', ...names }, start + rng.int(60));
      const unitCount = Math.round(rng.between(1, Math.min(4, t.branchUnits.length)) * orgScale);
      const branchUnits = rng
        .sample(t.branchUnits, unitCount)
        .map((make) => book.add({ parentId: branchOrg.id, kind: 'enterprise_unit', ...make(province) }, start + rng.int(90)));
      const branch: BranchEntry = { org: branchOrg, group, province, units: branchUnits };
      group.branches.push(branch);
    }
    return group;
  });
}

const COLUMNS = [
  'id',
  'parent_id',
  'kind',
  'side',
  'name_vi',
  'name_en',
  'short_name',
  'code',
  'code_scheme',
  'valid_from',
  'valid_to',
  'successor_id',
  'search_text',
  'version',
  'created_at',
  'updated_at',
];

function toRow(o: OrgEntry): CopyRow {
  const at = isoTime(o.createdAt);
  return [
    o.id,
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
    1,
    at,
    at,
  ];
}

/**
 * The two sides' organisation trees: the Ministry of Science and Technology; the 34 provinces
 * (and the merged ones as history) with departments and wards/communes; six technology groups
 * with member units, a branch in every province and units under the branches.
 */
export const organisationsGenerator: Generator = {
  name: 'organisations',
  dependsOn: [],
  tables: ['organisations'],
  async generate(ctx) {
    const { data } = ctx;
    const book = new OrgBook(ctx, data);
    const orgScale = clamp(Math.sqrt(ctx.scale), 0.1, 1);
    const start = dayOf('2021-01-04');
    data.central = book.add(
      {
        parentId: null,
        kind: 'central_agency',
        nameVi: 'Bộ Khoa học và Công nghệ',
        nameEn: 'Ministry of Science and Technology',
        shortName: 'Bộ KH&CN',
      },
      start,
    );
    const centralId = data.central.id;
    data.centralUnits = [
      ['Cục Chuyển đổi số quốc gia', 'National Digital Transformation Agency'],
      ['Cục Bưu điện Trung ương', 'Central Post Office Department'],
      ['Cục Viễn thông', 'Telecommunications Authority'],
    ].map(([vi, en]) => book.add({ parentId: centralId, kind: 'department', nameVi: vi as string, nameEn: en as string }, start));
    data.provinces = buildProvinces(ctx, book, orgScale);
    data.groups = buildGroups(ctx, book, data.provinces, orgScale);
    await ctx.copy('organisations', COLUMNS, data.organisations.map(toRow));
  },
};
