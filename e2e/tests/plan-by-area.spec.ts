import { expect, test, type Page } from '@playwright/test';
import { newAgreement, signIn } from './helpers';

/** Posts through the API as the page's user, with its CSRF token; expects 201 and returns the body. */
async function create<T>(page: Page, path: string, data: object): Promise<T> {
  const csrf = ((await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string }).csrfToken;
  const res = await page.request.post(path, { headers: { 'x-csrf-token': csrf }, data });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as T;
}

test('a plan opens by area: an area of 40 tasks shows its first 15 and loads more on request, a link to its 35th task opens it, and a task moves to the end of another area', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, 'dieuphoi.camau@camau.gov.vn');
  const agreementId = await newAgreement(page, 'Kế hoạch thử nghiệm theo nội dung hợp tác năm 2027 giữa UBND tỉnh Cà Mau và VNPT');
  const big = await create<{ id: string }>(page, `/api/agreements/${agreementId}/areas`, { title: 'Hạ tầng số', theme: null });
  const small = await create<{ id: string }>(page, `/api/agreements/${agreementId}/areas`, { title: 'Dữ liệu số', theme: null });
  const tasks: { id: string; title: string }[] = [];
  for (let i = 1; i <= 40; i += 1) {
    const title = `Phủ sóng 5G tại xã thứ ${i} của tỉnh Cà Mau`;
    tasks.push(await create(page, `/api/agreements/${agreementId}/tasks`, { areaId: big.id, title, obligor: 'government' }));
  }
  await create(page, `/api/agreements/${agreementId}/tasks`, {
    areaId: small.id,
    title: 'Xây dựng kho dữ liệu dùng chung',
    obligor: 'government',
  });

  const asked: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith(`/api/agreements/${agreementId}/plan`)) asked.push(`${url.pathname}${url.search}`);
  });
  await page.goto(`/agreements/${agreementId}`);
  const bigArea = page.locator(`[data-testid="area-row"][data-area-id="${big.id}"]`);
  const smallArea = page.locator(`[data-testid="area-row"][data-area-id="${small.id}"]`);
  await expect(bigArea.getByTestId('task-row')).toHaveCount(15);
  await expect(bigArea.getByTestId('area-shown-count')).toHaveText('Đang hiện 15/40 nhiệm vụ');
  await expect(bigArea.getByTestId('area-task-count')).toHaveText('40 nhiệm vụ');
  await expect(smallArea.getByTestId('task-row')).toHaveCount(1);
  // The page asked for the outline and the first page of each area, never for the whole plan.
  expect(asked).toContain(`/api/agreements/${agreementId}/plan/outline`);
  expect(asked.some((u) => u.startsWith(`/api/agreements/${agreementId}/plan/areas/${big.id}/tasks?`) && u.includes('limit=15'))).toBe(
    true,
  );
  expect(asked).not.toContain(`/api/agreements/${agreementId}/plan`);
  // Each once: the router asks before the page's code has arrived, under the keys the page then reads.
  expect(asked.filter((u) => u === `/api/agreements/${agreementId}/plan/outline`)).toHaveLength(1);
  for (const area of [big, small])
    expect(asked.filter((u) => u.startsWith(`/api/agreements/${agreementId}/plan/areas/${area.id}/tasks?`))).toHaveLength(1);

  await bigArea.getByTestId('area-show-more').click();
  await expect(bigArea.getByTestId('task-row')).toHaveCount(40);
  await expect(bigArea.getByTestId('area-show-more')).toHaveCount(0);
  await expect(bigArea.getByTestId('task-row').last()).toContainText(tasks[39]!.title);

  // A link to a task beyond the first page loads the area through it and opens it.
  asked.length = 0;
  const far = tasks[34]!;
  await page.goto(`/agreements/${agreementId}?task=${far.id}`);
  await expect(page.getByTestId('task-drawer').getByRole('heading', { name: far.title })).toBeVisible();
  await expect(bigArea.locator(`[data-testid="task-row"][data-task-id="${far.id}"]`)).toBeAttached();
  expect(asked.some((u) => u.includes(`/plan/areas/${big.id}/tasks?`) && u.includes(`through=${far.id}`))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('task-drawer').getByRole('heading', { name: far.title })).toHaveCount(0);

  // Moved to another area: offered last among that area's tasks, and shown there.
  const second = tasks[1]!;
  await bigArea.locator(`[data-testid="task-row"][data-task-id="${second.id}"]`).getByTestId('task-actions').click();
  await page.getByTestId('task-move').click();
  await page.getByTestId('move-area').click();
  await page.getByRole('option', { name: 'Dữ liệu số' }).click();
  await expect(page.getByTestId('move-save')).toBeEnabled();
  await expect(page.getByTestId('move-position')).toHaveValue('2');
  await page.getByTestId('move-save').click();
  await expect(smallArea.getByTestId('task-row')).toHaveCount(2);
  await expect(smallArea.getByTestId('task-row').last()).toContainText(second.title);
  await expect(bigArea.getByTestId('area-task-count')).toHaveText('39 nhiệm vụ');
  await expect(bigArea.locator(`[data-testid="task-row"][data-task-id="${second.id}"]`)).toHaveCount(0);

  // Where the approval stands waits for the tree's first rows; the list does not hold it back.
  await page.goto(`/agreements/${agreementId}?view=list`);
  await expect(page.getByTestId('plan-approval')).toHaveAttribute('data-state', 'draft');
});
