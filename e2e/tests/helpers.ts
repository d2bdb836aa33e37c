import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Accord@2026';

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-email').fill(email);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

/** Picks an option in a searchable Mantine select by typing part of its label. */
export async function pick(page: Page, testId: string, typed: string, option: RegExp): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

/** Finds an agreement's id through the API, signed in as the given user. */
export async function findAgreementId(request: APIRequestContext, email: string, q: string): Promise<string> {
  const csrf = ((await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken;
  const signedIn = await request.post('/api/auth/sign-in', { data: { email, password: DEMO_PASSWORD }, headers: { 'x-csrf-token': csrf } });
  expect(signedIn.ok()).toBe(true);
  const list = (await (await request.get(`/api/agreements?q=${encodeURIComponent(q)}`)).json()) as { items: { id: string }[] };
  const id = list.items[0]?.id;
  if (!id) throw new Error(`No agreement matches ${q}`);
  return id;
}

/** A new agreement of Cà Mau and VNPT with an empty plan, made through the API by the province's coordinator. */
export async function newAgreement(
  page: Page,
  title = 'Kế hoạch phối hợp chuyển đổi số năm 2027 giữa UBND tỉnh Cà Mau và VNPT',
): Promise<string> {
  const orgs = async (q: string) =>
    (
      (await (await page.request.get(`/api/organisations?q=${encodeURIComponent(q)}`)).json()) as {
        items: { id: string; nameVi: string }[];
      }
    ).items;
  const province = (await orgs('Ủy ban nhân dân tỉnh Cà Mau')).find((o) => o.nameVi === 'Ủy ban nhân dân tỉnh Cà Mau');
  const vnpt = (await orgs('Tập đoàn Bưu chính Viễn thông Việt Nam')).find((o) => o.nameVi === 'Tập đoàn Bưu chính Viễn thông Việt Nam');
  const csrf = ((await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string }).csrfToken;
  const res = await page.request.post('/api/agreements', {
    headers: { 'x-csrf-token': csrf },
    data: {
      title,
      periodStart: '2027-01-01',
      periodEnd: '2027-12-31',
      parties: [{ organisationId: province?.id }, { organisationId: vnpt?.id }],
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
