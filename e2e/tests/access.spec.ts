import { expect, test } from '@playwright/test';
import { findAgreementId, signIn } from './helpers';

test("a partner's unit officer cannot see an unrelated agreement", async ({ page, request }) => {
  const hiddenId = await findAgreementId(request, 'admin@accord.local', 'hai duong viettel');

  await signIn(page, 'canbo@fpt-is.com');
  // FPT's own agreement with Cà Mau is listed; Viettel's with Hải Dương is not.
  await expect(page.getByTestId('agreement-row').first()).toBeVisible();
  await expect(page.getByTestId('agreements-table')).toContainText('FPT');
  await expect(page.getByTestId('agreements-table')).not.toContainText('Hải Dương');
  await page.getByTestId('agreements-search').fill('hai duong');
  await expect(page.getByTestId('agreements-empty')).toBeVisible();

  // Typing its address answers exactly as for an agreement that does not exist.
  await page.goto(`/agreements/${hiddenId}`);
  await expect(page.getByRole('alert')).toContainText('Không tìm thấy thỏa thuận');
  await page.goto('/agreements/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('alert')).toContainText('Không tìm thấy thỏa thuận');
});

test('a wrong password gets a clear message and no hint whether the account exists', async ({ page }) => {
  // A newcomer opens the root address and is sent to sign in.
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByTestId('sign-in-email').fill('dieuphoi@vnpt.vn');
  await page.getByTestId('sign-in-password').fill('sai-mat-khau');
  await page.getByTestId('sign-in-submit').click();
  const known = await page.getByTestId('sign-in-error').textContent();
  await page.getByTestId('sign-in-email').fill('khong-ton-tai@vnpt.vn');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('sign-in-error')).toHaveText(known ?? '');
  expect(known).toMatch(/mật khẩu/i);
});

test('an observer sees every agreement and sorts the whole list by a column', async ({ page }) => {
  await signIn(page, 'quansat@mst.gov.vn');
  // The five seed agreements and the 2014–2020 predecessor, whoever the parties are.
  await expect(page.getByTestId('agreement-row').nth(5)).toBeVisible();
  const counts = async () => (await page.getByTestId('agreement-task-count').allTextContents()).map((t) => Number(t.trim()));
  await page.getByTestId('sort-taskCount').click();
  await expect(page).toHaveURL(/sort=taskCount/);
  await expect
    .poll(async () => {
      const c = await counts();
      return c.every((n, i) => i === 0 || (c[i - 1] ?? 0) <= n);
    })
    .toBe(true);
  await page.getByTestId('sort-taskCount').click();
  await expect(page).toHaveURL(/order=desc/);
  await expect
    .poll(async () => {
      const c = await counts();
      return c.every((n, i) => i === 0 || (c[i - 1] ?? 0) >= n);
    })
    .toBe(true);
  // The largest: Hải Dương – Viettel's 30 tasks and the one its 2024 revision added.
  expect((await counts())[0]).toBe(31);
});

test('a crafted sign-in link cannot send anyone off the site, and lands on the home page', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // `/\evil.example` is read by browsers as `//evil.example`.
  await page.goto('/sign-in?next=/%5Cevil.example');
  await page.getByTestId('sign-in-email').fill('dieuphoi@vnpt.vn');
  await page.getByTestId('sign-in-password').fill('Accord@2026');
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await expect(page).toHaveURL(/\/agreements$/);
  await expect(page.getByTestId('agreement-row').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('a user changes their password: their other browser is signed out, and the new password signs in', async ({ page, browser }) => {
  const email = 'canbo.anxuyen@camau.gov.vn';
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  await signIn(elsewhere, email);
  await signIn(page, email);

  await page.getByTestId('user-menu').click();
  await page.getByTestId('user-menu-account').click();
  await page.getByTestId('password-current').fill('Accord@2026');
  await page.getByTestId('password-new').fill('một câu mật khẩu mới của An Xuyên');
  await page.getByTestId('password-repeat').fill('một câu mật khẩu khác');
  await page.getByTestId('password-submit').click();
  await expect(page.getByText('Hai lần nhập mật khẩu mới không khớp.')).toBeVisible();
  await page.getByTestId('password-repeat').fill('một câu mật khẩu mới của An Xuyên');
  await page.getByTestId('password-submit').click();
  await expect(page.getByText('Đã đổi mật khẩu.', { exact: false })).toBeVisible();

  // The other browser's session has ended: its next page asks to sign in again.
  await elsewhere.goto('/tasks');
  await expect(elsewhere).toHaveURL(/\/sign-in/);
  await signIn(elsewhere, email, 'một câu mật khẩu mới của An Xuyên');
  await other.close();
});

test('an administrator reads the security log from the user menu', async ({ page }) => {
  await signIn(page, 'admin@accord.local');
  await page.getByTestId('user-menu').click();
  await page.getByTestId('user-menu-security').click();
  await expect(page.getByTestId('security-events')).toContainText('admin@accord.local');
  await expect(page.getByTestId('security-events')).toContainText('Đăng nhập thành công');
});
