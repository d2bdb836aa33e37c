import { describe, expect, it } from 'vitest';
import { buildArea, buildTask } from '../../../../test/plan-factories';
import { timelineItems } from './timeline-items';

describe('the plan on a timeline', () => {
  it('numbers the tasks as the plan does, draws bars to the end of the due date, points for one date, and counts the undated', () => {
    const areas = [
      buildArea('a1', [
        buildTask({
          id: 't1',
          startDate: '2026-01-01',
          dueDate: '2026-03-31',
          children: [buildTask({ id: 't1a', startDate: null, dueDate: '2026-02-15' })],
        }),
        buildTask({ id: 't2', startDate: null, dueDate: null }),
      ]),
      buildArea('a2', [buildTask({ id: 't3', startDate: '2026-05-01', dueDate: null })]),
    ];
    const { items, undated } = timelineItems(areas);
    expect(items.map((i) => [i.id, i.group, i.number, i.start, i.end])).toEqual([
      ['t1', 'a1', '1.1', '2026-01-01', '2026-04-01'],
      ['t1a', 'a1', '1.1.1', '2026-02-15', null],
      ['t3', 'a2', '2.1', '2026-05-01', null],
    ]);
    expect(undated).toBe(1);
  });
});
