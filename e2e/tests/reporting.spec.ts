import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

/** The number in the unit's "not reported this cycle" notice, or 0 when every task is reported. */
async function staleCount(page: Page): Promise<number> {
  await expect(page.getByTestId('unit-stale').or(page.getByTestId('unit-stale-none'))).toBeVisible();
  if (await page.getByTestId('unit-stale-none').isVisible()) return 0;
  return Number((await page.getByTestId('unit-stale').textContent())?.match(/\d+/)?.[0]);
}

test("a unit officer sees the tasks not reported this cycle, reports on one, and it leaves the list; the province sees each unit's count", async ({
  browser,
}) => {
  const officer = await browser.newPage();
  await signIn(officer, 'canbo@vnpt-camau.vn');
  await officer.goto('/tasks');
  const before = await staleCount(officer);
  expect(before).toBeGreaterThan(0);

  // Only the stale tasks, each flagged.
  await officer.getByTestId('unit-stale-show').click();
  await expect(officer.getByTestId('task-list-filter-stale')).toBeChecked();
  const rows = officer.getByTestId('task-list-row');
  await expect(rows).toHaveCount(Math.min(before, 20));
  for (const row of await rows.all()) {
    await expect(row).toHaveAttribute('data-stale', 'true');
    await expect(row.getByTestId('task-stale')).toBeVisible();
  }
  // The badge says when the task was last reported, on hover (its tooltip is made only then).
  await expect(officer.getByRole('tooltip')).toHaveCount(0);
  await rows.first().getByTestId('task-stale').hover();
  await expect(officer.getByRole('tooltip')).toContainText(/Chưa báo cáo tiến độ trong kỳ này|Chưa có báo cáo tiến độ nào/);
  await officer.mouse.move(0, 0);
  await expect(officer.getByRole('tooltip')).toHaveCount(0);

  // A report on the first one, shared with the other side.
  const title = (await rows.first().getByTestId('task-list-title').textContent()) ?? '';
  await rows.first().getByTestId('task-list-title').click();
  await officer.getByTestId('task-tab-thread').click();
  await officer.getByTestId('entry-body').fill('Báo cáo tiến độ kỳ này: đã hoàn thành các hạng mục theo kế hoạch.');
  await officer.getByTestId('entry-send').click();
  await expect(officer.getByTestId('thread-entry').first()).toHaveAttribute('data-kind', 'report');

  await officer.goto('/tasks?stale=true');
  await expect(officer.getByTestId('task-list-row')).toHaveCount(Math.min(before - 1, 20));
  await expect(officer.getByTestId('task-list-row').filter({ hasText: title })).toHaveCount(0);
  await officer.goto('/tasks');
  expect(await staleCount(officer)).toBe(before - 1);

  // The province coordinator: each lead unit's count in the agreement, opening the unit's list.
  const province = await browser.newPage();
  await signIn(province, 'dieuphoi.camau@camau.gov.vn');
  await province.goto('/search?q=ca mau vnpt');
  await province.getByTestId('search-agreement-link').filter({ hasText: 'Tập đoàn Bưu chính Viễn thông' }).first().click();
  await province.getByTestId('tab-reporting').click();
  await expect(province.getByTestId('reporting-cycle')).toContainText('Hằng tháng');
  // Both sides first: what the partner still owes, opening the list of exactly those tasks.
  const partnerOwes = province.locator('[data-testid="reporting-side"][data-obligor="enterprise"] [data-column="total"]');
  const owed = Number(await partnerOwes.textContent());
  expect(owed).toBeGreaterThan(0);
  await partnerOwes.getByTestId('reporting-side-count').click();
  await expect(province.getByTestId('plan-list')).toBeVisible();
  await expect(province.getByTestId('task-list-total')).toContainText(String(owed));
  await province.goBack();
  const unit = province.getByTestId('reporting-unit').filter({ hasText: 'Viễn thông Cà Mau (VNPT Cà Mau)' });
  await expect(unit).toBeVisible();
  const count = Number(await unit.getAttribute('data-stale'));
  expect(count).toBeLessThan(before);
  if (count > 0) {
    await unit.getByTestId('reporting-unit-stale').click();
    await expect(province.getByTestId('plan-list')).toBeVisible();
    await expect(province.getByTestId('task-list-filter-stale')).toBeChecked();
    await expect(province.getByTestId('task-list-row')).toHaveCount(Math.min(count, 20));
  }
});
