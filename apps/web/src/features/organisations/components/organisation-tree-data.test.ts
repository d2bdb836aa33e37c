import type { Organisation } from '@accord/domain';
import type { TreeNodeData } from '@mantine/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildOrganisation as org } from '../../../test/organisation-factories';
import { buildTree, countNodes } from './organisation-tree-data';

/** The tree as nested labels, the way a reader scans it. */
const outline = (nodes: readonly TreeNodeData[]): unknown[] =>
  nodes.map((n) => (n.children ? { [String(n.label)]: outline(n.children) } : n.label));

const caMau = org('Ủy ban nhân dân tỉnh Cà Mau', { code: '96' });
const soTaiChinh = org('Sở Tài chính tỉnh Cà Mau', { parentId: caMau.id, kind: 'department' });
const soYTe = org('Sở Y tế', { parentId: caMau.id, kind: 'department' });
const haiDuong = org('Ủy ban nhân dân tỉnh Hải Dương', { validTo: '2025-06-30' });
const haiPhong = org('Ủy ban nhân dân thành phố Hải Phòng', { nameEn: 'Hai Phong City People’s Committee' });
const viettel = org('Tập đoàn Công nghiệp - Viễn thông Quân đội', { kind: 'enterprise_group', side: 'enterprise', shortName: 'Viettel' });
const all = [soYTe, haiDuong, viettel, soTaiChinh, haiPhong, caMau];

describe('the organisation tree', () => {
  it('nests units under their parents, in Vietnamese alphabetical order, merged provinces last', () => {
    expect(outline(buildTree(all, '', 'vi'))).toEqual([
      'Tập đoàn Công nghiệp - Viễn thông Quân đội',
      'Ủy ban nhân dân thành phố Hải Phòng',
      { 'Ủy ban nhân dân tỉnh Cà Mau': ['Sở Tài chính tỉnh Cà Mau', 'Sở Y tế'] },
      'Ủy ban nhân dân tỉnh Hải Dương',
    ]);
  });

  it('lists merged or dissolved organisations after the current ones, whatever their names', () => {
    const merged = org('An Giang (cũ)', { validTo: '2025-06-30' });
    const succeeded = org('Bắc Kạn', { successorId: 'o-thai-nguyen' });
    const current = org('Yên Bái');
    expect(buildTree([merged, succeeded, current], '', 'vi').map((n) => n.label)).toEqual(['Yên Bái', 'An Giang (cũ)', 'Bắc Kạn']);
  });

  it('sorts Đ after D, as Vietnamese does', () => {
    const names = ['Hà Nội', 'Đà Nẵng', 'Cần Thơ', 'Đắk Lắk', 'Dương Minh Châu'].map((n) => org(n));
    expect(buildTree(names, '', 'vi').map((n) => n.label)).toEqual(['Cần Thơ', 'Dương Minh Châu', 'Đà Nẵng', 'Đắk Lắk', 'Hà Nội']);
  });

  it('shows English names in English, and the Vietnamese name where there is none', () => {
    const labels = buildTree([haiPhong, caMau], '', 'en').map((n) => n.label);
    expect(labels).toContain('Hai Phong City People’s Committee');
    expect(labels).toContain('Ủy ban nhân dân tỉnh Cà Mau');
  });

  it('shows a unit whose parent is not in the list at the top, rather than losing it', () => {
    expect(outline(buildTree([soYTe], '', 'vi'))).toEqual(['Sở Y tế']);
  });
});

describe('searching the organisation tree', () => {
  it('finds "ca mau" in "Cà Mau", without diacritics or capitals', () => {
    expect(outline(buildTree(all, 'ca mau', 'vi'))).toEqual([{ 'Ủy ban nhân dân tỉnh Cà Mau': ['Sở Tài chính tỉnh Cà Mau'] }]);
  });

  it('shows a match with the path above it, and hides siblings that do not match', () => {
    expect(outline(buildTree(all, 'sở y tế', 'vi'))).toEqual([{ 'Ủy ban nhân dân tỉnh Cà Mau': ['Sở Y tế'] }]);
  });

  it('finds by short name and code, with the words in any order', () => {
    expect(buildTree(all, 'viettel', 'vi').map((n) => n.label)).toEqual(['Tập đoàn Công nghiệp - Viễn thông Quân đội']);
    expect(buildTree(all, '96', 'vi').map((n) => n.label)).toEqual(['Ủy ban nhân dân tỉnh Cà Mau']);
    expect(buildTree(all, 'phong hai', 'vi').map((n) => n.label)).toEqual(['Ủy ban nhân dân thành phố Hải Phòng']);
  });

  it('shows nothing when nothing matches', () => {
    expect(buildTree(all, 'lào cai', 'vi')).toEqual([]);
  });

  it('without a search, shows every organisation exactly once', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(0), fc.nat()), { maxLength: 60, size: 'medium' }), (picks) => {
        const orgs: Organisation[] = [];
        picks.forEach((pick, i) => {
          const parent = orgs[(pick % (i + 1)) - 1];
          orgs.push(org(`Đơn vị ${i}`, { parentId: parent?.id ?? null }));
        });
        const tree = buildTree(orgs, '', 'vi');
        expect(countNodes(tree)).toBe(orgs.length);
        const values: string[] = [];
        const walk = (nodes: readonly TreeNodeData[]) => nodes.forEach((n) => (values.push(n.value), walk(n.children ?? [])));
        walk(tree);
        expect(new Set(values)).toEqual(new Set(orgs.map((o) => o.id)));
      }),
    );
  });
});
