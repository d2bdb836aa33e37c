import {
  agreementKindSchema,
  agreementStatusSchema,
  areaThemeSchema,
  entryKindSchema,
  obligorSchema,
  planVersionStates,
  reportCadenceSchema,
  taskStateSchema,
  taskStatusSchema,
  visibilitySchema,
  type AuditEvent,
} from '@accord/domain';
import { useCallback } from 'react';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { SharedTFunction } from '../../../i18n/config';
import { isRecord } from '../../../lib/api-error';
import { formatDate, isIsoDate } from '../../../lib/dates';

/** Field names in snapshots → their label keys. Fields not listed are shown by name. */
const fieldKeys = {
  code: 'fields.code',
  title: 'fields.title',
  kind: 'fields.kind',
  reference: 'fields.reference',
  summary: 'fields.summary',
  status: 'fields.status',
  signedOn: 'fields.signedOn',
  signedPlace: 'fields.signedPlace',
  periodStart: 'fields.periodStart',
  periodEnd: 'fields.periodEnd',
  predecessorId: 'fields.predecessorId',
  parentId: 'fields.parentId',
  legalBases: 'fields.legalBases',
  sourceUrls: 'fields.sourceUrls',
  visibility: 'fields.visibility',
  checksAuthority: 'fields.checksAuthority',
  parties: 'fields.parties',
  theme: 'fields.theme',
  description: 'fields.description',
  position: 'fields.position',
  areaId: 'fields.areaId',
  obligor: 'fields.obligor',
  leadUnit: 'fields.leadUnit',
  leadUnitId: 'fields.leadUnit',
  coordinatingUnits: 'fields.coordinatingUnits',
  coordinatingUnitIds: 'fields.coordinatingUnits',
  responsiblePerson: 'fields.responsiblePerson',
  startDate: 'fields.startDate',
  dueDate: 'fields.dueDate',
  expectedProduct: 'fields.expectedProduct',
  decidedBy: 'fields.decidedBy',
  state: 'fields.state',
  stateReason: 'fields.stateReason',
  progress: 'fields.progress',
  weight: 'fields.weight',
  startedOn: 'fields.startedOn',
  deliveredOn: 'fields.deliveredOn',
  acceptedOn: 'fields.acceptedOn',
  deliveredBySide: 'fields.deliveredBySide',
  reviewNote: 'fields.reviewNote',
  atRiskDays: 'fields.atRiskDays',
  progressMargin: 'fields.progressMargin',
  reportCadence: 'fields.reportCadence',
  body: 'fields.body',
  internal: 'fields.internal',
  mentions: 'fields.mentions',
  files: 'fields.files',
  clarityWaiver: 'fields.clarityWaiver',
  number: 'fields.planNumber',
  note: 'fields.planNote',
  taskCount: 'fields.taskCount',
  decisions: 'fields.planDecisions',
} as const;

const fieldOrder = Object.keys(fieldKeys);

/** Changes in the order a form shows them (code, title, … status), unknown fields last. */
export function byFieldOrder(a: { field: string }, b: { field: string }): number {
  const rank = (field: string) => (fieldOrder.includes(field) ? fieldOrder.indexOf(field) : fieldOrder.length);
  return rank(a.field) - rank(b.field);
}

/** Bookkeeping columns that mean nothing to a reader. */
const hiddenFields = new Set(['id', 'agreementId', 'taskId', 'createdBy', 'deletedAt', 'depth', 'searchText']);

