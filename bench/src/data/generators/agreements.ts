import type { AgreementStatus } from '@accord/domain';
import { agreementActors, pickCoordinator } from '../actors.js';
import type { Generator, GeneratorContext } from '../context.js';
import type { CopyRow } from '../copy.js';
import type { Rng } from '../prng.js';
import type { AgreementEntry, BranchEntry, GroupEntry, OrgEntry, PartyEntry, ProvinceEntry, StatusStep } from '../registry.js';
import { agreementSearchText } from '../search-text.js';
import { DAY_MS, dayOf, isoDay, isoTime, officeTime, yearEnd, yearOf, yearStart } from '../time.js';
import { agreementSummary, agreementTitle, legalBases, provinceSignatoryTitles } from '../vocabulary/agreements.js';
import { groupTemplates } from '../vocabulary/partners.js';
import { personName } from '../vocabulary/people.js';

const MERGER = dayOf('2025-07-01');
const HOUR = 3_600_000;

interface Side {
  org: OrgEntry;
  /** How the title names the party: 'UBND tỉnh Cà Mau', 'VNPT Cà Mau'. */
  titleName: string;
  signatoryTitle: string;
}

interface Spec {
  level: 'group' | 'branch';
  province: ProvinceEntry;
  group: GroupEntry;
  branch: BranchEntry | null;
  government: Side;
  enterprise: Side;
  /** null: a draft, planned to start on `plannedStart`. */
  signedOn: number | null;
  plannedStart: number;
  years: number;
  place: string;
  predecessorId: string | null;
  parentId: string | null;
  /** The period may not run past this day (a branch's agreement ends with its group's). */
  endCap: number | null;
  status?: AgreementStatus;
}

/** Groups a province signs with: the more appealing ones more often, each once. */
function pickGroups(rng: Rng, groups: readonly GroupEntry[], k: number): GroupEntry[] {
  const left = [...groups];
  const chosen: GroupEntry[] = [];
  while (chosen.length < k && left.length > 0) {
    const g = rng.weighted(
      left,
      left.map((x) => x.appeal),
    );
    chosen.push(g);
    left.splice(left.indexOf(g), 1);
  }
  return chosen;
}

/** The province as it signed on that day: before the merger, one of the provinces merged into it. */
function provinceSide(rng: Rng, province: ProvinceEntry, day: number): Side {
  let org = province.org;
  let fullName = province.fullName;
  if (day < MERGER && province.predecessors.length > 0) {
    const host = province.predecessors.find((p) => p.org.code === province.code);
    const chosen = host && rng.chance(0.6) ? host : rng.pick(province.predecessors);
    org = chosen.org;
    fullName = chosen.fullName;
  }
  return { org, titleName: `UBND ${fullName}`, signatoryTitle: `${rng.pick(provinceSignatoryTitles)} ${fullName}` };
}

function templateOf(group: GroupEntry) {
  const template = groupTemplates.find((t) => t.key === group.key);
  if (!template) throw new Error(`No template for the group ${group.key}`);
  return template;
}

/** How the head of a government unit signs: 'Chủ tịch UBND xã …', 'Giám đốc Sở Y tế …'. */
function headOf(org: OrgEntry): string {
  const name = org.nameVi;
  if (org.kind === 'commune') return `Chủ tịch ${name}`;
  if (/^(Văn phòng|Thanh tra)/.test(name)) return `Chánh ${name}`;
  if (name.startsWith('Trường')) return `Hiệu trưởng ${name}`;
  if (name.startsWith('Ban Quản lý')) return `Trưởng ${name}`;
  if (name.startsWith('Liên minh')) return `Chủ tịch ${name}`;
  if (name.startsWith('Báo')) return `Tổng Biên tập ${name}`;
  return `Giám đốc ${name}`;
}

function statusFor(rng: Rng, signedOn: number, periodEnd: number, today: number): AgreementStatus {
  if (periodEnd < today) return rng.weighted<AgreementStatus>(['completed', 'expired', 'terminated'], [76, 20, 4]);
  if (signedOn > today - 45) return rng.chance(0.6) ? 'signed' : 'in_force';
  return rng.weighted<AgreementStatus>(['in_force', 'signed', 'terminated'], [93, 4, 3]);
}

