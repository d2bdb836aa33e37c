import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('a province coordinator accepts the partner’s delivered product from the acceptance list, and a rejected one shows why', async ({
  page,
}) => {
  await signIn(page, 'dieuphoi.camau@camau.gov.vn');
  await page.getByTestId('nav-acceptance').click();
  await expect(page).toHaveURL(/\/acceptance$/);
  await expect(page.getByRole('heading', { name: 'Nghiệm thu sản phẩm' })).toBeVisible();

  // VNPT-IT delivered the traceability of shrimp and crab: it waits for the province.
  const rows = page.getByTestId('task-list-row');
  const ocop = rows.filter({ hasText: 'truy xuất nguồn gốc cho sản phẩm tôm, cua' });
  await expect(ocop).toHaveCount(1);
  await expect(ocop.getByTestId('task-status')).toHaveAttribute('data-status', 'delivered');

  await ocop.getByTestId('task-list-title').click();
  await expect(page.getByTestId('task-delivery-waiting')).toBeVisible();
  await page.getByTestId('task-accept').click();
  await expect(page.getByTestId('task-delivery-accepted')).toBeVisible();
  await expect(page.getByTestId('task-drawer').getByTestId('task-status')).toHaveAttribute('data-status', /completed_(on_time|late)/);

  await page.keyboard.press('Escape');
  await page.getByTestId('nav-acceptance').click();
  await expect(rows.filter({ hasText: 'truy xuất nguồn gốc cho sản phẩm tôm, cua' })).toHaveCount(0);

  // What the province delivered and VNPT has still to accept is on the other tab.
  await page.getByTestId('acceptance-waiting').getByText('Bên tôi đã bàn giao, chờ bên kia').click();
  await expect(page).toHaveURL(/waiting=theirs/);
  await expect(rows.filter({ hasText: 'cấp độ an toàn các hệ thống thông tin' })).toHaveCount(1);

  // The product VNPT-IT delivered and the province sent back: its reasons are on the task.
  await page.goto('/search?q=lam sach du lieu LGSP');
  await page.getByTestId('search-task-link').first().click();
  await expect(page.getByTestId('task-delivery-rejected')).toContainText('chưa có biên bản kiểm tra kết nối');
  // In the plan, and in the lead unit's list, the task says it came back, the reasons on hover.
  await page.keyboard.press('Escape');
  const returned = page.getByTestId('task-row').filter({ hasText: 'làm sạch dữ liệu' }).getByTestId('task-returned');
  await expect(returned).toHaveAttribute('aria-label', /Bị trả lại: .*chưa có biên bản kiểm tra kết nối/);
  await expect(
    page.getByTestId('task-row').filter({ hasText: 'Rà soát, lập danh mục cơ sở dữ liệu' }).getByTestId('task-returned'),
  ).toHaveCount(0);
});