export function isShownField(field: string): boolean {
  return !hiddenFields.has(field);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ResolveTitle = (id: string) => string | undefined;

/** A field's label in the interface language ("dueDate" → "Thời hạn hoàn thành"); an unknown field by its name. */
export function fieldLabel(field: string, t: SharedTFunction): string {
  return field in fieldKeys ? t(fieldKeys[field as keyof typeof fieldKeys]) : field;
}

/** A snapshot value as a reader should see it: translated enums, dd/mm/yyyy dates, titles for ids, "—" for nothing. */
export function formatChangeValue(
  field: string,
  value: unknown,
  entityType: AuditEvent['entityType'],
  resolve: ResolveTitle,
  t: SharedTFunction,
): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') {
    if (field === 'position') return String(value + 1);
    return field === 'progress' ? `${value}%` : String(value);
  }
  if (field === 'status') {
    const agreementStatus = agreementStatusSchema.safeParse(value);
    // Older history keeps the statuses that were typed in then ("completed"); they are named too.
    const taskStatus = taskStatusSchema.or(z.literal('completed')).safeParse(value);
    if (entityType === 'agreement' && agreementStatus.success) return t(`agreementStatus.${agreementStatus.data}`);
    if (taskStatus.success) return t(`taskStatus.${taskStatus.data}`);
  }
  const planState = field === 'state' && entityType === 'plan' ? z.enum(planVersionStates).safeParse(value) : null;
  if (planState?.success) return t(`planVersionState.${planState.data}`);
  const state = field === 'state' ? taskStateSchema.safeParse(value) : null;
  if (state?.success) return t(`taskState.${state.data}`);
  const cadence = field === 'reportCadence' ? reportCadenceSchema.safeParse(value) : null;
  if (cadence?.success) return t(`reportCadence.${cadence.data}`);
  const obligor = field === 'obligor' || field === 'deliveredBySide' ? obligorSchema.safeParse(value) : null;
  if (obligor?.success) return t(`obligor.${obligor.data}`);
  const theme = field === 'theme' ? areaThemeSchema.safeParse(value) : null;
  if (theme?.success) return t(`areaTheme.${theme.data}`);
  const entryKind = field === 'kind' && entityType === 'entry' ? entryKindSchema.safeParse(value) : null;
  if (entryKind?.success) return t(`entryKind.${entryKind.data}`);
  const kind = field === 'kind' ? agreementKindSchema.safeParse(value) : null;
  if (kind?.success) return t(`agreementKind.${kind.data}`);
  const visibility = field === 'visibility' ? visibilitySchema.safeParse(value) : null;
  if (visibility?.success) return t(`visibility.${visibility.data}`);
  if (typeof value === 'string') {
    if (isIsoDate(value)) return formatDate(value);
    if (UUID.test(value)) return resolve(value) ?? `#${value.slice(0, 8)}`;
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value.map((item) => (isRecord(item) ? describeParty(item) : formatChangeValue(field, item, entityType, resolve, t))).join('; ');
  }
  return JSON.stringify(value);
}

/** Labels for field names and readable text for snapshot values, in the interface language. */
export function useChangeFormatter() {
  const { t } = useTranslation('history');
  const label = useCallback((field: string) => fieldLabel(field, t), [t]);
  const formatValue = useCallback(
    (field: string, value: unknown, entityType: AuditEvent['entityType'], resolve: ResolveTitle) =>
      formatChangeValue(field, value, entityType, resolve, t),
    [t],
  );
  return { fieldLabel: label, formatValue };
}

/**
 * The changes a history entry lists: readable fields in the order a form shows them; for a new
 * record only what was filled in (its place in the list says nothing yet); none for a deletion.
 */
export function shownChanges(event: Pick<AuditEvent, 'action' | 'changes'>): AuditEvent['changes'] {
  if (event.action === 'delete') return [];
  const changes = event.changes.filter((c) => isShownField(c.field)).sort(byFieldOrder);
  return event.action === 'create'
    ? changes.filter((c) => c.field !== 'position' && c.after !== null && !(Array.isArray(c.after) && c.after.length === 0))
    : changes;
}

/** A party in an agreement snapshot: "UBND tỉnh Cà Mau (Nguyễn Văn A, Chủ tịch)". */
function describeParty(party: Record<string, unknown>): string {
  const name = typeof party.name === 'string' ? party.name : typeof party.organisationName === 'string' ? party.organisationName : '?';
  const who = [party.signatoryName, party.signatoryTitle].filter((v): v is string => typeof v === 'string' && v !== '');
  return who.length > 0 ? `${name} (${who.join(', ')})` : name;
}