/** The moments an agreement went from draft to its status, each after the one before, none after today. */
function statusWalk(
  rng: Rng,
  a: { status: AgreementStatus; signedOn: number; periodStart: number; periodEnd: number; createdAt: number },
  today: number,
): StatusStep[] {
  const end = officeTime(today, 1);
  const steps: StatusStep[] = [];
  let last = a.createdAt;
  const step = (status: AgreementStatus, day: number) => {
    last = Math.max(last + HOUR, Math.min(end, officeTime(day, rng.next())));
    steps.push({ status, at: last });
  };
  step('signed', a.signedOn);
  if (a.status === 'signed') return steps;
  step('in_force', Math.max(a.signedOn, a.periodStart) + rng.int(20));
  if (a.status === 'completed') step('completed', a.periodEnd + rng.between(5, 60));
  if (a.status === 'expired') step('expired', a.periodEnd + rng.between(1, 20));
  if (a.status === 'terminated') {
    const from = Math.floor(last / DAY_MS) + 30;
    step('terminated', from + rng.int(Math.max(1, Math.min(today, a.periodEnd) - from)));
  }
  return steps;
}

function build(ctx: GeneratorContext, spec: Spec): AgreementEntry {
  const { rng, today, data } = ctx;
  const kind = rng.chance(0.08) ? 'mou' : 'agreement';
  const start = spec.signedOn ?? spec.plannedStart;
  const from = yearOf(start);
  const to = from + spec.years - 1;
  const periodEnd = spec.endCap && spec.endCap < yearEnd(to) && spec.endCap > start + 180 ? spec.endCap : yearEnd(to);
  const signed = spec.signedOn !== null;
  const status = spec.status ?? (spec.signedOn === null ? 'draft' : statusFor(rng, spec.signedOn, periodEnd, today));
  const reference =
    signed && rng.chance(0.75)
      ? `${rng.between(1, 320)}/${kind === 'mou' ? 'BBGN' : 'TTHT'}-UBND-${spec.group.shortName.toUpperCase()}`
      : null;
  const cited = legalBases.filter((b) => dayOf(b.since) <= (spec.signedOn ?? today));
  const party = (s: Side, side: 'government' | 'enterprise', label: string): PartyEntry => {
    const named = signed && rng.chance(0.9);
    return {
      org: s.org,
      side,
      nameAtSigning: s.org.nameVi,
      label,
      signatoryName: named ? personName(rng) : null,
      signatoryTitle: named ? s.signatoryTitle : null,
    };
  };
  const entry: AgreementEntry = {
    id: rng.uuid(),
    level: spec.level,
    province: spec.province,
    group: spec.group,
    branch: spec.branch,
    title: agreementTitle(rng, { kind, from, to, government: spec.government.titleName, enterprise: spec.enterprise.titleName }),
    kind,
    reference,
    summary: rng.chance(0.85)
      ? agreementSummary(rng, { government: spec.government.titleName, enterprise: spec.enterprise.titleName, from, to })
      : null,
    status,
    signedOn: spec.signedOn,
    signedPlace: signed ? spec.place : null,
    periodStart: start,
    periodEnd,
    predecessorId: spec.predecessorId,
    parentId: spec.parentId,
    legalBases: rng
      .sample(cited, rng.weighted([0, 1, 2, 3], [2, 4, 3, 1]))
      .sort((x, y) => cited.indexOf(x) - cited.indexOf(y))
      .map((b) => b.text),
    sourceUrls:
      signed && rng.chance(0.2)
        ? [`https://${spec.province.slug}.gov.vn/tin-tuc/ky-ket-thoa-thuan-hop-tac-chuyen-doi-so-voi-${spec.group.key}-${from}`]
        : [],
    visibility: signed && rng.chance(0.4) ? 'public' : 'parties',
    parties: [party(spec.government, 'government', 'Bên A'), party(spec.enterprise, 'enterprise', 'Bên B')],
    createdBy: null,
    createdAt: officeTime(spec.signedOn !== null ? spec.signedOn - rng.between(5, 45) : today - rng.between(5, 240), rng.next()),
    statusSteps: [],
    editTimes: [],
    version: 1,
    updatedAt: 0,
    areas: [],
    tasks: [],
  };
  const actors = agreementActors(data, entry);
  entry.createdBy = pickCoordinator(rng, actors, rng.chance(0.7) ? 'government' : 'enterprise');
  if (spec.signedOn !== null)
    entry.statusSteps = statusWalk(
      rng,
      { status, signedOn: spec.signedOn, periodStart: start, periodEnd, createdAt: entry.createdAt },
      today,
    );
  const lastStep = entry.statusSteps.at(-1)?.at ?? entry.createdAt;
  const editUntil = Math.max(lastStep, Math.min(officeTime(today, 1), officeTime(periodEnd, 1)));
  entry.editTimes = Array.from(
    { length: rng.weighted([0, 1, 2, 3], [35, 35, 20, 10]) },
    () => entry.createdAt + HOUR + Math.floor(rng.next() * Math.max(0, editUntil - entry.createdAt - HOUR)),
  ).sort((x, y) => x - y);
  entry.version = 1 + entry.statusSteps.length + entry.editTimes.length;
  entry.updatedAt = Math.max(entry.createdAt, lastStep, entry.editTimes.at(-1) ?? 0);
  return entry;
}

