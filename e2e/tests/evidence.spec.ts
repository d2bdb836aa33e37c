import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

const fixtures = path.join(import.meta.dirname, '../../apps/server/test/fixtures/evidence');

test("a unit officer reports with a PDF and a photo, then delivers with the acceptance record; the other side sees the photo, downloads the PDF as it was sent, and sees the delivery's file", async ({
  browser,
}) => {
  const officer = await browser.newPage();
  await signIn(officer, 'canbo@vnpt-camau.vn');
  await officer.goto('/search?q=lap dat wi-fi cong cong');
  await officer.getByTestId('search-task-link').first().click();
  await officer.getByTestId('task-tab-thread').click();

  const composer = officer.getByTestId('entry-composer');
  await officer.getByTestId('entry-body').fill('Đã lắp đặt 12 điểm Wi-Fi; gửi kèm biên bản và ảnh hiện trường.');
  const picker = officer.waitForEvent('filechooser');
  await composer.getByTestId('entry-attach').click();
  const chooser = await picker;
  // The PDF under a Vietnamese name, as offices name their files.
  const pdf = fs.readFileSync(path.join(fixtures, 'bien-ban.pdf'));
  await chooser.setFiles([
    { name: 'Biên bản lắp đặt.pdf', mimeType: 'application/pdf', buffer: pdf },
    { name: 'Ảnh hiện trường.jpg', mimeType: 'image/jpeg', buffer: fs.readFileSync(path.join(fixtures, 'anh-hien-truong.jpg')) },
  ]);
  await expect(composer.getByTestId('attachment')).toHaveCount(2);
  await expect(composer.locator('[data-testid="attachment"][data-state="ready"]')).toHaveCount(2);
  // A file that is not what its name says is refused, and can be removed.
  const again = officer.waitForEvent('filechooser');
  await composer.getByTestId('entry-attach').click();
  await (await again).setFiles([{ name: 'bao-cao.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>không phải PDF</html>') }]);
  const refused = composer.locator('[data-testid="attachment"][data-state="error"]');
  await expect(refused).toContainText('PDF');
  await refused.getByTestId('attachment-remove').click();
  await expect(composer.getByTestId('attachment')).toHaveCount(2);

  await officer.getByTestId('entry-send').click();
  const posted = officer.getByTestId('thread-entry').first();
  await expect(posted.getByTestId('entry-file')).toHaveCount(2);
  await expect(composer.getByTestId('attachment')).toHaveCount(0);

  // The province: the photo shown, the PDF downloaded under its name, byte for byte.
  const province = await browser.newPage();
  await signIn(province, 'dieuphoi.camau@camau.gov.vn');
  await province.goto(officer.url());
  await province.getByTestId('task-tab-thread').click();
  const seen = province.getByTestId('thread-entry').first();
  const preview = seen.getByTestId('entry-file-preview');
  await expect(preview).toBeVisible();
  expect(await preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  const download = province.waitForEvent('download');
  await seen.getByTestId('entry-file-link').filter({ hasText: 'Biên bản lắp đặt.pdf' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Biên bản lắp đặt.pdf');
  expect(fs.readFileSync(await file.path()).equals(pdf)).toBe(true);

  // The officer delivers the product with its acceptance record; the province sees it on the delivery.
  await officer.getByTestId('task-tab-details').click();
  const deliverPick = officer.waitForEvent('filechooser');
  await officer.getByTestId('task-delivery').getByTestId('entry-attach').click();
  await (await deliverPick).setFiles([{ name: 'Biên bản bàn giao.pdf', mimeType: 'application/pdf', buffer: pdf }]);
  await expect(officer.getByTestId('task-delivery').locator('[data-testid="attachment"][data-state="ready"]')).toHaveCount(1);
  await officer.getByTestId('task-deliver').click();
  await expect(officer.getByTestId('task-delivery-waiting')).toBeVisible();
  await province.reload();
  await province.getByTestId('task-tab-thread').click();
  const delivered = province.locator('[data-testid="thread-entry"][data-kind="delivered"]').first();
  await expect(delivered.getByTestId('entry-file-link')).toHaveText('Biên bản bàn giao.pdf');
});
