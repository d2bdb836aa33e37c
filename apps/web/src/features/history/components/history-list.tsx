import type { AuditEvent } from '@accord/domain';
import { Button, Center, EmptyState, Timeline } from '@mantine/core';
import { IconArrowsMove, IconHistory, IconPencil, IconPlus, IconProgressCheck, IconTrash } from '@tabler/icons-react';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../components/ui/page-loader';
import { QueryError } from '../../../components/ui/query-error';
import { HistoryEntry, actionColors } from './history-entry';

const actionIcons = {
  create: IconPlus,
  update: IconPencil,
  delete: IconTrash,
  status: IconProgressCheck,
  move: IconArrowsMove,
} as const;

interface HistoryListProps {
  /** The infinite query of an agreement's or a task's history. */
  history: UseInfiniteQueryResult<InfiniteData<{ items: AuditEvent[] }>>;
  /** Titles of records the page already knows (areas, tasks), to name ids in changes. */
  knownTitles?: ReadonlyMap<string, string>;
}

/** A timeline of audit events, newest first, with "load older". */
export function HistoryList({ history, knownTitles }: HistoryListProps) {
  const { t } = useTranslation('history');
  const { error, isPending, hasNextPage, isFetchingNextPage } = history;
  const pages = history.data?.pages;
  const fetchNextPage = () => void history.fetchNextPage();
  const refetch = () => void history.refetch();
  const events = useMemo(() => pages?.flatMap((p) => p.items) ?? [], [pages]);
  // Ids in move events (area, parent task) read better as the titles the other events carry.
  const titles = useMemo(() => {
    const map = new Map(knownTitles);
    for (const e of events) if (e.entityTitle && !map.has(e.entityId)) map.set(e.entityId, e.entityTitle);
    return map;
  }, [events, knownTitles]);

  if (error) return <QueryError error={error} onRetry={refetch} />;
  if (isPending) return <PageLoader />;
  if (events.length === 0)
    return <EmptyState py="xl" icon={<IconHistory size={32} />} title={t('history.empty')} data-testid="history-empty" />;

  return (
    <>
      <Timeline bulletSize={26} lineWidth={2} data-testid="history-list">
        {events.map((event) => {
          const Icon = actionIcons[event.action];
          return (
            <Timeline.Item key={event.id} bullet={<Icon size={14} />} color={actionColors[event.action]}>
              <HistoryEntry event={event} resolve={(id) => titles.get(id)} />
            </Timeline.Item>
          );
        })}
      </Timeline>
      {hasNextPage && (
        <Center mt="md">
          <Button variant="subtle" onClick={fetchNextPage} loading={isFetchingNextPage} data-testid="history-more">
            {t('history.loadMore')}
          </Button>
        </Center>
      )}
    </>
  );
}
