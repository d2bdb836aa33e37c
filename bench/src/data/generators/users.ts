import type { Role } from '@accord/domain';
import { hashPassword } from '@accord/server/src/modules/auth/password.js';
import type { Generator, GeneratorContext } from '../context.js';
import type { CopyRow } from '../copy.js';
import { weightedTable } from '../prng.js';
import type { OrgEntry, UserEntry } from '../registry.js';
import { dayOf, isoTime, officeTime } from '../time.js';
import { personName } from '../vocabulary/people.js';

/** Every generated account signs in with this password. */
export const BENCH_PASSWORD = 'Accord@2026';
export const BENCH_EMAIL_DOMAIN = 'bench.accord.vn';

interface Seat {
  org: OrgEntry;
  role: Role;
}

/** The part of an e-mail address that says where someone works: 'camau', 'vnpt-camau', 'bokhcn'. */
function emailSlugs(ctx: GeneratorContext): Map<string, string> {
  const { data } = ctx;
  const slugs = new Map<string, string>();
  const set = (orgs: readonly OrgEntry[], slug: string) => orgs.forEach((o) => slugs.set(o.id, slug));
  if (data.central) set([data.central, ...data.centralUnits], 'bokhcn');
  for (const p of data.provinces) set([p.org, ...p.departments, ...p.communes, ...p.predecessors.map((x) => x.org)], p.slug);
  for (const g of data.groups) {
    set([g.org, ...g.units], g.key);
    for (const b of g.branches) set([b.org, ...b.units], `${g.key}-${b.province.slug}`);
  }
  return slugs;
}

/** Coordinators and leaders: one each per province, group and branch, the largest provinces first. */
function managementSeats(ctx: GeneratorContext): Seat[] {
  const { data } = ctx;
  const pair = (org: OrgEntry): Seat[] => [
    { org, role: 'coordinator' },
    { org, role: 'leader' },
  ];
  const active = data.provinces.filter((p) => p.active);
  const seats: Seat[] = [];
  active.forEach((province, i) => {
    seats.push(...pair(province.org));
    if (i === 0) seats.push(...data.groups.flatMap((g) => pair(g.org)));
    for (const g of data.groups) {
      const branch = g.branches.find((b) => b.province === province);
      if (branch) seats.push(...pair(branch.org));
    }
  });
  return seats;
}

/** Where unit officers work, and how many of them each kind of organisation has. */
function officerPlaces(ctx: GeneratorContext): (rng: GeneratorContext['rng']) => OrgEntry {
  const { data } = ctx;
  const entries: [OrgEntry, number][] = [];
  for (const p of data.provinces.filter((x) => x.active)) {
    entries.push([p.org, 3]);
    for (const d of p.departments) entries.push([d, 8]);
    for (const c of p.communes) entries.push([c, 1.6]);
  }
  for (const u of data.centralUnits) entries.push([u, 2]);
  for (const g of data.groups) {
    entries.push([g.org, 2]);
    for (const u of g.units) entries.push([u, 3]);
    for (const b of g.branches.filter((x) => x.province.active)) {
      entries.push([b.org, 5]);
      for (const u of b.units) entries.push([u, 3]);
    }
  }
  return weightedTable(entries);
}

const COLUMNS = [
  'id',
  'email',
  'display_name',
  'password_hash',
  'role',
  'organisation_id',
  'locale',
  'version',
  'created_at',
  'updated_at',
];

/**
 * About 20,000 accounts at scale 1, on both sides: two administrators, observers at the ministry
 * and the groups, a coordinator and a leader per province, group and branch, and unit officers
 * in departments, communes, branches and units. All share one password, hashed once.
 */
export const usersGenerator: Generator = {
  name: 'users',
  dependsOn: ['organisations'],
  tables: ['users'],
  async generate(ctx) {
    const { rng, data } = ctx;
    const central = data.central;
    const firstGroup = data.groups[0];
    const firstProvince = data.provinces[0];
    if (!central || !firstGroup || !firstProvince) throw new Error('users need the organisations generator');
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const total = Math.max(24, Math.round(20_000 * ctx.scale));
    const scaled = (n: number) => Math.max(1, Math.round(n * ctx.scale));

    const seats: Seat[] = [
      { org: central, role: 'admin' },
      { org: firstGroup.org, role: 'admin' },
      ...Array.from({ length: scaled(10) }, (_, i): Seat => ({
        org: i === 0 ? central : rng.pick([central, ...data.centralUnits]),
        role: 'observer',
      })),
      ...Array.from({ length: scaled(6) }, (_, i): Seat => ({
        org: (data.groups[i % data.groups.length] ?? firstGroup).org,
        role: 'observer',
      })),
    ];
    const management = managementSeats(ctx);
    seats.push(...management.slice(0, Math.max(16, Math.round(total * 0.0245))));
    // At least one officer on each side where the first agreements are.
    const firstBranch = firstGroup.branches.find((b) => b.province === firstProvince);
    seats.push({ org: firstProvince.departments[0] ?? firstProvince.org, role: 'unit_officer' });
    seats.push({ org: firstBranch?.org ?? firstGroup.org, role: 'unit_officer' });
    const place = officerPlaces(ctx);
    while (seats.length < total) seats.push({ org: place(rng), role: 'unit_officer' });

    const slugs = emailSlugs(ctx);
    const firstDay = dayOf('2021-02-01');
    const rows: CopyRow[] = seats.map((seat, i) => {
      const user: UserEntry = {
        id: rng.uuid(),
        email: `u${String(i + 1).padStart(5, '0')}.${slugs.get(seat.org.id) ?? 'accord'}@${BENCH_EMAIL_DOMAIN}`,
        displayName: personName(rng),
        role: seat.role,
        organisationId: seat.org.id,
        side: seat.org.side,
      };
      data.users.push(user);
      const list = data.usersByOrg.get(seat.org.id);
      if (list) list.push(user);
      else data.usersByOrg.set(seat.org.id, [user]);
      const created = isoTime(
        officeTime(seat.role === 'admin' ? firstDay : firstDay + rng.int(Math.max(1, ctx.today - firstDay)), rng.next()),
      );
      return [
        user.id,
        user.email,
        user.displayName,
        passwordHash,
        user.role,
        user.organisationId,
        rng.chance(0.05) ? 'en' : 'vi',
        1,
        created,
        created,
      ];
    });
    await ctx.copy('users', COLUMNS, rows);
  },
};
