import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

/** Picks an option of a Mantine select or multi-select by its visible label. */
async function choose(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).first().click();
  await page.keyboard.press('Escape');
}

const rows = (page: Page) => page.getByTestId('task-list-row');
const statuses = (page: Page) =>
  page
    .getByTestId('task-list-table')
    .getByTestId('task-status')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));

test("a unit officer opens their unit's tasks, filters them by status, and the address keeps the filter", async ({ page }) => {
  await signIn(page, 'canbo@vnpt-camau.vn');
  await page.getByTestId('nav-tasks').click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByRole('heading', { name: 'Việc của đơn vị' })).toBeVisible();
  await expect(page.getByTestId('unit-tasks-subtitle')).toContainText('VNPT Cà Mau');

  // Every task listed is led by the officer's unit, across the agreements they may read.
  await expect(rows(page).first()).toBeVisible();
  const all = await rows(page).count();
  expect(all).toBeGreaterThan(1);
  for (const unit of await page.getByTestId('task-list-lead-unit').allTextContents()) expect(unit).toContain('VNPT Cà Mau');
  await expect(page.getByTestId('task-list-total')).toContainText(String(all));

  // Nearest deadline first by default.
  const dates = async () =>
    (await page.getByTestId('task-list-due').allTextContents())
      .map((d) => d.trim().split('/').reverse().join('-'))
      .filter((d) => d !== '—');
  const ascending = await dates();
  expect([...ascending].sort()).toEqual(ascending);

  await choose(page, 'task-list-filter-status', 'Quá hạn');
  await expect(page).toHaveURL(/status=overdue/);
  await expect.poll(async () => rows(page).count()).toBeLessThan(all);
  await expect.poll(async () => [...new Set(await statuses(page))]).toEqual(['overdue']);

  // A reload shows the same list.
  const filtered = await rows(page).count();
  await page.reload();
  await expect(rows(page)).toHaveCount(filtered);
  await expect(page.getByTestId('task-list-filter-status')).toBeVisible();
  await expect(page.getByTestId('task-list-table')).not.toContainText('Hoàn thành');

  // The latest deadline first, by the column header.
  await page.getByTestId('sort-dueDate').click();
  await expect(page).toHaveURL(/order=desc/);
  await expect
    .poll(async () => {
      const d = await dates();
      return d.length > 0 && [...d].sort().reverse().join() === d.join();
    })
    .toBe(true);

  // A title opens the task on its agreement's page.
  const title = (await page.getByTestId('task-list-title').first().textContent()) ?? '';
  await page.getByTestId('task-list-title').first().click();
  await expect(page).toHaveURL(/\/agreements\/[0-9a-f-]+\?task=/);
  await expect(page.getByTestId('task-drawer')).toContainText(title);
  await expect(page.getByTestId('task-form-title')).toHaveValue(title);
});

test('a search from the header without diacritics finds the Cà Mau agreements and their tasks', async ({ page }) => {
  await signIn(page, 'dieuphoi.camau@camau.gov.vn');
  const box = page.getByTestId('header-search');
  await box.fill('ca mau');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=ca(%20|\+)mau/);
  await expect(page.getByRole('heading', { name: /ca mau/ })).toBeVisible();

  const agreements = page.getByTestId('search-agreement-hit');
  await expect(agreements.first()).toBeVisible();
  expect(await agreements.count()).toBeGreaterThanOrEqual(2);
  for (const text of await agreements.allTextContents()) expect(text).toContain('Cà Mau');
  await expect(page.getByTestId('search-agreements-total')).toHaveText(String(await agreements.count()));
  await expect(page.getByTestId('search-task-hit').first()).toBeVisible();

  // One letter is not a search: the page says so instead of asking the server.
  await page.getByTestId('search-input').fill('c');
  await page.getByTestId('search-submit').click();
  await expect(page.getByTestId('search-too-short')).toBeVisible();
  await page.goBack();

  await page.getByTestId('search-agreement-link').first().click();
  await expect(page.getByTestId('agreement-title-heading')).toContainText('Cà Mau');
});

