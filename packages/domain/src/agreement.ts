import { z } from 'zod';
import { fieldIssues } from './errors.js';
import { defaultStatusRules } from './execution.js';
import { sideSchema } from './organisation.js';
import type { Side } from './policy.js';
import { datesInOrder, isoDate, optionalText, textField, uuid, versionField, webAddress } from './text.js';

export const agreementStatuses = ['draft', 'signed', 'in_force', 'completed', 'expired', 'terminated'] as const;
export const agreementStatusSchema = z.enum(agreementStatuses);
export type AgreementStatus = z.infer<typeof agreementStatusSchema>;

/** The life of an agreement: draft → signed → in force → completed / expired / terminated. */
const transitions: Record<AgreementStatus, readonly AgreementStatus[]> = {
  draft: ['signed', 'terminated'],
  signed: ['in_force', 'terminated'],
  in_force: ['completed', 'expired', 'terminated'],
  completed: [],
  expired: [],
  terminated: [],
};

export function nextAgreementStatuses(from: AgreementStatus): readonly AgreementStatus[] {
  return transitions[from];
}

export function canTransitionAgreement(from: AgreementStatus, to: AgreementStatus): boolean {
  return transitions[from].includes(to);
}

export const agreementKinds = ['agreement', 'mou'] as const;
export const agreementKindSchema = z.enum(agreementKinds);

/** How often lead units report on their tasks in progress (kỳ báo cáo). */
export const reportCadences = ['weekly', 'fortnightly', 'monthly', 'quarterly'] as const;
export const reportCadenceSchema = z.enum(reportCadences);
export type ReportCadence = z.infer<typeof reportCadenceSchema>;

export const visibilities = ['parties', 'public'] as const;
export const visibilitySchema = z.enum(visibilities);

export const partySchema = z.object({
  organisationId: uuid,
  side: sideSchema,
  /** The party's name as it was at signing (an organisation may later merge). */
  organisationName: z.string(),
  currentOrganisationId: uuid,
  currentOrganisationName: z.string(),
  label: z.string().nullable(),
  signatoryName: z.string().nullable(),
  signatoryTitle: z.string().nullable(),
});
export type Party = z.infer<typeof partySchema>;

export const partyInput = z.object({
  organisationId: uuid,
  label: optionalText(20),
  signatoryName: optionalText(200),
  signatoryTitle: optionalText(300),
});
export type PartyInput = z.infer<typeof partyInput>;

const agreementFields = {
  title: textField(500),
  kind: agreementKindSchema.default('agreement'),
  reference: optionalText(100),
  summary: optionalText(10_000),
  signedOn: isoDate.nullable().optional(),
  signedPlace: optionalText(300),
  periodStart: isoDate.nullable().optional(),
  periodEnd: isoDate.nullable().optional(),
  predecessorId: uuid.nullable().optional(),
  parentId: uuid.nullable().optional(),
  legalBases: z.array(textField(300)).max(30).default([]),
  sourceUrls: z.array(webAddress()).max(20).default([]),
  visibility: visibilitySchema.default('parties'),
  /** The sixth "rõ": every task must name who decides on it (rõ thẩm quyền). */
  checksAuthority: z.boolean().default(false),
  /** A task due within this many days and not delivered is at risk (per agreement; 7 by default). */
  atRiskDays: z.number().int().min(0).max(365).default(defaultStatusRules.atRiskDays),
  /** A task more than this many points behind the progress expected by today is at risk (20 by default). */
  progressMargin: z.number().int().min(0).max(100).default(defaultStatusRules.progressMargin),
  /** How often each lead unit reports on its tasks in progress (monthly by default). */
  reportCadence: reportCadenceSchema.default('monthly'),
};

function checkPeriod(value: { periodStart?: string | null; periodEnd?: string | null }, ctx: z.RefinementCtx) {
  if (!datesInOrder(value.periodStart, value.periodEnd)) {
    ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: fieldIssues.periodEndBeforeStart });
  }
}

function checkParties(parties: PartyInput[] | undefined, ctx: z.RefinementCtx) {
  if (!parties) return;
  const seen = new Set<string>();
  parties.forEach((p, i) => {
    if (seen.has(p.organisationId)) {
      ctx.addIssue({ code: 'custom', path: ['parties', i, 'organisationId'], message: fieldIssues.alreadyParty });
    }
    seen.add(p.organisationId);
  });
}

export const agreementCreateInput = z.object({ ...agreementFields, parties: z.array(partyInput).min(2).max(10) }).superRefine((v, ctx) => {
  checkPeriod(v, ctx);
  checkParties(v.parties, ctx);
});
export type AgreementCreateInput = z.infer<typeof agreementCreateInput>;

