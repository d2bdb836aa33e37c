import { z } from 'zod';
import { uuid } from './text.js';

export const auditActions = ['create', 'update', 'delete', 'status', 'move'] as const;
export const auditEntityTypes = ['agreement', 'area', 'task', 'organisation', 'user', 'entry', 'plan'] as const;

export const auditEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: uuid, name: z.string() }).nullable(),
  action: z.enum(auditActions),
  entityType: z.enum(auditEntityTypes),
  entityId: uuid,
  entityTitle: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

/** The fields that differ between two snapshots of a record, for showing history. */
export function diffSnapshots(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): { field: string; before: unknown; after: unknown }[] {
  const ignored = new Set(['version', 'updatedAt', 'createdAt', 'searchText']);
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: { field: string; before: unknown; after: unknown }[] = [];
  for (const key of keys) {
    if (ignored.has(key)) continue;
    const b = before?.[key] ?? null;
    const a = after?.[key] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes.push({ field: key, before: b, after: a });
  }
  return changes;
}

const orgName = (o: { name: string } | null) => o?.name ?? null;

/**
 * One snapshot shape per kind of record: what its history keeps before and after a change.
 * Bookkeeping (version, times, tree depth) is left out; organisations are kept by name.
 */
export const historySnapshots = {
  agreement(a: {
    id: string;
    title: string;
    kind: string;
    reference: string | null;
    summary: string | null;
    status: string;
    signedOn: string | null;
    signedPlace: string | null;
    periodStart: string | null;
    periodEnd: string | null;
    predecessorId: string | null;
    parentId: string | null;
    legalBases: string[];
    sourceUrls: string[];
    visibility: string;
    checksAuthority: boolean;
    atRiskDays: number;
    progressMargin: number;
    reportCadence: string;
    parties: readonly {
      organisationId: string;
      side: string;
      organisationName: string;
      signatoryName: string | null;
      signatoryTitle: string | null;
    }[];
  }) {
    return {
      id: a.id,
      title: a.title,
      kind: a.kind,
      reference: a.reference,
      summary: a.summary,
      status: a.status,
      signedOn: a.signedOn,
      signedPlace: a.signedPlace,
      periodStart: a.periodStart,
      periodEnd: a.periodEnd,
      predecessorId: a.predecessorId,
      parentId: a.parentId,
      legalBases: a.legalBases,
      sourceUrls: a.sourceUrls,
      visibility: a.visibility,
      checksAuthority: a.checksAuthority,
      atRiskDays: a.atRiskDays,
      progressMargin: a.progressMargin,
      reportCadence: a.reportCadence,
      parties: a.parties.map((p) => ({
        organisationId: p.organisationId,
        side: p.side,
        name: p.organisationName,
        signatoryName: p.signatoryName,
        signatoryTitle: p.signatoryTitle,
      })),
    };
  },
  area<A extends { id: string; agreementId: string; theme: string | null; title: string; description: string | null; position: number }>(
    a: A,
  ): Pick<A, 'id' | 'agreementId' | 'theme' | 'title' | 'description' | 'position'> {
    return { id: a.id, agreementId: a.agreementId, theme: a.theme, title: a.title, description: a.description, position: a.position };
  },
  task(t: {
    id: string;
    agreementId: string;
    areaId: string;
    parentId: string | null;
    position: number;
    code: string | null;
    title: string;
    description: string | null;
    obligor: string;
    leadUnit: { name: string } | null;
    coordinatingUnits: readonly { name: string }[];
    responsiblePerson: string | null;
    startDate: string | null;
    dueDate: string | null;
    expectedProduct: string | null;
    decidedBy: string | null;
    state: string;
    stateReason: string | null;
    progress: number;
    weight: number;
    startedOn: string | null;
    deliveredOn: string | null;
    acceptedOn: string | null;
    deliveredBySide: string | null;
    reviewNote: string | null;
    clarityWaiver?: { reason: string } | null;
  }) {
    return {
      id: t.id,
      agreementId: t.agreementId,
      areaId: t.areaId,
      parentId: t.parentId,
      position: t.position,
      code: t.code,
      title: t.title,
      description: t.description,
      obligor: t.obligor,
      leadUnit: orgName(t.leadUnit),
      coordinatingUnits: t.coordinatingUnits.map((u) => u.name),
      responsiblePerson: t.responsiblePerson,
      startDate: t.startDate,
      dueDate: t.dueDate,
      expectedProduct: t.expectedProduct,
      decidedBy: t.decidedBy,
      // The facts the status is worked out from; the status itself changes with the calendar and is never kept.
      state: t.state,
      stateReason: t.stateReason,
      progress: t.progress,
      weight: t.weight,
      startedOn: t.startedOn,
      deliveredOn: t.deliveredOn,
      acceptedOn: t.acceptedOn,
      deliveredBySide: t.deliveredBySide,
      reviewNote: t.reviewNote,
      clarityWaiver: t.clarityWaiver?.reason ?? null,
    };
  },
  entry(e: {
    id: string;
    taskId: string;
    kind: string;
    body: string;
    internal: boolean;
    progress: number | null;
    state: string | null;
    stateReason: string | null;
    mentions: readonly { name: string }[];
    files?: readonly { name: string }[];
  }) {
    return {
      id: e.id,
      taskId: e.taskId,
      kind: e.kind,
      body: e.body,
      internal: e.internal,
      progress: e.progress,
      state: e.state,
      stateReason: e.stateReason,
      mentions: e.mentions.map((m) => m.name),
      files: (e.files ?? []).map((f) => f.name),
    };
  },
  plan(v: {
    id: string;
    number: number;
    state: string;
    note: string | null;
    taskCount: number;
    decisions: readonly { side: string; decision: string; by: { name: string }; note: string | null }[];
  }) {
    return {
      id: v.id,
      number: v.number,
      state: v.state,
      note: v.note,
      taskCount: v.taskCount,
      decisions: v.decisions.map((d) => `${d.side}: ${d.decision} (${d.by.name})${d.note ? ` — ${d.note}` : ''}`),
    };
  },
  organisation(o: {
    id: string;
    parentId: string | null;
    kind: string;
    side: string;
    nameVi: string;
    nameEn: string | null;
    shortName: string | null;
    code: string | null;
    codeScheme: string | null;
    validFrom: string | null;
    validTo: string | null;
    successorId: string | null;
  }) {
    return {
      id: o.id,
      parentId: o.parentId,
      kind: o.kind,
      side: o.side,
      nameVi: o.nameVi,
      nameEn: o.nameEn,
      shortName: o.shortName,
      code: o.code,
      codeScheme: o.codeScheme,
      validFrom: o.validFrom,
      validTo: o.validTo,
      successorId: o.successorId,
    };
  },
} as const;

export type HistoryEntity = keyof typeof historySnapshots;
/** The record a snapshot of `E` is taken from. */
export type SnapshotSource<E extends HistoryEntity> = Parameters<(typeof historySnapshots)[E]>[0];
