import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { planWorkbook } from '../../bench/src/data/plan-workbook';
import { newAgreement, signIn } from './helpers';

const fixtures = path.join(import.meta.dirname, '../../apps/server/test/fixtures/evidence');
const units = {
  government: [
    'Sở Khoa học và Công nghệ tỉnh Cà Mau',
    'Sở Y tế tỉnh Cà Mau',
    'Sở Giáo dục và Đào tạo tỉnh Cà Mau',
    'Sở Tài chính tỉnh Cà Mau',
  ],
  enterprise: ['Viễn thông Cà Mau (VNPT Cà Mau)'],
};

test('a coordinator imports a 300-row plan from Excel, fixes the two rows flagged, submits; both sides approve; a unit officer reports and delivers; the province rejects, then accepts; the export opens in LibreOffice with the same rows', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { body, tasks } = await planWorkbook({
    rows: 300,
    units,
    flaws: [
      { task: 17, kind: 'unknownUnit' },
      { task: 140, kind: 'badDate' },
    ],
  });
  const province = await browser.newPage();
  await signIn(province, 'dieuphoi.camau@camau.gov.vn');
  const agreementId = await newAgreement(province);
  await province.goto(`/agreements/${agreementId}`);

  // The preview: 300 rows, two of them flagged where they are.
  await province.getByTestId('plan-import-open').click();
  const chooser = province.waitForEvent('filechooser');
  await province.getByTestId('plan-import-pick').click();
  await (await chooser).setFiles({ name: 'Kế hoạch 2027.xlsx', mimeType: 'application/octet-stream', buffer: body });
  const summary = province.getByTestId('plan-import-summary');
  await expect(summary).toHaveAttribute('data-create', '300');
  await expect(summary).toHaveAttribute('data-errors', '2');
  const problems = province.locator('[data-testid="plan-import-problem"][data-severity="error"]');
  await expect(problems).toHaveCount(2);
  const unitRow = tasks[17]!.sheetRow;
  const dateRow = tasks[140]!.sheetRow;
  const unitProblem = province.locator(`[data-testid="plan-import-problem"][data-cell="C${unitRow}"]`);
  const dateProblem = province.locator(`[data-testid="plan-import-problem"][data-cell="E${dateRow}"]`);
  await expect(unitProblem).toHaveAttribute('data-code', 'unitUnknown');
  await expect(dateProblem).toHaveAttribute('data-code', 'periodUnreadable');
  await expect(province.getByTestId('plan-import-apply')).toBeDisabled();

  // Fixed in place: the closest unit offered, the period typed again.
  await unitProblem.getByTestId('plan-import-fix').click();
  await province.getByRole('option').first().click();
  await dateProblem.getByTestId('plan-import-fix').fill('01/03/2027 – 30/09/2027');
  await province.getByTestId('plan-import-check').click();
  await expect(summary).toHaveAttribute('data-errors', '0');
  await province.getByTestId('plan-import-apply').click();
  await expect(province.getByTestId('plan-import-summary')).toHaveCount(0);
  await expect(province.getByTestId('plan-clarity-score')).toHaveAttribute('data-score', '100');

  // Submitted by the province; VNPT's coordinator approves, then the province's.
  await province.getByTestId('plan-submit').click();
  await province.getByTestId('plan-step-confirm').click();
  const panel = province.getByTestId('plan-approval');
  await expect(panel).toHaveAttribute('data-state', 'submitted');
  const vnpt = await browser.newPage();
  await signIn(vnpt, 'dieuphoi@vnpt.vn');
  await vnpt.goto(`/agreements/${agreementId}`);
  await vnpt.getByTestId('plan-approve').click();
  await vnpt.getByTestId('plan-step-confirm').click();
  await expect(vnpt.getByTestId('plan-approval-sides').locator('[data-side="enterprise"]')).toHaveAttribute('data-decision', 'approved');
  await province.reload();
  await province.getByTestId('plan-approve').click();
  await province.getByTestId('plan-step-confirm').click();
  await expect(panel).toHaveAttribute('data-state', 'approved');

  // VNPT Cà Mau's officer reports 50% with a PDF on the task their unit leads, then delivers it.
  const task = tasks[1]!;
  const officer = await browser.newPage();
  await signIn(officer, 'canbo@vnpt-camau.vn');
  await officer.goto(`/agreements/${agreementId}`);
  await officer.getByTestId('task-row').filter({ hasText: task.title }).click();
  await officer.getByTestId('task-tab-thread').click();
  await officer.getByTestId('entry-body').fill('Đã nâng cấp nền tảng tại 6/12 xã; gửi kèm biên bản kiểm tra.');
  await officer.getByTestId('entry-progress').fill('50');
  const pdf = fs.readFileSync(path.join(fixtures, 'bien-ban.pdf'));
  const attach = officer.waitForEvent('filechooser');
  await officer.getByTestId('entry-composer').getByTestId('entry-attach').click();
  await (await attach).setFiles({ name: 'Biên bản kiểm tra.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(officer.getByTestId('entry-composer').locator('[data-testid="attachment"][data-state="ready"]')).toHaveCount(1);
  await officer.getByTestId('entry-send').click();
  await expect(officer.getByTestId('thread-entry').first().getByTestId('entry-file')).toHaveCount(1);
  await officer.getByTestId('task-tab-details').click();
  await officer.getByTestId('task-deliver').click();
  await expect(officer.getByTestId('task-delivery-waiting')).toBeVisible();

  // The province sends it back with its reason, the officer delivers again, the province accepts.
  await province.goto(`/agreements/${agreementId}`);
  await province.getByTestId('task-row').filter({ hasText: task.title }).click();
  await province.getByTestId('task-reject').click();
  await province.getByTestId('task-reject-reason').fill('Chưa có biên bản nghiệm thu của 6 xã còn lại.');
  await province.getByTestId('task-reject-confirm').click();
  await expect(province.getByTestId('task-delivery-rejected')).toContainText('6 xã còn lại');
  await officer.reload();
  await officer.getByTestId('task-deliver').click();
  await expect(officer.getByTestId('task-delivery-waiting')).toBeVisible();
  await province.reload();
  await province.getByTestId('task-accept').click();
  await expect(province.getByTestId('task-delivery-accepted')).toBeVisible();
  await expect(province.getByTestId('task-drawer').getByTestId('task-status')).toHaveAttribute('data-status', 'completed_on_time');

  // The plan exported and opened in LibreOffice: the same 288 tasks, numbered and titled as imported.
  const xlsx = await province.request.get(`/api/agreements/${agreementId}/plan.xlsx`);
  expect(xlsx.status()).toBe(200);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-export-'));
  fs.writeFileSync(path.join(dir, 'plan.xlsx'), await xlsx.body());
  execFileSync(
    process.env.SOFFICE_PATH || 'soffice',
    [
      `-env:UserInstallation=file://${dir}/profile`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76',
      '--outdir',
      dir,
      path.join(dir, 'plan.xlsx'),
    ],
    { timeout: 120_000, stdio: 'pipe' },
  );
  const csv = fs.readFileSync(path.join(dir, 'plan.csv'), 'utf8');
  const exported = parseCsv(csv)
    .filter((cells) => /^\d+(\.\d+)+$/.test(cells[0] ?? ''))
    .map((cells) => [cells[0], cells[1]]);
  expect(exported).toEqual(tasks.map((t) => [t.number, t.title]));
  fs.rmSync(dir, { recursive: true, force: true });
});

/** RFC 4180 rows: fields quoted when they hold a comma, a quote or a line break. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      rows.push([...row, field.replace(/\r$/, '')]);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