test("the agreement's plan as a list filters by status and lead unit, pages, and opens a task", async ({ page }) => {
  await signIn(page, 'dieuphoi.camau@camau.gov.vn');
  await page.getByTestId('agreements-search').fill('ca mau vnpt');
  await expect(page.getByTestId('agreement-row')).toHaveCount(1);
  await page.getByTestId('agreement-link').click();
  await expect(page.getByTestId('task-row').first()).toBeVisible();

  await page.getByTestId('plan-view').getByText('Danh sách').click();
  await expect(page).toHaveURL(/view=list/);
  await expect(page.getByTestId('task-list-total')).toContainText('30');
  await expect(rows(page)).toHaveCount(20);
  // Inside one agreement the rows do not repeat it.
  await expect(page.getByTestId('task-list-agreement')).toHaveCount(0);

  // Ten a page: page 2 holds the next ten.
  await choose(page, 'task-list-page-size', '10 / trang');
  await expect(rows(page)).toHaveCount(10);
  const firstPage = await page.getByTestId('task-list-title').allTextContents();
  await page.getByTestId('task-list-pagination').getByRole('button', { name: '2', exact: true }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId('task-list-title').first()).not.toHaveText(firstPage[0] ?? '');
  const secondPage = await page.getByTestId('task-list-title').allTextContents();
  expect(secondPage.filter((t) => firstPage.includes(t))).toEqual([]);
  // The page after the one shown goes on from its last task (a place in the list, kept in the
  // address): a reload shows the same rows; a page further away is counted to.
  await expect(page).toHaveURL(/page=2&after=[\w-]+/);
  await page.reload();
  await expect(page.getByTestId('task-list-title')).toHaveText(secondPage);
  await page.getByTestId('task-list-pagination').getByRole('button', { name: '3', exact: true }).click();
  await expect(page).toHaveURL(/page=3&after=[\w-]+/);
  await expect(page.getByTestId('task-list-title').first()).not.toHaveText(secondPage[0] ?? '');
  const thirdPage = await page.getByTestId('task-list-title').allTextContents();
  await page.getByTestId('task-list-pagination').getByRole('button', { name: '1', exact: true }).click();
  await expect(page).not.toHaveURL(/after=/);
  await expect(page.getByTestId('task-list-title')).toHaveText(firstPage);
  await page.getByTestId('task-list-pagination').getByRole('button', { name: '3', exact: true }).click();
  await expect(page).toHaveURL(/page=3/);
  await expect(page).not.toHaveURL(/after=/);
  await expect(page.getByTestId('task-list-title')).toHaveText(thirdPage);
  await page.getByTestId('task-list-pagination').getByRole('button', { name: '2', exact: true }).click();
  await expect(page.getByTestId('task-list-title')).toHaveText(secondPage);

  // Filtering starts again from page 1.
  await choose(page, 'task-list-filter-status', 'Quá hạn');
  await expect(page).not.toHaveURL(/page=2/);
  // The previous page stays on screen until the filtered one arrives.
  await expect.poll(async () => [...new Set(await statuses(page))]).toEqual(['overdue']);

  await choose(page, 'task-list-filter-lead-unit', /VNPT Cà Mau/);
  await expect(page).toHaveURL(/leadUnitId=/);
  await expect
    .poll(async () => (await page.getByTestId('task-list-lead-unit').allTextContents()).every((u) => u.includes('VNPT Cà Mau')))
    .toBe(true);
  const narrowed = await rows(page).count();
  expect(narrowed).toBeGreaterThan(0);

  // Text matches without diacritics.
  await page.getByTestId('task-list-search').fill('bts nam can');
  await expect(page).toHaveURL(/q=bts(\+|%20)nam(\+|%20)can/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText('trạm BTS');

  // A task opens in the panel; closing it leaves the list as it was.
  await page.getByTestId('task-list-title').click();
  await expect(page).toHaveURL(/task=/);
  await expect(page.getByTestId('task-form-title')).toHaveValue(/trạm BTS/);
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/task=/);
  await expect(page).toHaveURL(/view=list.*status=overdue|status=overdue.*view=list/);
  await expect(rows(page)).toHaveCount(1);

  // Nothing matches: the list says so and offers to clear the filters.
  await page.getByTestId('task-list-search').fill('khong co nhiem vu nay');
  await expect(page.getByTestId('task-list-empty')).toBeVisible();
  await page.getByTestId('task-list-empty').getByRole('button').click();
  await expect(rows(page)).toHaveCount(10);
  await expect(page).toHaveURL(/view=list/);
});
