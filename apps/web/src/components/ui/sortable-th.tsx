import { Center, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';

/** The sort a list is in (on the server, over every page), as the URL keeps it. */
export interface Sort<K extends string> {
  key: K;
  reversed: boolean;
}

/**
 * The next sort after a click on a column header: ascending, then descending, then back to the
 * list's default (null).
 */
export function nextSort<K extends string>(current: Sort<K> | null, key: K): Sort<K> | null {
  if (current?.key !== key) return { key, reversed: false };
  return current.reversed ? null : { key, reversed: true };
}

interface SortableThProps<K extends string> {
  label: string;
  sortKey: K;
  sort: Sort<K> | null;
  onSort: (key: K) => void;
  w?: number | string;
  miw?: number;
}

/** A column header that sorts the list; screen readers hear the direction through aria-sort. */
export function SortableTh<K extends string>({ label, sortKey, sort, onSort, w, miw }: SortableThProps<K>) {
  const active = sort?.key === sortKey;
  const Icon = active ? (sort.reversed ? IconChevronUp : IconChevronDown) : IconSelector;
  return (
    <Table.Th w={w} miw={miw} aria-sort={active ? (sort.reversed ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton onClick={() => onSort(sortKey)} data-testid={`sort-${sortKey}`}>
        <Group gap={4} wrap="nowrap">
          <Text fw={600} size="sm" style={{ whiteSpace: 'nowrap' }}>
            {label}
          </Text>
          <Center>
            <Icon size={14} />
          </Center>
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
