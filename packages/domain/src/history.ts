import { z } from 'zod';
import { uuid } from './text.js';

export const auditActions = ['create', 'update', 'delete', 'status', 'move'] as const;
export const auditEntityTypes = ['agreement', 'area', 'task', 'organisation', 'user'] as const;

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
