import { Group, Pagination, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const PAGE_SIZES = [10, 20, 50] as const;

interface ListPaginationProps {
  /** The sentence with the total ("Tổng cộng: 42 nhiệm vụ"). */
  totalLabel: string;
  total: number;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
  /** Prefix of the test ids: `${testId}-total`, `${testId}-pagination`. */
  testId: string;
}

/** The foot of a server-paged list: the total, the pages and the page size. */
export function ListPagination({ totalLabel, total, page, pageSize, onPage, onPageSize, testId }: ListPaginationProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between" wrap="wrap">
      <Text size="sm" c="dimmed" data-testid={`${testId}-total`}>
        {totalLabel}
      </Text>
      <Group gap="sm">
        <Pagination total={pages} value={Math.min(page, pages)} onChange={onPage} data-testid={`${testId}-pagination`} />
        <Select
          w={130}
          size="sm"
          aria-label={t('list.pageSize')}
          data={PAGE_SIZES.map((n) => ({ value: String(n), label: t('list.perPage', { n }) }))}
          value={String(pageSize)}
          onChange={(v) => v && onPageSize(Number(v))}
          allowDeselect={false}
          data-testid={`${testId}-page-size`}
        />
      </Group>
    </Group>
  );
}
