import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, pick, signIn } from './helpers';

test('a coordinator creates an agreement with an area and a task, edits the task and sees its history', async ({ page }) => {
  await signIn(page, 'dieuphoi.camau@camau.gov.vn');
  await expect(page.getByTestId('agreement-row').first()).toBeVisible();
  await expect(page.getByTestId('agreements-table')).toContainText('Cà Mau');

  await page.getByTestId('create-agreement').click();
  const title = `Thỏa thuận hợp tác chuyển đổi số Cà Mau – MobiFone ${Date.now()}`;
  await page.getByTestId('agreement-title').fill(title);
  await page.getByTestId('agreement-signed-on').fill('05/10/2025');
  // Bên A starts as the coordinator's own province.
  await expect(page.getByTestId('party-organisation-0')).toHaveValue('Ủy ban nhân dân tỉnh Cà Mau');
  await pick(page, 'party-organisation-1', 'mobifone', /MobiFone/);
  await page.getByTestId('party-signatory-name-0').fill('Nguyễn Văn An');
  await page.getByTestId('agreement-save').click();

  await expect(page.getByTestId('agreement-title-heading')).toHaveText(title);
  await expect(page.getByTestId('agreement-party').first()).toContainText('Nguyễn Văn An');

  // An area from the taxonomy, then a task under it.
  await page.getByTestId('add-area').click();
  await page.getByTestId('area-form-title').fill('Phát triển hạ tầng số');
  await page.getByTestId('area-save').click();
  await expect(page.getByTestId('area-title')).toHaveText('Phát triển hạ tầng số');

  await page.getByTestId('add-task').click();
  await page.getByTestId('task-form-title').fill('Phủ sóng 5G các xã ven biển');
  await page.getByTestId('task-form-responsible-person').fill('Lê Thị Hoa – Phó Giám đốc Sở KH&CN');
  await page.getByTestId('task-form-expected-product').fill('100% xã ven biển có sóng 5G');
  await page.getByTestId('task-save').click();
  await expect(page.getByTestId('task-row')).toContainText('Phủ sóng 5G các xã ven biển');

  // Edit it.
  await page.getByTestId('task-row').getByTestId('task-actions').click();
  await page.getByTestId('task-open').click();
  await page.getByTestId('task-form-title').fill('Phủ sóng 5G toàn bộ các xã ven biển');
  await page.getByTestId('task-save').click();
  await expect(page.getByTestId('task-row')).toContainText('Phủ sóng 5G toàn bộ các xã ven biển');

  // The agreement's history names who changed what.
  await page.keyboard.press('Escape');
  await page.getByTestId('tab-history').click();
  const entries = page.getByTestId('history-entry');
  await expect(entries.first()).toContainText('Phủ sóng 5G toàn bộ các xã ven biển');
  await expect(entries.first()).toContainText('Phủ sóng 5G các xã ven biển');
  expect(await entries.count()).toBeGreaterThanOrEqual(4);
});

test('the plan of a demo agreement shows the seeded tasks with their lead units', async ({ page }) => {
  // Nothing on the way breaks the Content-Security-Policy (zod's probe for eval did, 67 ms of the page's load).
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await signIn(page, 'dieuphoi@viettel.com.vn');
  await page.getByTestId('agreements-search').fill('hai duong');
  await expect(page.getByTestId('agreement-row')).toHaveCount(1);
  await page.getByTestId('agreement-row').getByTestId('agreement-link').click();
  await expect(page.getByTestId('party-now-part-of')).toContainText('Hải Phòng');
  await expect(page.getByTestId('plan-tab')).toContainText('voso.vn');
  await expect(page.getByTestId('plan-tab')).toContainText('ViettelPay');
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
});

test('when someone else saved the task first, the editor is told and sees the newer version', async ({ page, request }) => {
  const email = 'dieuphoi@vnpt.vn';
  await signIn(page, email);
  await page.getByTestId('agreements-search').fill('ca mau vnpt');
  await page.getByTestId('agreement-row').first().getByTestId('agreement-link').click();
  const row = page.getByTestId('task-row').first();
  await row.getByTestId('task-actions').click();
  await page.getByTestId('task-open').click();
  const agreementId = page.url().split('/agreements/')[1]?.split(/[?#/]/)[0] ?? '';
  const taskId = (await row.getAttribute('data-task-id')) ?? '';
  // The form must hold the version it opened before the colleague saves theirs.
  await expect(page.getByTestId('task-form-expected-product')).toBeVisible();

  // Another coordinator of the same side saves a change through the API meanwhile.
  const csrf = ((await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken;
  const signedIn = await request.post('/api/auth/sign-in', { data: { email, password: DEMO_PASSWORD }, headers: { 'x-csrf-token': csrf } });
  const session = (await signedIn.json()) as { csrfToken: string };
  const current = await request.get(`/api/agreements/${agreementId}/tasks/${taskId}`);
  const theirs = 'Bản do đồng nghiệp lưu trước';
  const saved = await request.patch(`/api/agreements/${agreementId}/tasks/${taskId}`, {
    data: { responsiblePerson: theirs },
    headers: { 'x-csrf-token': session.csrfToken, 'if-match': current.headers().etag ?? '' },
  });
  expect(saved.ok()).toBe(true);

  await page.getByTestId('task-form-expected-product').fill('Bản của tôi');
  await page.getByTestId('task-save').click();
  await expect(page.getByTestId('task-form-error')).toContainText('Người khác vừa thay đổi');
  await expect(page.getByTestId('task-form-responsible-person')).toHaveValue(theirs);
});
