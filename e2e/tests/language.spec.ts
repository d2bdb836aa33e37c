import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('switching to English changes the interface, and the choice stays', async ({ page }) => {
  await signIn(page, 'lanhdao.camau@camau.gov.vn');
  const nav = page.getByRole('banner').getByRole('navigation');
  await expect(nav).toContainText('Thỏa thuận');
  await page.getByTestId('user-menu').click();
  await page.getByTestId('language-switch').getByText('English').click();
  await expect(nav).toContainText('Agreements');
  await expect(nav).toContainText('Organisations');
  await page.reload();
  await expect(nav).toContainText('Agreements');
  // Dates stay dd/mm/yyyy.
  await expect(page.getByTestId('agreements-table')).toContainText('11/09/2025');
});

test('the layout can be switched right-to-left and back', async ({ page }) => {
  await signIn(page, 'quansat@mst.gov.vn');
  await page.getByTestId('user-menu').click();
  await page.getByTestId('direction-switch').getByText('Phải → trái').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('agreement-row').first()).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByTestId('user-menu').click();
  await page.getByTestId('direction-switch').getByText('Trái → phải').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});
