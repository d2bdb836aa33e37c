import type { Role, Side } from '@accord/domain';
import type { Rng } from './prng.js';
import type { AgreementEntry, DatasetRegistry, UserEntry } from './registry.js';

/**
 * Who acts for an organisation: users with a role at it or at an organisation above it (an
 * organisation that merged is acted for by its successor's people).
 */
export function usersAbove(data: DatasetRegistry, orgId: string, role: Role): UserEntry[] {
  const found: UserEntry[] = [];
  const seen = new Set<string>();
  let org = data.orgById.get(orgId);
  while (org && !seen.has(org.id)) {
    seen.add(org.id);
    if (org.successorId) {
      org = data.orgById.get(org.successorId);
      continue;
    }
    for (const u of data.usersByOrg.get(org.id) ?? []) if (u.role === role) found.push(u);
    org = org.parentId ? data.orgById.get(org.parentId) : undefined;
  }
  return found;
}

export interface AgreementActors {
  coordinators: Record<Side, UserEntry[]>;
  admins: UserEntry[];
}

/** The coordinators of each side of an agreement (and, for a group, its branch in the province). */
export function agreementActors(data: DatasetRegistry, a: AgreementEntry): AgreementActors {
  const coordinators: Record<Side, UserEntry[]> = { government: [], enterprise: [] };
  for (const p of a.parties) coordinators[p.side].push(...usersAbove(data, p.org.id, 'coordinator'));
  if (a.level === 'group') {
    const branch = a.group.branches.find((b) => b.province === a.province);
    if (branch) coordinators.enterprise.push(...usersAbove(data, branch.org.id, 'coordinator'));
  }
  return { coordinators, admins: data.users.filter((u) => u.role === 'admin') };
}

/** A coordinator of the side (either side when null), or an administrator when there is none. */
export function pickCoordinator(rng: Rng, actors: AgreementActors, side: Side | null): string | null {
  const own = side ? actors.coordinators[side] : [...actors.coordinators.government, ...actors.coordinators.enterprise];
  const pool = own.length > 0 ? own : [...actors.coordinators.government, ...actors.coordinators.enterprise];
  if (pool.length > 0) return rng.pick(pool).id;
  return actors.admins.length > 0 ? rng.pick(actors.admins).id : null;
}
