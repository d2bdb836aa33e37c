import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

async function openHaiDuongPlan(page: Page, email: string) {
  await signIn(page, email);
  await page.getByTestId('agreements-search').fill('hai duong');
  await page.getByTestId('agreement-row').getByTestId('agreement-link').click();
  await expect(page.getByTestId('plan-approval')).toBeVisible();
}

test("the Hải Dương – Viettel plan: its approved revision compared with the first version, revised again by Viettel and approved by both sides' coordinators", async ({
  browser,
}) => {
  const viettel = await browser.newPage();
  await openHaiDuongPlan(viettel, 'dieuphoi@viettel.com.vn');
  const panel = viettel.getByTestId('plan-approval');
  await expect(panel).toHaveAttribute('data-state', 'approved');
  await expect(viettel.getByTestId('plan-approval-summary')).toContainText('Bản số 2');

  // What the first revision changed: the smart-tourism deadline moved, the 2024–2025 plan added.
  await viettel.getByTestId('plan-approval-compare').click();
  const diff = viettel.getByTestId('plan-diff');
  await viettel.getByTestId('plan-diff-from').click();
  await viettel.getByRole('option', { name: /Bản số 1/ }).click();
  await expect(diff.getByTestId('plan-diff-added')).toContainText('Cập nhật Kế hoạch triển khai thỏa thuận cho giai đoạn 2024–2025');
  const moved = diff.getByTestId('plan-diff-task').filter({ hasText: 'du lịch thông minh' });
  await expect(moved.locator('[data-field="dueDate"]')).toContainText('30/06/2024');
  await expect(moved.locator('[data-field="dueDate"]')).toContainText('31/12/2024');
  await viettel.keyboard.press('Escape');

  // A waived task: its waiver taken back stops the submission; the task completed instead.
  await viettel.getByTestId('task-row').filter({ hasText: 'Cáp quang hóa đến các thôn' }).click();
  await expect(viettel.getByTestId('task-waiver-reason')).toContainText('kế hoạch hằng năm');
  await viettel.getByTestId('task-waiver-clear').click();
  await expect(viettel.getByTestId('plan-approval-failing')).toContainText('1 nhiệm vụ chưa đủ 5 rõ');
  await expect(viettel.getByTestId('plan-submit')).toBeDisabled();
  await viettel.getByTestId('task-form-responsible-person').fill('Nguyễn Văn Hùng – Giám đốc Viettel Hải Dương');
  await viettel.getByTestId('task-form-expected-product').fill('100% thôn, khu dân cư có hạ tầng cáp quang');
  await viettel.getByTestId('task-save').click();
  await expect(viettel.getByTestId('plan-approval-failing')).toHaveCount(0);
  await expect(panel).toHaveAttribute('data-state', 'revising');
  await viettel.keyboard.press('Escape');

  await viettel.getByTestId('plan-submit').click();
  await viettel.getByTestId('plan-step-text').fill('Bổ sung người phụ trách và sản phẩm nhiệm vụ cáp quang hóa.');
  await viettel.getByTestId('plan-step-confirm').click();
  await expect(panel).toHaveAttribute('data-state', 'submitted');
  await expect(viettel.getByTestId('plan-approval-summary')).toContainText('Bản số 3');

  // The province's coordinator approves for the government side; Viettel's then approves for its own.
  const province = await browser.newPage();
  await openHaiDuongPlan(province, 'dieuphoi.haiphong@haiphong.gov.vn');
  await expect(province.getByTestId('plan-withdraw')).toHaveCount(0);
  await province.getByTestId('plan-approve').click();
  await province.getByTestId('plan-step-confirm').click();
  const sides = province.getByTestId('plan-approval-sides');
  await expect(sides.locator('[data-side="government"]')).toHaveAttribute('data-decision', 'approved');
  await expect(sides.locator('[data-side="enterprise"]')).toHaveAttribute('data-decision', 'pending');
  await expect(province.getByTestId('plan-approve')).toHaveCount(0);

  await viettel.reload();
  await viettel.getByTestId('plan-approve').click();
  await viettel.getByTestId('plan-step-confirm').click();
  await expect(viettel.getByTestId('plan-approval')).toHaveAttribute('data-state', 'approved');
  await expect(viettel.getByTestId('plan-approval-summary')).toContainText('Bản số 3');
});
