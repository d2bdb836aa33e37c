import type { TaskListItem, TaskSortKey } from '@accord/domain';
import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { nextSort, SortableTh, type Sort } from '../../../components/ui/sortable-th';
import { ReturnedBadge, StaleBadge, TaskProgress, TaskStatusBadge, wasReturned } from '../../../components/ui/status-badge';
import { formatDate } from '../../../lib/dates';
import { organisationName } from '../../../lib/organisations/organisation-names';

interface TaskListTableProps {
  items: TaskListItem[];
  sort: Sort<TaskSortKey>;
  onSortChange: (sort: Sort<TaskSortKey> | null) => void;
  /** Where a task opens: its agreement's page with the task's panel open. */
  hrefFor: (item: TaskListItem) => string;
  /** Opening a task stays on the same page (the agreement's list view): replace the history entry. */
  replaceOnOpen?: boolean;
  /** Across agreements, each row names its agreement; inside one agreement it would only repeat it. */
  showAgreement: boolean;
}

/** Past the deadline: a word and an icon, not only a colour. */
function DueDate({ item }: { item: TaskListItem }) {
  const { t } = useTranslation('tasks');
  return (
    <Stack gap={4} align="flex-start">
      <Text
        size="sm"
        style={{ whiteSpace: 'nowrap' }}
        c={item.overdue ? 'red' : undefined}
        fw={item.overdue ? 600 : undefined}
        data-testid="task-list-due"
      >
        {formatDate(item.dueDate) || '—'}
      </Text>
      {item.overdue && (
        <Badge
          color="red"
          variant="light"
          size="sm"
          leftSection={<IconAlertTriangle size={12} aria-hidden />}
          data-testid="task-list-overdue"
        >
          {t('tasks.overdue')}
        </Badge>
      )}
    </Stack>
  );
}

/** One page of tasks; the column headers sort the whole list on the server. */
export function TaskListTable({ items, sort, onSortChange, hrefFor, replaceOnOpen = false, showAgreement }: TaskListTableProps) {
  const { t, i18n } = useTranslation('tasks');
  const navigate = useNavigate();
  const narrow = useMediaQuery(showAgreement ? '(max-width: 80em)' : '(max-width: 68em)') ?? false;
  const onSort = (key: TaskSortKey) => onSortChange(nextSort(sort, key));

  const table = (
    <Table
      stickyHeader={!narrow}
      stickyHeaderOffset={60}
      highlightOnHover
      striped="even"
      verticalSpacing="xs"
      data-testid="task-list-table"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={76}>{t('tasks.columns.code')}</Table.Th>
          <SortableTh label={t('tasks.columns.title')} sortKey="title" sort={sort} onSort={onSort} miw={220} />
          {showAgreement && <Table.Th w="16%">{t('tasks.columns.agreement')}</Table.Th>}
          <Table.Th w={showAgreement ? '13%' : '18%'}>{t('tasks.columns.area')}</Table.Th>
          <Table.Th w={showAgreement ? '12%' : '15%'}>{t('tasks.columns.leadUnit')}</Table.Th>
          <Table.Th w={showAgreement ? '12%' : '15%'}>{t('tasks.columns.responsiblePerson')}</Table.Th>
          <SortableTh label={t('tasks.columns.dueDate')} sortKey="dueDate" sort={sort} onSort={onSort} w={122} />
          <SortableTh label={t('tasks.columns.status')} sortKey="status" sort={sort} onSort={onSort} w={140} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr
            key={item.id}
            className="accord-clickable-row"
            data-testid="task-list-row"
            data-task-id={item.id}
            data-overdue={item.overdue}
            data-stale={item.stale}
            onClick={(e) => {
              if (!(e.target instanceof HTMLElement && e.target.closest('a'))) void navigate(hrefFor(item), { replace: replaceOnOpen });
            }}
          >
            <Table.Td>
              <Text size="sm" ff="monospace" c="dimmed" data-testid="task-list-code">
                {item.code ?? '—'}
              </Text>
            </Table.Td>
            <Table.Td>
              <Anchor component={Link} to={hrefFor(item)} replace={replaceOnOpen} fw={600} size="sm" data-testid="task-list-title">
                {item.title}
              </Anchor>
            </Table.Td>
            {showAgreement && (
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/agreements/${item.agreementId}`}
                  size="sm"
                  c="dark"
                  lineClamp={3}
                  title={item.agreementTitle}
                  data-testid="task-list-agreement"
                >
                  {item.agreementTitle}
                </Anchor>
              </Table.Td>
            )}
            <Table.Td>
              <Text size="sm" lineClamp={3} title={item.areaTitle}>
                {item.areaTitle}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" data-testid="task-list-lead-unit">
                {item.leadUnit ? organisationName({ nameVi: item.leadUnit.name, nameEn: item.leadUnit.nameEn }, i18n.language) : '—'}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" lineClamp={3} title={item.responsiblePerson ?? undefined}>
                {item.responsiblePerson ?? '—'}
              </Text>
            </Table.Td>
            <Table.Td>
              <DueDate item={item} />
            </Table.Td>
            <Table.Td>
              <Stack gap={4} align="flex-start">
                <TaskStatusBadge status={item.status} />
                {item.stale && <StaleBadge lastReportedAt={item.lastReportedAt} />}
                {wasReturned(item) && <ReturnedBadge reason={item.reviewNote ?? ''} />}
              </Stack>
              <TaskProgress value={item.progress} status={item.status} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  // A sticky header needs the page to scroll; a narrow screen scrolls the table sideways instead.
  return narrow ? (
    <Table.ScrollContainer minWidth={showAgreement ? 1180 : 980} type="native">
      {table}
    </Table.ScrollContainer>
  ) : (
    table
  );
}