export const agreementUpdateInput = z
  .object({
    title: agreementFields.title.optional(),
    kind: agreementKindSchema.optional(),
    reference: agreementFields.reference,
    summary: agreementFields.summary,
    signedOn: agreementFields.signedOn,
    signedPlace: agreementFields.signedPlace,
    periodStart: agreementFields.periodStart,
    periodEnd: agreementFields.periodEnd,
    predecessorId: agreementFields.predecessorId,
    legalBases: z.array(textField(300)).max(30).optional(),
    sourceUrls: z.array(webAddress()).max(20).optional(),
    visibility: visibilitySchema.optional(),
    checksAuthority: z.boolean().optional(),
    atRiskDays: z.number().int().min(0).max(365).optional(),
    progressMargin: z.number().int().min(0).max(100).optional(),
    reportCadence: reportCadenceSchema.optional(),
    parties: z.array(partyInput).min(2).max(10).optional(),
    version: versionField.optional(),
  })
  .superRefine((v, ctx) => {
    checkPeriod(v, ctx);
    checkParties(v.parties, ctx);
  });
export type AgreementUpdateInput = z.infer<typeof agreementUpdateInput>;

export const agreementStatusInput = z.object({
  status: agreementStatusSchema,
  version: versionField.optional(),
});

export const agreementSummarySchema = z.object({
  id: uuid,
  title: z.string(),
  kind: agreementKindSchema,
  reference: z.string().nullable(),
  status: agreementStatusSchema,
  signedOn: isoDate.nullable(),
  signedPlace: z.string().nullable(),
  periodStart: isoDate.nullable(),
  periodEnd: isoDate.nullable(),
  parties: z.array(partySchema),
  taskCount: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type AgreementSummary = z.infer<typeof agreementSummarySchema>;

export const agreementRefSchema = z.object({ id: uuid, title: z.string() });

export const agreementDetailSchema = agreementSummarySchema.extend({
  summary: z.string().nullable(),
  legalBases: z.array(z.string()),
  sourceUrls: z.array(z.string()),
  visibility: visibilitySchema,
  checksAuthority: z.boolean(),
  atRiskDays: z.number().int(),
  progressMargin: z.number().int(),
  reportCadence: reportCadenceSchema,
  predecessor: agreementRefSchema.nullable(),
  successors: z.array(agreementRefSchema),
  parent: agreementRefSchema.nullable(),
  children: z.array(agreementRefSchema),
  createdAt: z.string(),
  /** What the signed-in user may do here, so the UI shows only the buttons that work. */
  permissions: z.object({
    /** The side the signed-in user is on, or null when they are no party. */
    side: sideSchema.nullable(),
    /** One flag per policy operation on this agreement (as tasks present theirs). */
    allowed: z.object({
      update: z.boolean(),
      changeStatus: z.boolean(),
      writeAreas: z.boolean(),
      createTasks: z.boolean(),
      importPlan: z.boolean(),
    }),
  }),
});
export type AgreementDetail = z.infer<typeof agreementDetailSchema>;

export const agreementSortKeys = ['title', 'signedOn', 'period', 'status', 'taskCount'] as const;
export type AgreementSortKey = (typeof agreementSortKeys)[number];

export const agreementListQuery = z.object({
  q: optionalText(200),
  provinceId: uuid.optional(),
  partnerId: uuid.optional(),
  status: agreementStatusSchema.optional(),
  /** Agreements whose period overlaps [from, to]. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Default: newest signing first. Titles sort without regard to diacritics or case. */
  sort: z.enum(agreementSortKeys).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type AgreementListQuery = z.infer<typeof agreementListQuery>;

export const agreementListSchema = z.object({
  items: z.array(agreementSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AgreementList = z.infer<typeof agreementListSchema>;

/** Whether the parties include both sides: at least one government and one enterprise party. */
export function hasBothSides(parties: readonly { side: Side }[]): boolean {
  return parties.some((p) => p.side === 'government') && parties.some((p) => p.side === 'enterprise');
}

interface PartyTerms {
  organisationId: string;
  side: Side;
  label: string | null;
  signatoryName: string | null;
  signatoryTitle: string | null;
}

/**
 * Whether an edit of the parties leaves the other side's parties as they were: a coordinator
 * changes their own side's parties (and signatories), never the other side's. `side` is the
 * editor's side.
 */
export function keepsOtherSidesParties(side: Side, before: readonly PartyTerms[], after: readonly PartyTerms[]): boolean {
  const key = (p: PartyTerms) => JSON.stringify([p.organisationId, p.label ?? null, p.signatoryName ?? null, p.signatoryTitle ?? null]);
  const others = (list: readonly PartyTerms[]) => list.filter((p) => p.side !== side).map(key);
  return JSON.stringify(others(before)) === JSON.stringify(others(after));
}
