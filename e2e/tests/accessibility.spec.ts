import { expect, test, type Page } from '@playwright/test';
import { planWorkbook } from '../../bench/src/data/plan-workbook';
import { expectNoSeriousViolations } from './axe';
import { signIn } from './helpers';

/**
 * Every screen of the app, each checked by axe against WCAG 2.1 AA. A new page or dialog is
 * added to this table and inherits the check.
 */
interface Screen {
  name: string;
  /** Who looks at it; `null`: signed out. */
  user: string | null;
  language?: 'vi' | 'en';
  direction?: 'ltr' | 'rtl';
  /** Goes to the screen and waits until what a user reads there is drawn. */
  open: (page: Page) => Promise<void>;
  /** A dialog or menu over a page: only it is checked, the page behind has a screen of its own. */
  within?: string;
}

const COORDINATOR = 'dieuphoi.camau@camau.gov.vn';
const UNIT_OFFICER = 'canbo@vnpt-camau.vn';
const OBSERVER = 'quansat@mst.gov.vn';
const LEADER = 'lanhdao.camau@camau.gov.vn';

/** Opens the one agreement the words find, looked up with the signed-in user's session. */
async function openAgreement(page: Page, q: string, query = ''): Promise<void> {
  const list = (await (await page.request.get(`/api/agreements?q=${encodeURIComponent(q)}`)).json()) as { items: { id: string }[] };
  expect(list.items).toHaveLength(1);
  await page.goto(`/agreements/${list.items[0]?.id}${query}`);
  await expect(page.getByTestId('agreement-title-heading')).toBeVisible();
  if (!query) await expect(page.getByTestId('task-row').first()).toBeVisible();
}

async function openFirstTask(page: Page): Promise<void> {
  await openAgreement(page, 'ca mau vnpt');
  await page.getByTestId('task-row').first().getByTestId('task-actions').click();
  await page.getByTestId('task-open').click();
  await expect(page.getByTestId('task-form-title')).toBeVisible();
}

