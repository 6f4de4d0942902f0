/// <reference lib="dom" />
// (the callbacks given to page.evaluate run in the browser)
import { expect, test, type Page } from '@playwright/test';
import { artifact } from './artifacts';

/** The street administrator's menu pages, with the test id of the menu entry each belongs to. */
const PAGES: Array<[string, string]> = [
  ['/', 'nav-home'],
  ['/organisations', 'nav-organisations'],
  ['/units', 'nav-units'],
  ['/members', 'nav-members'],
  ['/volunteering', 'nav-volunteering'],
  ['/volunteering/activities', 'nav-volunteering-activities'],
  ['/volunteering/mine', 'nav-volunteering-mine'],
  ['/volunteering/settings', 'nav-volunteering-settings'],
  ['/cobuilding/needs', 'nav-cobuilding-needs'],
  ['/cobuilding/resources', 'nav-cobuilding-resources'],
  ['/cobuilding/projects', 'nav-cobuilding-projects'],
  ['/cobuilding/wishes', 'nav-cobuilding-wishes'],
  ['/meetings', 'nav-meetings'],
  ['/meetings/proposals', 'nav-meetings-proposals'],
  ['/meetings/actions', 'nav-meetings-actions'],
  ['/meetings/mine', 'nav-meetings-mine'],
  ['/evaluations', 'nav-evaluations'],
  ['/admin/tokens', 'nav-admin-tokens'],
  ['/admin/audit', 'nav-admin-audit'],
];

const SCREENS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'tablet', width: 1024, height: 768 },
];

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
}

/** The menu entry the page highlights. */
async function expectHighlighted(page: Page, entry: string) {
  const selected = page.locator('[data-testid="main-menu"] .ant-menu-item-selected');
  await expect(selected).toHaveCount(1);
  await expect(selected.getByTestId(entry)).toBeVisible();
}

for (const screen of SCREENS) {
  test(`every page fits the ${screen.name} screen and highlights its menu entry`, async ({ page }) => {
    await page.setViewportSize({ width: screen.width, height: screen.height });
    for (const [path, entry] of PAGES) {
      await page.goto(path);
      await expect(page.getByTestId('page-title')).toBeVisible();
      await expect(page.getByTestId('page-loading')).toHaveCount(0);
      await expectHighlighted(page, entry);
      expect(await horizontalOverflow(page), `${path} at ${screen.width}px`).toBeLessThanOrEqual(0);
    }
  });
}

test('detail pages highlight the list they belong to', async ({ page }) => {
  await page.goto('/units');
  await page.getByTestId('units-table').locator('tbody tr[data-row-key] a').first().click();
  await expect(page).toHaveURL(/\/units\/[^/]+$/);
  await expectHighlighted(page, 'nav-units');

  await page.goto('/volunteering');
  await page.getByTestId('volunteer-teams-table').locator('tbody tr[data-row-key] a').first().click();
  await expect(page).toHaveURL(/\/volunteering\/teams\/[^/]+$/);
  await expectHighlighted(page, 'nav-volunteering');
  await page.getByTestId('team-member-link').first().click();
  await expect(page).toHaveURL(/\/volunteering\/people\/[^/]+$/);
  // a volunteer's ledger belongs to the teams, not to 我的积分
  await expectHighlighted(page, 'nav-volunteering');
});

test('a page opens at its top, however far down the previous one was scrolled', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/units');
  await expect(page.getByTestId('units-table').locator('tbody tr[data-row-key]').first()).toBeVisible();
  await page.mouse.wheel(0, 2000);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);

  await page.getByRole('navigation').getByRole('link', { name: '兼职委员' }).click();

  await expect(page).toHaveURL(/\/members$/);
  await expect(page.getByTestId('page-title')).toHaveText('兼职委员');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
});

test('on a short screen the menu scrolls on its own and the collapse bar covers no entry', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 560 });
  await page.goto('/meetings/actions');
  // open every group: the menu is then taller than the screen
  const nav = page.getByRole('navigation');
  for (const group of ['志愿服务', '需求·资源·项目', '系统管理']) {
    await nav.getByText(group, { exact: true }).click();
  }
  const menu = page.getByTestId('app-sider-menu');
  await expect.poll(() => menu.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);

  // Scrolled to its end (once the sub-menus have opened), the menu shows its last entry
  // above the collapse bar.
  const last = nav.getByRole('link', { name: '审计日志' });
  const trigger = page.locator('.ant-layout-sider-trigger');
  await expect
    .poll(async () => {
      await menu.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      const [item, bar] = await Promise.all([last.boundingBox(), trigger.boundingBox()]);
      return !!item && !!bar && item.y >= 0 && item.y + item.height <= bar.y;
    })
    .toBe(true);
  await page.screenshot({ path: artifact('menu-short-screen.png') });

  await last.click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expectHighlighted(page, 'nav-admin-audit');
});
