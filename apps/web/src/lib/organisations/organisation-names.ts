import type { Organisation } from '@accord/domain';

/** The organisation's name in the interface language (English falls back to Vietnamese). */
export function organisationName(org: Pick<Organisation, 'nameVi' | 'nameEn'>, language: string): string {
  return language === 'en' ? (org.nameEn ?? org.nameVi) : org.nameVi;
}

const committeePrefix = /^(ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+(tỉnh|thành phố|tp\.?)\s*/iu;

/** A short name: "Ủy ban nhân dân tỉnh Hải Dương" / "UBND TP. Hải Phòng" → "Hải Dương" / "Hải Phòng"; "VNPT". */
export function shortName(org: Pick<Organisation, 'nameVi' | 'shortName'>): string {
  return (org.shortName ?? org.nameVi).replace(committeePrefix, '');
}

/** Merged or dissolved: it has an end of validity or a successor. */
export function isHistorical(org: Pick<Organisation, 'validTo' | 'successorId'>): boolean {
  return org.validTo !== null || org.successorId !== null;
}

export function indexById(orgs: readonly Organisation[]): Map<string, Organisation> {
  return new Map(orgs.map((o) => [o.id, o]));
}

/** The top of the organisation's tree (its province or group). */
export function rootOf(org: Organisation, byId: ReadonlyMap<string, Organisation>): Organisation {
  let current = org;
  const seen = new Set<string>();
  while (current.parentId && !seen.has(current.id)) {
    seen.add(current.id);
    const parent = byId.get(current.parentId);
    if (!parent) break;
    current = parent;
  }
  return current;
}

/** The organisation's successor at the end of a chain of mergers. */
export function latestSuccessor(org: Organisation, byId: ReadonlyMap<string, Organisation>): Organisation | null {
  let current: Organisation | undefined = org.successorId ? byId.get(org.successorId) : undefined;
  const seen = new Set<string>([org.id]);
  while (current?.successorId && !seen.has(current.id)) {
    seen.add(current.id);
    const next = byId.get(current.successorId);
    if (!next) break;
    current = next;
  }
  return current ?? null;
}

/** The ids of the given organisations and of everything below them. */
export function subtreeIds(rootIds: readonly string[], orgs: readonly Organisation[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const o of orgs) {
    if (!o.parentId) continue;
    const list = children.get(o.parentId) ?? [];
    list.push(o.id);
    children.set(o.parentId, list);
  }
  const result = new Set<string>();
  const stack = [...rootIds];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (result.has(id)) continue;
    result.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return result;
}
