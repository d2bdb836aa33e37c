import { todayInVietnam, type TaskStatus } from '@accord/domain';
import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../../components/ui/page-loader';
import type { PlanArea } from '../plan-tree';
import type { TimelineZoom } from './timeline-chart';
import { timelineItems } from './timeline-items';
import './timeline.css';

// The library is large: loaded when the timeline is first shown, not with the app.
const TimelineChart = lazy(() => import('./timeline-chart'));

const legend: TaskStatus[] = ['in_progress', 'at_risk', 'overdue', 'delivered', 'completed_on_time', 'completed_late', 'paused'];

interface PlanTimelineProps {
  areas: readonly PlanArea[];
  onOpenTask: (taskId: string) => void;
}

/** "Tiến độ" view of the plan: a Gantt-style timeline by area, today's line, overdue tasks marked, zoomable and printable. */
export function PlanTimeline({ areas, onOpenTask }: PlanTimelineProps) {
  const { t, i18n } = useTranslation('plan');
  const [zoom, setZoom] = useState<TimelineZoom>('year');
  const { items, undated } = useMemo(() => timelineItems(areas), [areas]);
  const groups = useMemo(() => areas.map((a) => ({ id: a.id, title: a.title })), [areas]);
  const statusLabel = useCallback((s: TaskStatus) => t(`timeline.status.${s}`), [t]);
  const overdue = items.filter((i) => i.status === 'overdue').length;

  return (
    <Stack gap="sm" data-testid="plan-timeline">
      <Group justify="space-between" className="accord-no-print">
        <SegmentedControl
          size="xs"
          value={zoom}
          onChange={(v) => setZoom(v as TimelineZoom)}
          aria-label={t('timeline.zoom')}
          data-testid="plan-timeline-zoom"
          data={(['month', 'quarter', 'year', 'all'] as const).map((z) => ({ value: z, label: t(`timeline.zooms.${z}`) }))}
        />
        <Group gap="xs">
          {overdue > 0 && (
            <Badge color="red" variant="light" data-testid="plan-timeline-overdue">
              {t('timeline.overdue', { count: overdue })}
            </Badge>
          )}
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPrinter size={14} />}
            onClick={() => window.print()}
            data-testid="plan-timeline-print"
          >
            {t('timeline.print')}
          </Button>
        </Group>
      </Group>
      <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
        <Suspense fallback={<PageLoader />}>
          <TimelineChart
            groups={groups}
            items={items}
            zoom={zoom}
            today={todayInVietnam()}
            language={i18n.language}
            statusLabel={statusLabel}
            todayLabel={t('timeline.today')}
            onOpen={onOpenTask}
          />
        </Suspense>
      </Paper>
      <Group gap="xs" data-testid="plan-timeline-legend">
        {legend.map((s) => (
          <span key={s} className={`accord-timeline-key tl-key-${s}`}>
            <Text span size="xs">
              {s === 'paused' ? t('timeline.stopped') : t(`timeline.status.${s}`)}
            </Text>
          </span>
        ))}
        <Text span size="xs" c="dimmed">
          {t('timeline.todayLine')}
        </Text>
      </Group>
      {undated > 0 && (
        <Text size="sm" c="dimmed" data-testid="plan-timeline-undated">
          {t('timeline.undated', { count: undated })}
        </Text>
      )}
    </Stack>
  );
}
