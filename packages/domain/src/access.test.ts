import { describe, expect, it } from 'vitest';
import {
  accessPolicy,
  can,
  isPublished,
  obligorsUserMayCreate,
  operations,
  readOperations,
  relationToTask,
  roles,
  selfServiceOperations,
} from './access.js';

describe('the access policy', () => {
  it('has a rule for every operation and every role', () => {
    for (const op of operations) for (const role of roles) expect(accessPolicy[op][role], `${op}/${role}`).toBeDefined();
  });

  it('lets nobody do anything without signing in', () => {
    for (const op of operations) expect(can(null, op, { relation: 'own' })).toBe(false);
  });

  it('lets parties read an agreement and keeps unrelated users out, except observers and admins', () => {
    expect(can({ role: 'unit_officer' }, 'agreement.read', { relation: 'counterparty' })).toBe(true);
    expect(can({ role: 'leader' }, 'agreement.read', { relation: 'unrelated' })).toBe(false);
    expect(can({ role: 'coordinator' }, 'agreement.read', { relation: 'unrelated' })).toBe(false);
    expect(can({ role: 'observer' }, 'agreement.read', { relation: 'unrelated' })).toBe(true);
    expect(can({ role: 'admin' }, 'agreement.read', { relation: 'unrelated' })).toBe(true);
  });

  it('lets coordinators change only their own side', () => {
    expect(can({ role: 'coordinator' }, 'task.update', { relation: 'own' })).toBe(true);
    expect(can({ role: 'coordinator' }, 'task.update', { relation: 'counterparty' })).toBe(false);
    expect(can({ role: 'coordinator' }, 'agreement.update', { relation: 'unrelated' })).toBe(false);
  });

  it('lets a unit officer edit only what their unit leads, on either side', () => {
    expect(can({ role: 'unit_officer' }, 'task.update', { relation: 'own', isLeadUnit: true })).toBe(true);
    expect(can({ role: 'unit_officer' }, 'task.update', { relation: 'counterparty', isLeadUnit: true })).toBe(true);
    expect(can({ role: 'unit_officer' }, 'task.update', { relation: 'own', isLeadUnit: false })).toBe(false);
    expect(can({ role: 'unit_officer' }, 'task.update', { relation: 'unrelated', isLeadUnit: true })).toBe(false);
    expect(can({ role: 'unit_officer' }, 'task.delete', { relation: 'own', isLeadUnit: true })).toBe(false);
  });

  it('keeps observers read-only, and leaders too but for what they say in threads; both change their own password', () => {
    // A leader gives directions and comments (with evidence files), corrects their own entry, and finds the people to point it at.
    const leaderWrites: readonly string[] = ['entry.comment', 'entry.direct', 'entry.edit', 'file.upload', 'agreement.people'];
    for (const role of ['leader', 'observer'] as const) {
      for (const op of operations.filter((o) => !readOperations.includes(o) && !selfServiceOperations.includes(o))) {
        const expected = role === 'leader' && leaderWrites.includes(op);
        expect(can({ role }, op, { relation: 'own', isLeadUnit: true, isAuthor: true }), `${role} ${op}`).toBe(expected);
      }
    }
  });

  it('treats a joint task as owned by both sides', () => {
    expect(relationToTask('government', 'joint')).toBe('own');
    expect(relationToTask('enterprise', 'joint')).toBe('own');
    expect(relationToTask('enterprise', 'government')).toBe('counterparty');
    expect(relationToTask(null, 'joint')).toBe('unrelated');
  });

  it('publishes an agreement only when it is public and no longer a draft', () => {
    expect(isPublished({ visibility: 'public', status: 'in_force' })).toBe(true);
    expect(isPublished({ visibility: 'public', status: 'draft' })).toBe(false);
    expect(isPublished({ visibility: 'parties', status: 'in_force' })).toBe(false);
    expect(can({ role: 'leader' }, 'agreement.read', { relation: 'unrelated', published: true })).toBe(true);
    expect(can({ role: 'leader' }, 'agreement.update', { relation: 'unrelated', published: true })).toBe(false);
  });

  it('offers a new task only the obligors whose task the user may create', () => {
    expect(obligorsUserMayCreate({ role: 'coordinator' }, 'government')).toEqual(['government', 'joint']);
    expect(obligorsUserMayCreate({ role: 'coordinator' }, 'enterprise')).toEqual(['enterprise', 'joint']);
    expect(obligorsUserMayCreate({ role: 'admin' }, null)).toEqual(['government', 'enterprise', 'joint']);
    expect(obligorsUserMayCreate({ role: 'unit_officer' }, 'government')).toEqual([]);
  });
});
