import { expect, test } from '@playwright/test';
import { artifact } from './artifacts';
import { confirmPopover, openFromMenu } from './antd';

test('the organisation tree shows the street and its communities', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('app-title')).toHaveText('大党委共建共治平台');

  await page.getByRole('navigation').getByRole('link', { name: '组织架构' }).click();
  await expect(page).toHaveURL(/\/organisations/);
  await expect(page.getByRole('heading', { name: '组织架构' })).toBeVisible();

  const tree = page.getByTestId('organisation-tree');
  const nodes = tree.getByTestId('organisation-node');
  await expect(nodes.first()).toBeVisible();
  await expect(tree.locator('[data-kind="COMMUNITY_COMMITTEE"]').first()).toBeVisible();

  // Selecting a community shows its details with counts of units and grids.
  const community = tree.locator('[data-kind="COMMUNITY_COMMITTEE"]').first();
  const communityName = (await community.locator('span').first().innerText()).trim();
  await community.click();
  const detail = page.getByTestId('organisation-detail');
  await expect(detail.getByTestId('organisation-name')).toHaveText(communityName);
  await expect(detail.getByText('驻区单位数')).toBeVisible();
  await expect(detail.getByText('网格数')).toBeVisible();

  await page.screenshot({ path: artifact('organisations-tree.png'), fullPage: true });
});

/** `group`: the sub-menu the page's link is in. */
const AREAS: Array<{ label: string; group?: string; url: RegExp; table: string }> = [
  { label: '驻区单位', url: /\/units$/, table: 'units-table' },
  { label: '兼职委员', url: /\/members$/, table: 'members-table' },
  { label: '服务队', group: '志愿服务', url: /\/volunteering$/, table: 'volunteer-teams-table' },
  { label: '志愿活动', group: '志愿服务', url: /\/volunteering\/activities$/, table: 'activities-table' },
  { label: '项目清单', group: '需求·资源·项目', url: /\/cobuilding\/projects$/, table: 'projects-table' },
  { label: '会议安排', group: '联席会议', url: /\/meetings$/, table: 'meetings-table' },
  { label: '考核评议', url: /\/evaluations$/, table: 'evaluations-table' },
];

test('the needs board shows the demo needs in their columns', async ({ page }) => {
  await page.goto('/');
  await openFromMenu(page, '需求·资源·项目', '需求看板');
  await expect(page).toHaveURL(/\/cobuilding\/needs$/);
  const submitted = page.locator('[data-testid="need-column"][data-status="SUBMITTED"]');
  await expect(submitted.getByTestId('need-card').first()).toBeVisible();
  await expect(page.locator('[data-testid="need-column"]')).toHaveCount(6);
  await page.getByTestId('need-filter-all').click();
  // a search right after a filter keeps both in the URL
  await page.getByTestId('need-search').getByRole('searchbox').fill('楼道');
  await page.getByTestId('need-search').getByRole('searchbox').press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('all')).toBe('1');
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('楼道');
  await page.getByTestId('need-search').getByRole('searchbox').fill('');
  await page.getByTestId('need-search').getByRole('searchbox').press('Enter');
  await expect(page.locator('[data-testid="need-column"]')).toHaveCount(8);
  await expect(page.getByTestId('query-error')).toHaveCount(0);

  // A dispatch the unit never answered is taken back, and the need waits for another unit.
  const dispatched = page
    .locator('[data-testid="need-column"][data-status="DISPATCHED"]')
    .getByTestId('need-card');
  const title = (await dispatched.first().getByTestId('need-card-title').innerText()).trim();
  await dispatched.first().click();
  await confirmPopover(page, page.getByTestId('need-drawer').getByTestId('need-withdraw'));
  await expect(page.getByTestId('need-drawer').getByTestId('need-drawer-status')).toHaveText('已受理');
  await expect(page.getByTestId('need-drawer').getByTestId('need-dispatch-entry').last()).toContainText(
    '已撤回',
  );
  await page.keyboard.press('Escape');
  const accepted = page.locator('[data-testid="need-column"][data-status="ACCEPTED"]');
  await expect(accepted.getByTestId('need-card').filter({ hasText: title }).first()).toBeVisible();
});

test('every area of the navigation opens and lists its demo data', async ({ page }) => {
  await page.goto('/');
  for (const area of AREAS) {
    const nav = page.getByRole('navigation');
    const link = nav.getByRole('link', { name: area.label });
    if (area.group && !(await link.isVisible())) await nav.getByText(area.group, { exact: true }).click();
    // the sub-menu opens with an animation, perhaps below the menu's fold (the menu scrolls
    // on its own): click once the link has settled in view
    await expect(link).toBeVisible();
    await link.scrollIntoViewIfNeeded();
    await expect(link).toBeInViewport();
    await link.click();
    await expect(page).toHaveURL(area.url);
    await expect(page.getByTestId('page-title')).toBeVisible();
    const rows = page.getByTestId(area.table).locator('tbody tr[data-row-key]');
    await expect(rows.first()).toBeVisible();
    await expect(page.getByTestId('query-error')).toHaveCount(0);
  }
});
