import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test("the plan's timeline: tasks by area on vis-timeline, overdue ones marked, zoomed to a month, a task opened from its bar", async ({
  page,
}) => {
  await signIn(page, 'dieuphoi.camau@camau.gov.vn');
  await page.getByTestId('agreements-search').fill('ca mau vnpt');
  await page.getByTestId('agreement-row').filter({ hasText: 'Bưu chính Viễn thông' }).first().getByTestId('agreement-link').click();
  await page.getByTestId('plan-view').getByText('Tiến độ').click();
  await expect(page).toHaveURL(/view=timeline/);
  const chart = page.getByTestId('plan-timeline-chart');
  await expect(chart.locator('.vis-item').first()).toBeVisible();
  // One row per area, numbered as the plan; today's line; the overdue tasks drawn apart and counted.
  const areas = chart.locator('.vis-labelset .vis-label').filter({ hasText: /^\d+\. / });
  await expect(areas.first()).toHaveText(/^1\. \S/);
  // The seed's areas, at least four (a test before may have added one).
  expect(await areas.count()).toBeGreaterThanOrEqual(4);
  await expect(chart.locator('.vis-custom-time.today')).toHaveCount(1);
  const overdue = await chart.locator('.vis-item.tl-overdue').count();
  expect(overdue).toBeGreaterThan(0);
  await expect(page.getByTestId('plan-timeline-overdue')).toContainText('quá hạn');
  // The axis in Vietnamese.
  await expect(chart.locator('.vis-time-axis.vis-foreground')).toContainText('Tháng');

  // A month around today shows the months' days, not the year's months.
  const yearLabels = await chart.locator('.vis-time-axis.vis-foreground .vis-text.vis-minor').allTextContents();
  await page.getByTestId('plan-timeline-zoom').getByText('Tháng').click();
  await expect
    .poll(async () => (await chart.locator('.vis-time-axis.vis-foreground .vis-text.vis-minor').allTextContents()).join('|'))
    .not.toBe(yearLabels.join('|'));

  await page.getByTestId('plan-timeline-zoom').getByText('Toàn bộ').click();
  const bar = chart.locator('.vis-item.tl-overdue').first();
  const title = ((await bar.textContent()) ?? '').replace(/^[\d.]+\s+/, '').slice(0, 20);
  await bar.click();
  await expect(page).toHaveURL(/task=/);
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByTestId('task-form-title')).toHaveValue(new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
});
