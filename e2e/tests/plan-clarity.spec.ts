import fs from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { pick, signIn } from './helpers';

const check = (page: Page) => page.getByTestId('task-clarity-check');
const criterion = (page: Page, name: string) => check(page).locator(`[data-criterion="${name}"]`);

test('the "5 rõ" check: a task says what it lacks, the plan its score, and a filter shows only the tasks not yet clear', async ({
  page,
}) => {
  await signIn(page, 'dieuphoi.camau@camau.gov.vn');
  await page.getByTestId('create-agreement').click();
  await page.getByTestId('agreement-title').fill(`Thỏa thuận hợp tác chuyển đổi số Cà Mau – MobiFone (5 rõ) ${Date.now()}`);
  await page.getByTestId('agreement-signed-on').fill('05/10/2025');
  await pick(page, 'party-organisation-1', 'mobifone', /MobiFone/);
  await page.getByTestId('agreement-save').click();
  await page.getByTestId('add-area').click();
  await page.getByTestId('area-form-title').fill('Phát triển hạ tầng số');
  await page.getByTestId('area-save').click();

  // A task with a title only: the form says, as it is typed, which of the five it still lacks.
  await page.getByTestId('add-task').click();
  await page.getByTestId('task-form-title').fill('Phủ sóng 5G các xã ven biển');
  await expect(check(page)).toHaveAttribute('data-clear', 'false');
  await expect(criterion(page, 'person')).toContainText('Chưa có người chịu trách nhiệm.');
  await page.getByTestId('task-form-responsible-person').fill('Lê Thị Hoa – Phó Giám đốc Sở KH&CN');
  await expect(criterion(page, 'person')).toHaveAttribute('data-met', 'true');
  await page.getByTestId('task-form-description').fill('Phủ sóng 5G các xã ven biển');
  await expect(criterion(page, 'work')).toContainText('Phần mô tả chỉ lặp lại tên nhiệm vụ.');
  await expect(check(page)).toContainText('1/5 rõ');
  await page.getByTestId('task-save').click();

  const row = page.getByTestId('task-row').filter({ hasText: 'Phủ sóng 5G' });
  await expect(row.getByTestId('task-clarity')).toHaveText('1/5 rõ');
  await expect(row.getByTestId('task-clarity')).toHaveAttribute('title', /Rõ việc, Rõ thời gian, Rõ trách nhiệm, Rõ kết quả/);
  await expect(page.getByTestId('plan-clarity-score')).toHaveAttribute('data-score', '20');

  // Made clear in every criterion: the mark goes and the score is full.
  await row.click();
  await page
    .getByTestId('task-form-description')
    .fill('Lắp đặt 40 trạm 5G tại 12 xã ven biển, đo kiểm vùng phủ và công bố bản đồ phủ sóng.');
  await pick(page, 'task-form-lead-unit', 'khoa hoc', /Sở Khoa học và Công nghệ tỉnh Cà Mau/);
  await page.getByTestId('task-form-start-date').fill('01/01/2026');
  await page.getByTestId('task-form-due-date').fill('31/12/2026');
  await page.getByTestId('task-form-expected-product').fill('100% xã ven biển có sóng 5G');
  await expect(check(page)).toHaveAttribute('data-clear', 'true');
  await page.getByTestId('task-save').click();
  await expect(page.getByTestId('plan-clarity-score')).toHaveAttribute('data-score', '100');
  await expect(row.getByTestId('task-clarity')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // A second task, not clear: the filter shows it alone, and the address keeps the filter.
  await page.getByTestId('add-task').click();
  await page.getByTestId('task-form-title').fill('Đào tạo kỹ năng số cho cán bộ xã');
  await page.getByTestId('task-save').click();
  await expect(page.getByTestId('task-row')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await page.getByTestId('plan-clarity-filter').click();
  await expect(page).toHaveURL(/clarity=failing/);
  await expect(page.getByTestId('task-row')).toHaveCount(1);
  await expect(page.getByTestId('task-row')).toContainText('Đào tạo kỹ năng số cho cán bộ xã');
  await page.reload();
  await expect(page.getByTestId('task-row')).toHaveCount(1);
  await page.getByTestId('plan-clarity-filter').click();
  await expect(page.getByTestId('task-row')).toHaveCount(2);

  // The agreement asks for the sixth "rõ": the clear task now lacks who decides, until it is named.
  await page.getByTestId('edit-agreement').click();
  await page.getByTestId('agreement-checks-authority').check();
  await page.getByTestId('agreement-save').click();
  await expect(page.getByTestId('agreement-title-heading')).toBeVisible();
  await expect(row.getByTestId('task-clarity')).toHaveText('5/6 rõ');
  await row.click();
  await expect(criterion(page, 'authority')).toContainText('Chưa rõ người có thẩm quyền quyết định.');
  await page.getByTestId('task-form-decided-by').fill('Phó Chủ tịch UBND tỉnh');
  await expect(check(page)).toHaveAttribute('data-clear', 'true');
  await page.getByTestId('task-save').click();
  await expect(row.getByTestId('task-clarity')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // The plan leaves as the spreadsheet the offices keep (its content is checked in plan-export.test.ts).
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^Ke hoach - Thỏa thuận hợp tác chuyển đổi số Cà Mau – MobiFone \(5 rõ\) \d+\.xlsx$/);
  const bytes = await fs.readFile(await download.path());
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
});
