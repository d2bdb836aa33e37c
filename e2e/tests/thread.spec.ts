import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('a unit officer reports progress pointing at the province coordinator, keeps a note internal, and the other side sees only what is shared', async ({
  browser,
}) => {
  const officer = await browser.newPage();
  await signIn(officer, 'canbo@vnpt-camau.vn');
  await officer.goto('/search?q=tap huan to cong nghe so cong dong');
  await officer.getByTestId('search-task-link').filter({ hasText: 'Tập huấn cho Tổ công nghệ số cộng đồng' }).first().click();
  await officer.getByTestId('task-tab-thread').click();
  const total = officer.getByTestId('thread-total');
  await expect(total).toBeVisible();
  const before = Number((await total.textContent())?.match(/\d+/)?.[0]);

  // A report: text with an @-mention picked from the agreement's people, and the progress.
  const body = officer.getByTestId('entry-body');
  await body.fill('Đã tập huấn 40 xã, phường; đề nghị @tran ngoc');
  await officer.getByTestId('mention-option').filter({ hasText: 'Trần Ngọc Diễm' }).click();
  await body.pressSequentially('xác nhận danh sách còn lại.');
  await officer.getByTestId('entry-progress').fill('85');
  await officer.getByTestId('entry-send').click();
  const report = officer.getByTestId('thread-entry').first();
  await expect(report).toHaveAttribute('data-kind', 'report');
  await expect(report.getByTestId('entry-mention')).toHaveText('@Trần Ngọc Diễm');
  await expect(report.getByTestId('entry-progress-value')).toContainText('85');
  await expect(officer.getByTestId('task-drawer').getByText('85%').first()).toBeVisible();

  // A note for VNPT's side only.
  await officer.getByTestId('entry-kind').getByText('Ý kiến').click();
  await body.fill('Nội bộ: cần thêm 2 giảng viên cho đợt cuối.');
  await officer.getByTestId('entry-internal').check();
  await officer.getByTestId('entry-send').click();
  await expect(officer.getByTestId('thread-entry').first()).toHaveAttribute('data-internal', 'true');
  await expect(total).toContainText(String(before + 2));

  // The author corrects the report within the window.
  await officer.getByTestId('thread-entry').nth(1).getByTestId('entry-edit').click();
  await officer.getByTestId('entry-edit-body').fill('Đã tập huấn 42 xã, phường; đề nghị @Trần Ngọc Diễm xác nhận danh sách còn lại.');
  await officer.getByTestId('entry-edit-save').click();
  await expect(officer.getByTestId('thread-entry').nth(1)).toContainText('đã sửa');

  // The province's coordinator: the report, the mention, the progress — not VNPT's internal note.
  const province = await browser.newPage();
  await signIn(province, 'dieuphoi.camau@camau.gov.vn');
  await province.goto(officer.url());
  await province.getByTestId('task-tab-thread').click();
  const seen = province.getByTestId('thread-entry');
  await expect(seen.first()).toContainText('42 xã, phường');
  await expect(province.getByText('cần thêm 2 giảng viên')).toHaveCount(0);
  await expect(seen.first().getByTestId('entry-edit')).toHaveCount(0);
  await province.getByTestId('task-tab-history').click();
  await expect(province.getByTestId('history-entry').first()).toBeVisible();
  await expect(province.getByText('cần thêm 2 giảng viên')).toHaveCount(0);
});