const screens: Screen[] = [
  {
    name: 'sign-in',
    user: null,
    open: async (page) => {
      await page.goto('/sign-in');
      await expect(page.getByTestId('sign-in-form')).toBeVisible();
    },
  },
  {
    name: 'sign-in with an error (English)',
    user: null,
    language: 'en',
    open: async (page) => {
      await page.goto('/sign-in');
      await page.getByTestId('sign-in-email').fill('nobody@accord.local');
      await page.getByTestId('sign-in-password').fill('not the password');
      await page.getByTestId('sign-in-submit').click();
      await expect(page.getByTestId('sign-in-error')).toBeVisible();
    },
  },
  {
    name: 'agreements list',
    user: COORDINATOR,
    open: async (page) => {
      await page.goto('/agreements');
      await expect(page.getByTestId('agreement-row').first()).toBeVisible();
    },
  },
  {
    name: 'agreements list (English)',
    user: LEADER,
    language: 'en',
    open: async (page) => {
      await page.goto('/agreements');
      await expect(page.getByTestId('agreement-row').first()).toBeVisible();
    },
  },
  {
    name: 'agreements list (right-to-left)',
    user: OBSERVER,
    direction: 'rtl',
    open: async (page) => {
      await page.goto('/agreements');
      await expect(page.getByTestId('agreement-row').first()).toBeVisible();
    },
  },
  {
    name: 'user menu',
    user: COORDINATOR,
    within: '[role=dialog]',
    open: async (page) => {
      await page.goto('/agreements');
      await page.getByTestId('user-menu').click();
      await expect(page.getByTestId('direction-switch')).toBeVisible();
    },
  },
  {
    name: 'new agreement form',
    user: COORDINATOR,
    open: async (page) => {
      await page.goto('/agreements/new');
      await expect(page.getByTestId('agreement-title')).toBeVisible();
    },
  },
  {
    name: 'agreement: plan tree',
    user: COORDINATOR,
    open: (page) => openAgreement(page, 'ca mau vnpt'),
  },
  {
    name: 'agreement: plan tree (English, right-to-left)',
    user: COORDINATOR,
    language: 'en',
    direction: 'rtl',
    open: (page) => openAgreement(page, 'ca mau vnpt'),
  },
  {
    name: 'agreement: plan as a list',
    user: COORDINATOR,
    open: async (page) => {
      await openAgreement(page, 'ca mau vnpt', '?view=list');
      await expect(page.getByTestId('task-list-row').first()).toBeVisible();
    },
  },
  {
    name: 'agreement: history',
    user: COORDINATOR,
    open: async (page) => {
      await openAgreement(page, 'ca mau vnpt', '?tab=history');
      await expect(page.getByTestId('history-entry').first()).toBeVisible();
    },
  },
  {
    name: 'agreement: edit form',
    user: COORDINATOR,
    open: async (page) => {
      await openAgreement(page, 'ca mau vnpt');
      await page.goto(`${page.url().split('?')[0]}/edit`);
      await expect(page.getByTestId('agreement-title')).toBeVisible();
    },
  },
  {
    name: 'agreement: plan timeline',
    user: COORDINATOR,
    open: async (page) => {
      await openAgreement(page, 'ca mau vnpt', '?tab=plan&view=timeline');
      await expect(page.locator('.vis-item').first()).toBeVisible();
    },
  },
  {
    name: 'agreement: plan versions compared',
    user: OBSERVER,
    within: '[role=dialog]',
    open: async (page) => {
      await openAgreement(page, 'hai duong viettel');
      await page.getByTestId('plan-approval-compare').click();
      await expect(page.getByTestId('plan-diff-summary')).toBeVisible();
    },
  },
  {
    name: 'agreement: plan import preview',
    user: COORDINATOR,
    within: '[role=dialog]',
    open: async (page) => {
      await openAgreement(page, 'ca mau vnpt');
      const { body } = await planWorkbook({
        rows: 30,
        units: { government: ['Sở Y tế tỉnh Cà Mau'], enterprise: ['Viễn thông Cà Mau (VNPT Cà Mau)'] },
        flaws: [{ task: 2, kind: 'unknownUnit' }],
      });
      await page.getByTestId('plan-import-open').click();
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId('plan-import-pick').click();
      await (await chooser).setFiles({ name: 'ke-hoach.xlsx', mimeType: 'application/octet-stream', buffer: body });
      await expect(page.getByTestId('plan-import-problem').first()).toBeVisible();
    },
  },
  {
    name: 'agreement: task row menu',
    user: COORDINATOR,
    within: '[role=menu]',
    open: async (page) => {
      await openAgreement(page, 'ca mau vnpt');
      await page.getByTestId('task-row').first().getByTestId('task-actions').click();
      await expect(page.getByTestId('task-open')).toBeVisible();
    },
  },
  {
    name: 'agreement: task edit panel',
    user: COORDINATOR,
    within: '[role=dialog]',
    open: openFirstTask,
  },
  {
    name: "agreement: a task's history",
    user: COORDINATOR,
    within: '[role=dialog]',
    open: async (page) => {
      await openFirstTask(page);
      await page.getByTestId('task-tab-history').click();
      await expect(page.getByTestId('history-entry').first()).toBeVisible();
    },
  },
  {
    name: 'agreement: new task panel',
    user: COORDINATOR,
    within: '[role=dialog]',
    open: async (page) => {
      await openAgreement(page, 'ca mau vnpt');
      await page.getByTestId('add-task').first().click();
      await expect(page.getByTestId('task-form-title')).toBeVisible();
    },
  },
  {
    name: 'agreement: status menu',
    user: COORDINATOR,
    within: '[role=menu]',
    open: async (page) => {
      await openAgreement(page, 'ca mau vnpt');
      await page.getByTestId('status-menu').click();
      await expect(page.getByRole('menu')).toBeVisible();
    },
  },
  {
    name: 'agreement: edit-area modal',
    user: COORDINATOR,
    within: '[role=dialog]',
    open: async (page) => {
      await openAgreement(page, 'ca mau vnpt');
      await page.getByTestId('area-actions').first().click();
      await page.getByTestId('area-edit').click();
      await expect(page.getByTestId('area-form-title')).toBeVisible();
    },
  },
  {
    name: 'agreement: create-area modal',
    user: COORDINATOR,
    within: '[role=dialog]',
    open: async (page) => {
      await openAgreement(page, 'ca mau vnpt');
      await page.getByTestId('add-area').click();
      await expect(page.getByTestId('area-form-title')).toBeVisible();
    },
  },
  {
    name: 'agreement: move-task modal',
    user: COORDINATOR,
    within: '[role=dialog]',
    open: async (page) => {
      await openAgreement(page, 'ca mau vnpt');
      await page.getByTestId('task-row').first().getByTestId('task-actions').click();
      await page.getByTestId('task-move').click();
      await expect(page.getByTestId('move-task-form')).toBeVisible();
    },
  },
  {
    name: 'agreement: delete-task confirmation',
    user: COORDINATOR,
    within: '[role=dialog]',
    open: async (page) => {
      await openAgreement(page, 'ca mau vnpt');
      await page.getByTestId('task-row').first().getByTestId('task-actions').click();
      await page.getByTestId('task-delete').click();
      await expect(page.getByRole('dialog')).toBeVisible();
    },
  },
  {
    name: "agreement's reporting",
    user: COORDINATOR,
    open: async (page) => {
      await openAgreement(page, 'ca mau vnpt', '?tab=reporting');
      await expect(page.getByTestId('reporting-units')).toBeVisible();
    },
  },
  {
    name: 'unit tasks',
    user: UNIT_OFFICER,
    open: async (page) => {
      await page.goto('/tasks');
      await expect(page.getByTestId('task-list-row').first()).toBeVisible();
      await expect(page.getByTestId('unit-stale').or(page.getByTestId('unit-stale-none'))).toBeVisible();
    },
  },
  {
    name: 'organisations',
    user: COORDINATOR,
    open: async (page) => {
      await page.goto('/organisations');
      await expect(page.getByTestId('organisation-node').first()).toBeVisible();
    },
  },
  {
    name: 'search',
    user: COORDINATOR,
    open: async (page) => {
      await page.goto('/search?q=ca%20mau');
      await expect(page.getByTestId('search-task-hit').first()).toBeVisible();
    },
  },
  {
    name: 'account and password',
    user: OBSERVER,
    open: async (page) => {
      await page.goto('/account');
      await expect(page.getByTestId('password-form')).toBeVisible();
    },
  },
  {
    name: 'security log (right to left, English)',
    user: 'admin@accord.local',
    language: 'en',
    direction: 'rtl',
    open: async (page) => {
      await page.goto('/security');
      await expect(page.getByTestId('security-events')).toBeVisible();
    },
  },
  {
    name: 'page not found',
    user: COORDINATOR,
    open: async (page) => {
      await page.goto('/no-such-page');
      await expect(page.getByText('Không tìm thấy trang')).toBeVisible();
    },
  },
];

for (const screen of screens) {
  test(`accessibility (WCAG 2.1 AA): ${screen.name}`, async ({ page }) => {
    const { language = 'vi', direction = 'ltr' } = screen;
    // The same keys the user menu writes: the screen is drawn in that language and direction from the start.
    await page.addInitScript(
      ([lang, dir]) => {
        localStorage.setItem('accord.language', lang);
        localStorage.setItem('accord.direction', dir);
      },
      [language, direction] as const,
    );
    if (screen.user) await signIn(page, screen.user);
    await screen.open(page);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(page.locator('html')).toHaveAttribute('dir', direction);
    await expectNoSeriousViolations(page, screen.name, screen.within);
  });
}
