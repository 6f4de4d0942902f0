import { expect, test } from '@playwright/test';
import { artifact } from './artifacts';
import { SIGNED_OUT, signIn, submitLogin } from './auth';

test.use({ storageState: SIGNED_OUT });

const UNIT = '龙山小区物业服务中心';

test('a unit liaison starts on its action items, links to its unit and sees no other', async ({ page }) => {
  await signIn(page, 'liaison');

  // Home is the liaison's workbench: the dispatches waiting for its unit, its action items.
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('home-dispatches')).toBeVisible();
  await expect(page.getByTestId('home-figures')).toHaveCount(0);
  await page.getByTestId('home-overdue').getByRole('link', { name: '查看全部' }).click();
  await expect(page).toHaveURL(/\/meetings\/mine$/);
  await expect(page.getByTestId('my-actions-page')).toBeVisible();
  await page.getByTestId('my-unit-link').click();
  await expect(page).toHaveURL(/\/units\/[^/]+$/);
  await expect(page.getByTestId('unit-detail-name')).toHaveText(UNIT);
  await expect(page.getByTestId('user-roles')).toHaveText('驻区单位联络员');

  // The menu offers only what a liaison may read.
  const menu = page.getByTestId('main-menu');
  await expect(menu.getByRole('link', { name: '驻区单位' })).toBeVisible();
  for (const hidden of ['组织架构', '志愿服务', '需求看板', '系统管理']) {
    await expect(menu.getByText(hidden, { exact: true })).toHaveCount(0);
  }
  await page.screenshot({ path: artifact('liaison-home.png'), fullPage: true });

  await menu.getByRole('link', { name: '驻区单位' }).click();
  await expect(page).toHaveURL(/\/units$/);
  const table = page.getByTestId('units-table');
  const rows = table.locator('tbody tr[data-row-key]');
  await expect(rows).toHaveCount(1);
  await expect(rows.getByTestId('unit-name')).toHaveText(UNIT);
  await expect(table.getByText('共 1 条')).toBeVisible();
  // No community filter: the organisation tree is not the liaison's to read.
  await expect(page.getByTestId('unit-filter-community')).toHaveCount(0);
  await page.screenshot({ path: artifact('liaison-units.png'), fullPage: true });

  // A hidden page reached by its URL says 403.
  await page.goto('/organisations');
  await expect(page.getByTestId('forbidden')).toBeVisible();
  await expect(page.getByTestId('forbidden')).toContainText('403');
});

test('a convener sees every unit of its community and none of the others', async ({ page }) => {
  // Asked for the unit list while signed out: sign in, then land on the unit list.
  await page.goto('/units');
  await expect(page).toHaveURL(/\/login\?redirect=%2Funits$/);
  await submitLogin(page, 'convener');
  await expect(page).toHaveURL(/\/units$/);
  await expect(page.getByTestId('user-roles')).toHaveText('联席会议召集人');

  const table = page.getByTestId('units-table');
  await expect(table.getByText('共 12 条')).toBeVisible();
  const rows = table.locator('tbody tr[data-row-key]');
  await expect(rows).toHaveCount(12);
  const texts = await rows.allInnerTexts();
  expect(texts.every((text) => text.includes('城西社区党委'))).toBe(true);
  expect(texts.some((text) => text.includes('城东'))).toBe(false);
  await expect(table.getByText('城东花园物业服务中心')).toHaveCount(0);

  // The community filter offers the convener's community only.
  await page.getByRole('combobox', { name: '按社区筛选' }).click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(options).toHaveText(['城西社区党委']);
  await page.keyboard.press('Escape');

  await page.screenshot({ path: artifact('convener-units.png'), fullPage: true });
});

test('a part-time committee member has no evaluations page', async ({ page }) => {
  await signIn(page, 'member');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('home-page')).toBeVisible();
  const menu = page.getByTestId('main-menu');
  await expect(menu.getByRole('link', { name: '兼职委员' })).toBeVisible();
  await expect(menu.getByText('考核评议', { exact: true })).toHaveCount(0);
  await page.goto('/evaluations');
  await expect(page.getByTestId('forbidden')).toBeVisible();
});
