import { z } from 'zod';
import { sides, type Side } from './policy.js';
import { isoDate, optionalText, textField, uuid, versionField } from './text.js';

/** Which side of an agreement an organisation sits on. */
export const sideSchema = z.enum(sides);

/**
 * Organisation kinds. Government: province/city People's Committee, department, district
 * (historical after 1 July 2025), commune/ward/special zone, central body (ministry).
 * Enterprise: group/corporation, branch, member unit.
 */
export const organisationKinds = [
  'central_agency',
  'province',
  'department',
  'district',
  'commune',
  'enterprise_group',
  'branch',
  'enterprise_unit',
] as const;
export const organisationKindSchema = z.enum(organisationKinds);
export type OrganisationKind = z.infer<typeof organisationKindSchema>;

const enterpriseKinds: ReadonlySet<OrganisationKind> = new Set(['enterprise_group', 'branch', 'enterprise_unit']);

export function sideOfKind(kind: OrganisationKind): Side {
  return enterpriseKinds.has(kind) ? 'enterprise' : 'government';
}

/** The kinds that may sit directly under a parent of a given kind. */
const allowedChildren: Record<OrganisationKind, readonly OrganisationKind[]> = {
  central_agency: ['department'],
  province: ['department', 'district', 'commune'],
  department: ['department'],
  district: ['department', 'commune'],
  commune: [],
  enterprise_group: ['branch', 'enterprise_unit'],
  branch: ['enterprise_unit', 'branch'],
  enterprise_unit: ['enterprise_unit'],
};

export function canBeChildOf(child: OrganisationKind, parent: OrganisationKind | null): boolean {
  if (parent === null) return child === 'province' || child === 'enterprise_group' || child === 'central_agency';
  return allowedChildren[parent].includes(child);
}

/** Code schemes: a province code means something different before and after the 2025 merger. */
export const codeSchemes = ['pre2025', 'post2025'] as const;
export const codeSchemeSchema = z.enum(codeSchemes);

export const organisationSchema = z.object({
  id: uuid,
  parentId: uuid.nullable(),
  kind: organisationKindSchema,
  side: sideSchema,
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  shortName: z.string().nullable(),
  code: z.string().nullable(),
  codeScheme: codeSchemeSchema.nullable(),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
  successorId: uuid.nullable(),
  version: z.number().int(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const organisationCreateInput = z.object({
  parentId: uuid.nullable().optional(),
  kind: organisationKindSchema,
  nameVi: textField(300),
  nameEn: optionalText(300),
  shortName: optionalText(80),
  code: optionalText(20),
  codeScheme: codeSchemeSchema.nullable().optional(),
  validFrom: isoDate.nullable().optional(),
});
export type OrganisationCreateInput = z.infer<typeof organisationCreateInput>;

export const organisationUpdateInput = z.object({
  nameVi: textField(300).optional(),
  nameEn: optionalText(300),
  shortName: optionalText(80),
  code: optionalText(20),
  validTo: isoDate.nullable().optional(),
  successorId: uuid.nullable().optional(),
  version: versionField.optional(),
});
export type OrganisationUpdateInput = z.infer<typeof organisationUpdateInput>;

export const organisationListQuery = z.object({
  side: sideSchema.optional(),
  kind: organisationKindSchema.optional(),
  q: optionalText(200),
  includeHistorical: z.enum(['true', 'false']).optional(),
});
export type OrganisationListQuery = z.infer<typeof organisationListQuery>;
