import type { Organisation } from '@accord/domain';

let sequence = 0;

/** A current province-level organisation unless told otherwise; ids are readable ("o1", …) unless given. */
export function buildOrganisation(nameVi: string, overrides: Partial<Organisation> = {}): Organisation {
  sequence += 1;
  return {
    id: `o${sequence}`,
    parentId: null,
    kind: 'province',
    side: 'government',
    nameVi,
    nameEn: null,
    shortName: null,
    code: null,
    codeScheme: null,
    validFrom: null,
    validTo: null,
    successorId: null,
    version: 1,
    ...overrides,
  };
}