const AGREEMENT_COLUMNS = [
  'id',
  'title',
  'kind',
  'reference',
  'summary',
  'status',
  'signed_on',
  'signed_place',
  'period_start',
  'period_end',
  'predecessor_id',
  'parent_id',
  'legal_bases',
  'source_urls',
  'visibility',
  'search_text',
  'created_by',
  'version',
  'created_at',
  'updated_at',
];
const PARTY_COLUMNS = [
  'agreement_id',
  'organisation_id',
  'side',
  'position',
  'name_at_signing',
  'label',
  'signatory_name',
  'signatory_title',
];
const day = (d: number | null) => (d === null ? null : isoDay(d));

function agreementRow(a: AgreementEntry): CopyRow {
  return [
    a.id,
    a.title,
    a.kind,
    a.reference,
    a.summary,
    a.status,
    day(a.signedOn),
    a.signedPlace,
    day(a.periodStart),
    day(a.periodEnd),
    a.predecessorId,
    a.parentId,
    a.legalBases,
    a.sourceUrls,
    a.visibility,
    agreementSearchText(a, a.parties),
    a.createdBy,
    a.version,
    isoTime(a.createdAt),
    isoTime(a.updatedAt),
  ];
}

/**
 * About 300 agreements at scale 1: most provinces sign with two to four groups (some renewing a
 * 2021 agreement), and groups' branches sign with communes and departments under those.
 */
