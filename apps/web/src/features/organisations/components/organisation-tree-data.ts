import { foldForSearch, type Organisation } from '@accord/domain';
import type { TreeNodeData } from '@mantine/core';
import { isHistorical, organisationName } from '../../../lib/organisations/organisation-names';

/**
 * Turns the flat list (parentId links) into tree nodes. With a search, a node stays when it
 * or something below it matches, so a match is always shown with its path.
 */
export function buildTree(orgs: readonly Organisation[], search: string, language: string): TreeNodeData[] {
  const ids = new Set(orgs.map((o) => o.id));
  const children = new Map<string | null, Organisation[]>();
  for (const o of orgs) {
    const key = o.parentId && ids.has(o.parentId) ? o.parentId : null;
    const list = children.get(key) ?? [];
    list.push(o);
    children.set(key, list);
  }
  const words = foldForSearch(search).split(' ').filter(Boolean);
  const matches = (o: Organisation) => {
    if (words.length === 0) return true;
    const text = foldForSearch([o.nameVi, o.nameEn, o.shortName, o.code].filter(Boolean).join(' '));
    return words.every((w) => text.includes(w));
  };
  const order = (a: Organisation, b: Organisation) =>
    Number(isHistorical(a)) - Number(isHistorical(b)) || organisationName(a, language).localeCompare(organisationName(b, language), 'vi');

  const build = (parentId: string | null): TreeNodeData[] =>
    (children.get(parentId) ?? [])
      .slice()
      .sort(order)
      .flatMap((o) => {
        const below = build(o.id);
        if (!matches(o) && below.length === 0) return [];
        return [{ value: o.id, label: organisationName(o, language), children: below.length > 0 ? below : undefined }];
      });
  return build(null);
}

export function countNodes(nodes: readonly TreeNodeData[]): number {
  return nodes.reduce((n, node) => n + 1 + countNodes(node.children ?? []), 0);
}
