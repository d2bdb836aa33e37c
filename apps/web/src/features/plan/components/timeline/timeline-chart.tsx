import type { TaskStatus } from '@accord/domain';
import { useEffect, useRef } from 'react';
import { Timeline, type TimelineOptions } from 'vis-timeline/standalone';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import './timeline.css';
import type { TimelineItem } from './timeline-items';

export type TimelineZoom = 'month' | 'quarter' | 'year' | 'all';

interface TimelineChartProps {
  groups: { id: string; title: string }[];
  items: TimelineItem[];
  zoom: TimelineZoom;
  /** Today in Việt Nam (yyyy-mm-dd): where the window is centred and the line is drawn. */
  today: string;
  language: string;
  statusLabel: (status: TaskStatus) => string;
  todayLabel: string;
  onOpen: (taskId: string) => void;
}

const halfWindowDays: Record<Exclude<TimelineZoom, 'all'>, number> = { month: 16, quarter: 46, year: 183 };
const dayMs = 86_400_000;
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The plan on vis-timeline (a maintained library): one row per area, a bar per task from its start
 * to its due date coloured by its status, today's line, and the window zoomed to a month, a quarter,
 * a year, or the whole plan. Its labels come from Intl in the user's language.
 */
export default function TimelineChart({ groups, items, zoom, today, language, statusLabel, todayLabel, onOpen }: TimelineChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const timeline = useRef<Timeline | null>(null);
  const opener = useRef(onOpen);
  opener.current = onOpen;
  const todayAt = Date.parse(`${today}T12:00:00+07:00`);

  useEffect(() => {
    if (!host.current) return;
    const locale = language === 'vi' ? 'vi-VN' : 'en-GB';
    const month = new Intl.DateTimeFormat(locale, { month: 'short' });
    const monthYear = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' });
    const day = new Intl.DateTimeFormat(locale, { day: 'numeric' });
    const options: TimelineOptions = {
      stack: true,
      showCurrentTime: false,
      zoomMin: 14 * dayMs,
      zoomMax: 20 * 366 * dayMs,
      orientation: { axis: 'top', item: 'top' },
      margin: { item: { horizontal: 2, vertical: 4 } },
      groupOrder: (a: { order: number }, b: { order: number }) => a.order - b.order,
      format: {
        minorLabels: (date, scale) => {
          const d = new Date(date.valueOf());
          if (scale === 'year') return String(d.getFullYear());
          if (scale === 'month') return month.format(d);
          return day.format(d);
        },
        majorLabels: (date, scale) => {
          const d = new Date(date.valueOf());
          return scale === 'year' || scale === 'month' ? String(d.getFullYear()) : monthYear.format(d);
        },
      },
      tooltip: { followMouse: true },
    };
    const t = new Timeline(host.current, [], [], options);
    t.addCustomTime(new Date(todayAt), 'today');
    t.setCustomTimeTitle(todayLabel, 'today');
    t.on('select', (props: { items: string[] }) => {
      const id = props.items[0];
      if (id) opener.current(id);
    });
    timeline.current = t;
    return () => {
      t.destroy();
      timeline.current = null;
    };
  }, [language, todayAt, todayLabel]);

  useEffect(() => {
    const t = timeline.current;
    if (!t) return;
    t.setGroups(groups.map((g, order) => ({ id: g.id, order, content: escape(`${order + 1}. ${g.title}`) })));
    t.setItems(
      items.map((i) => ({
        id: i.id,
        group: i.group,
        start: i.start,
        ...(i.end ? { end: i.end, type: 'range' as const } : { type: 'point' as const }),
        content: escape(`${i.number} ${i.title}`),
        title: escape(`${i.number} ${i.title} — ${statusLabel(i.status)}`),
        className: `tl-${i.status}`,
      })),
    );
  }, [groups, items, statusLabel]);

  useEffect(() => {
    const t = timeline.current;
    if (!t) return;
    if (zoom === 'all') t.fit({ animation: false });
    else {
      const half = halfWindowDays[zoom] * dayMs;
      t.setWindow(new Date(todayAt - half), new Date(todayAt + half), { animation: false });
    }
  }, [zoom, todayAt, items]);

  return <div ref={host} className="accord-timeline" data-testid="plan-timeline-chart" />;
}