export const agreementsGenerator: Generator = {
  name: 'agreements',
  dependsOn: ['organisations', 'users'],
  tables: ['agreements', 'agreement_parties'],
  async generate(ctx) {
    const { rng, data, today } = ctx;
    const total = Math.max(3, Math.round(300 * ctx.scale));
    const pairs = data.provinces
      .filter((p) => p.active)
      .flatMap((province) =>
        pickGroups(rng, data.groups, rng.weighted([2, 3, 4], [3, 4, 2]))
          .sort((x, y) => y.appeal - x.appeal)
          // The largest province with its most popular partner comes first: the national-size plan.
          .map((group, i) => ({ province, group, key: province.rank + (i === 0 && province.rank === 0 ? -1 : rng.next() * 6) })),
      )
      .sort((x, y) => x.key - y.key);
    const groupCount = Math.min(pairs.length, Math.max(2, Math.round(total * 0.34)));
    const chosen = pairs.slice(0, groupCount);
    const renewed = new Set(rng.sample(chosen.slice(1), Math.min(groupCount - 1, Math.round(total * 0.12))));
    const groupSide = (g: GroupEntry): Side => ({
      org: g.org,
      titleName: g.org.nameVi,
      signatoryTitle: rng.pick(templateOf(g).signatoryTitles),
    });
    const placeOf = (s: Side, province: ProvinceEntry) =>
      rng.weighted(
        [s.titleName.replace(/^UBND (tỉnh|thành phố) /, ''), `Trụ sở ${s.titleName}`, 'Hà Nội'],
        [2, 1, province.rank === 0 ? 0 : 1],
      );

    const predecessors: AgreementEntry[] = [];
    const current: AgreementEntry[] = [];
    chosen.forEach((pair, i) => {
      const { province, group } = pair;
      let predecessor: AgreementEntry | null = null;
      if (renewed.has(pair)) {
        const signedOn = rng.between(dayOf('2021-01-05'), dayOf('2021-12-20'));
        const government = provinceSide(rng, province, signedOn);
        predecessor = build(ctx, {
          level: 'group',
          province,
          group,
          branch: null,
          government,
          enterprise: groupSide(group),
          signedOn,
          plannedStart: signedOn,
          years: rng.between(3, 4),
          place: placeOf(government, province),
          predecessorId: null,
          parentId: null,
          endCap: null,
        });
        predecessors.push(predecessor);
      }
      const isLargest = i === 0;
      let signedOn: number | null;
      if (isLargest) signedOn = rng.between(dayOf('2024-01-15'), dayOf('2024-12-15'));
      else if (rng.chance(0.07)) signedOn = null;
      else if (predecessor?.periodEnd) signedOn = Math.min(today - 5, predecessor.periodEnd - 60 + rng.int(300));
      else signedOn = rng.chance(0.5) ? rng.between(dayOf('2022-01-10'), today - 5) : rng.between(dayOf('2025-01-02'), today - 5);
      const government = provinceSide(rng, province, signedOn ?? today);
      current.push(
        build(ctx, {
          level: 'group',
          province,
          group,
          branch: null,
          government,
          enterprise: groupSide(group),
          signedOn,
          plannedStart: yearStart(yearOf(today) + 1),
          years: isLargest ? 5 : rng.between(3, 5),
          place: placeOf(government, province),
          predecessorId: predecessor?.id ?? null,
          parentId: null,
          endCap: null,
          ...(isLargest ? { status: 'in_force' as const } : {}),
        }),
      );
    });

    const parents = current.filter((a) => a.signedOn !== null);
    const branchLevel: AgreementEntry[] = [];
    const taken = new Set<string>();
    const branchCount = Math.max(1, total - current.length - predecessors.length);
    for (let i = 0, tries = 0; i < branchCount && tries < branchCount * 20; tries++) {
      const parent = rng.pick(parents);
      const branch = parent.group.branches.find((b) => b.province === parent.province);
      const province = parent.province;
      const useCommune = province.communes.length > 0 && rng.chance(0.6);
      const org = rng.pick(useCommune ? province.communes : province.departments);
      if (!branch || taken.has(`${org.id}:${branch.org.id}`)) continue;
      taken.add(`${org.id}:${branch.org.id}`);
      i++;
      const earliest = Math.max((parent.signedOn ?? today) + 30, useCommune || province.predecessors.length > 0 ? MERGER : 0);
      const signedOn = earliest > today - 3 || rng.chance(0.08) ? null : rng.between(earliest, today - 3);
      branchLevel.push(
        build(ctx, {
          level: 'branch',
          province,
          group: parent.group,
          branch,
          government: { org, titleName: org.nameVi, signatoryTitle: headOf(org) },
          enterprise: {
            org: branch.org,
            titleName: branch.org.shortName ?? branch.org.nameVi,
            signatoryTitle: templateOf(parent.group).branchSignatory(province),
          },
          signedOn,
          plannedStart: Math.max(today + 30, earliest),
          years: rng.between(2, 4),
          place: province.name,
          predecessorId: null,
          parentId: parent.id,
          endCap: parent.periodEnd,
        }),
      );
    }

    data.agreements.push(...predecessors, ...current, ...branchLevel);
    await ctx.copy('agreements', AGREEMENT_COLUMNS, data.agreements.map(agreementRow));
    await ctx.copy(
      'agreement_parties',
      PARTY_COLUMNS,
      data.agreements.flatMap((a) =>
        a.parties.map((p, position): CopyRow => [
          a.id,
          p.org.id,
          p.side,
          position,
          p.nameAtSigning,
          p.label,
          p.signatoryName,
          p.signatoryTitle,
        ]),
      ),
    );
  },
};
