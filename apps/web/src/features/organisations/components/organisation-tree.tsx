import type { Organisation } from '@accord/domain';
import { Badge, Box, Group, Text, Tree, useTree } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPeriod } from '../../../lib/dates';
import { isHistorical, latestSuccessor, organisationName } from '../../../lib/organisations/organisation-names';
import { buildTree } from './organisation-tree-data';

interface OrganisationTreeProps {
  organisations: readonly Organisation[];
  /** Every organisation, to name the successor of a merged one. */
  byId: ReadonlyMap<string, Organisation>;
  search: string;
}

function NodeLabel({ org, byId }: { org: Organisation; byId: ReadonlyMap<string, Organisation> }) {
  const { t, i18n } = useTranslation('organisations');
  const historical = isHistorical(org);
  const successor = historical ? latestSuccessor(org, byId) : null;
  return (
    <Box className={historical ? 'accord-historical' : undefined} data-testid="organisation-node" data-historical={historical || undefined}>
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={org.parentId ? 400 : 600} td={historical ? 'line-through' : undefined}>
          {organisationName(org, i18n.language)}
        </Text>
        <Badge size="xs" variant="light" color={historical ? 'gray' : org.side === 'government' ? 'blue' : 'grape'}>
          {t(`organisationKind.${org.kind}`)}
        </Badge>
      </Group>
      {historical && (
        <Text size="xs" c="dimmed" data-testid="organisation-merged">
          {successor ? t('organisations.mergedInto', { name: organisationName(successor, i18n.language) }) : t('organisations.dissolved')}
          {(org.validFrom || org.validTo) && ` · ${t('organisations.validity', { period: formatPeriod(org.validFrom, org.validTo) })}`}
        </Text>
      )}
    </Box>
  );
}

/** One side's organisations as a tree; searching opens every branch that holds a match. */
export function OrganisationTree({ organisations, byId, search }: OrganisationTreeProps) {
  const { t, i18n } = useTranslation('organisations');
  const data = useMemo(() => buildTree(organisations, search, i18n.language), [organisations, search, i18n.language]);
  const tree = useTree();

  useEffect(() => {
    if (search.trim()) tree.expandAllNodes();
    // expandAllNodes works on the data the Tree has registered; run it when the data changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);

  if (data.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="organisations-no-match">
        {t('organisations.noMatch')}
      </Text>
    );
  }

  return (
    <Tree
      data={data}
      tree={tree}
      levelOffset="lg"
      expandOnClick
      renderNode={({ node, expanded, hasChildren, elementProps }) => {
        const org = byId.get(node.value);
        return (
          <Group gap={4} wrap="nowrap" align="flex-start" py={3} {...elementProps}>
            <Box w={18} pt={2} style={{ flexShrink: 0 }}>
              {hasChildren && (expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} className="accord-flip-rtl" />)}
            </Box>
            {org && <NodeLabel org={org} byId={byId} />}
          </Group>
        );
      }}
    />
  );
}
