import { expect, test, type Locator, type Page } from '@playwright/test';
import { artifact } from './artifacts';
import { SIGNED_OUT, signIn } from './auth';
import { chooseOption, openFromMenu } from './antd';

test.use({ storageState: SIGNED_OUT });

/** Search in an antd Select and pick the first option; returns the option's text. */
async function pickFirst(page: Page, select: Locator, search: string): Promise<string> {
  let picked = '';
  await expect(async () => {
    await select.click();
    await select.locator('input').fill(search);
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    await expect(option).toBeVisible({ timeout: 5_000 });
    picked = (await option.innerText()).trim();
    await option.click();
    await expect(select).toContainText(picked, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  return picked;
}

test('a committee member claims a published wish on the wish wall', async ({ page }) => {
  const title = `想要一副老花镜（${String(Date.now()).slice(-5)}）`;

  // Community staff publish a wish for a resident picked by name.
  await signIn(page, 'coordinator');
  await page.goto('/cobuilding/wishes');
  await expect(page.getByTestId('wish-wall')).toBeVisible();
  await page.getByTestId('wish-publish-button').click();
  const form = page.getByRole('dialog', { name: '发布微心愿' });
  await expect(form.getByTestId('wish-community')).toContainText('城西社区党委');
  await pickFirst(page, form.getByTestId('wish-beneficiary-select'), '王');
  await form.getByLabel('心愿内容').fill(title);
  await form.getByLabel('心愿说明').fill('视力下降，看报纸困难，希望有人帮忙配一副老花镜。');
  await form.getByTestId('wish-publish-modal-ok').click();
  await expect(form).toBeHidden();

  // A committee member finds it on the wall among the wishes waiting for a claim.
  await page.context().clearCookies();
  await signIn(page, 'member');
  await openFromMenu(page, '需求·资源·项目', '微心愿');
  await expect(page).toHaveURL(/\/cobuilding\/wishes$/);
  await expect(page.getByTestId('wish-wall')).toBeVisible();
  await expect(page.getByTestId('wish-publish-button')).toHaveCount(0);
  await page.getByTestId('wish-filter-status').getByText('待认领', { exact: true }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('PUBLISHED');
  // (the router applies the new URL in a transition: search once the wall shows the filter)
  await expect(page.getByTestId('wish-filter-status').locator('.ant-segmented-item-selected')).toHaveText(
    '待认领',
  );
  await expect
    .poll(async () => (await page.getByTestId('wish-status').allInnerTexts()).every((s) => s === '待认领'))
    .toBe(true);
  await page.getByTestId('wish-search').getByRole('searchbox').fill(title);
  await page.getByTestId('wish-search').getByRole('searchbox').press('Enter');
  const card = page.locator(`[data-testid="wish-card"][data-title="${title}"]`);
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('wish-status')).toHaveText('待认领');
  // The resident's name is masked on the wall.
  await expect(card.getByTestId('wish-beneficiary')).toContainText('王*');
  await expect(card.getByTestId('wish-claimant')).toHaveCount(0);

  // 认领.
  await card.getByTestId('wish-claim').click();
  await page.getByTestId('wish-claim-ok').click();
  await expect(page.getByText('认领成功')).toBeVisible();

  // It has left the 待认领 filter; on 已认领 it shows the member as claimant.
  await expect(card).toHaveCount(0);
  await page.getByTestId('wish-filter-status').getByText('已认领', { exact: true }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('CLAIMED');
  await expect(card.getByTestId('wish-status')).toHaveText('已认领');
  await expect(card.getByTestId('wish-claimant')).toContainText('认领人');
  await expect(card.getByTestId('wish-claim')).toHaveCount(0);
  await expect(card.getByTestId('wish-fulfil')).toBeVisible();
  await page.screenshot({ path: artifact('wish-wall.png'), fullPage: true });
});

test('a unit liaison publishes a resource and sees it in the catalogue', async ({ page }) => {
  const title = `物业活动室周末开放（${String(Date.now()).slice(-5)}）`;
  await signIn(page, 'liaison');
  await openFromMenu(page, '需求·资源·项目', '资源清单');
  await expect(page).toHaveURL(/\/cobuilding\/resources$/);
  const table = page.getByTestId('resources-table');
  await expect(table.locator('tbody tr[data-row-key]').first()).toBeVisible();

  // 发布资源: a liaison publishes for its own unit only.
  await page.getByTestId('resource-publish-button').click();
  const form = page.getByRole('dialog', { name: '发布资源' });
  await expect(form.getByTestId('resource-unit')).toContainText('龙山小区物业服务中心');
  await form.getByText('场地', { exact: true }).click();
  await form.getByLabel('资源名称').fill(title);
  await form.getByLabel('资源说明').fill('物业活动室可容纳 30 人，周末向小区居民开放。');
  await form.getByLabel('类别').fill('文体活动');
  await form.getByLabel('可提供数量（人次、座位等）').fill('30');
  await form.getByLabel('可用时间').fill('周六、周日 9:00–17:00');
  await form.getByLabel('使用条件').fill('提前一天向物业服务中心预约');
  await form.getByTestId('resource-modal-ok').click();
  await expect(form).toBeHidden();

  // It is in the catalogue, available, with its kind, unit and capacity.
  const row = table.locator('tbody tr[data-row-key]', { hasText: title });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('resource-kind-tag')).toHaveText('场地');
  await expect(row.getByTestId('resource-unit-name')).toHaveText('龙山小区物业服务中心');
  await expect(row.getByTestId('resource-capacity-cell')).toHaveText('30');
  await expect(row.getByTestId('resource-status')).toHaveText('可认领');

  // The kind filter keeps it; searching finds it.
  await chooseOption(page, page.getByRole('combobox', { name: '按资源类型筛选' }), '场地');
  await expect.poll(() => new URL(page.url()).searchParams.get('kind')).toBe('VENUE');
  await expect(row).toHaveCount(1);
  await expect
    .poll(async () =>
      (await table.getByTestId('resource-kind-tag').allInnerTexts()).every((k) => k === '场地'),
    )
    .toBe(true);
  await page.screenshot({ path: artifact('resources.png'), fullPage: true });

  // 撤回 after a confirmation.
  await row.getByTestId('resource-withdraw').click();
  await page.getByTestId('resource-withdraw-ok').click();
  await expect(row.getByTestId('resource-status')).toHaveText('已撤回');
  await expect(row.getByTestId('resource-withdraw')).toHaveCount(0);
});

test('a volunteer coordinator opens a team from the teams list and adds a member', async ({ page }) => {
  await signIn(page, 'coordinator');
  await openFromMenu(page, '志愿服务', '服务队');
  await expect(page).toHaveURL(/\/volunteering$/);
  const link = page.getByTestId('volunteer-teams-table').getByTestId('team-link').first();
  const teamName = (await link.innerText()).trim();
  await link.click();

  await expect(page).toHaveURL(/\/volunteering\/teams\/[^/]+$/);
  await expect(page.getByTestId('page-title')).toHaveText(teamName);
  const roster = page.getByTestId('team-members').locator('tbody tr[data-row-key]');
  await expect(roster.first()).toBeVisible();
  const count = await roster.count();
  await expect(page.getByTestId('team-member-count')).toHaveText(String(count));
  await expect(page.getByTestId('team-roster')).toContainText(`队员名单（${count}）`);
  await expect(page.getByTestId('team-services').locator('tbody tr[data-row-key]').first()).toBeVisible();

  // 添加队员: search a person by name.
  const option = await pickFirst(page, page.getByTestId('team-member-search'), '李');
  const name = option.split('（')[0];
  await page.getByTestId('team-member-add').click();
  await expect(page.getByText(`已添加队员 ${name}`)).toBeVisible();
  await expect(roster).toHaveCount(count + 1);
  await expect(page.getByTestId('team-member-count')).toHaveText(String(count + 1));
  await expect(page.getByTestId('team-roster')).toContainText(`队员名单（${count + 1}）`);
  const added = roster.filter({ hasText: name }).last();
  await expect(added.getByTestId('team-member-role')).toHaveText('队员');
  await expect(added.getByTestId('team-member-link')).toHaveAttribute('href', /\/volunteering\/people\/.+/);
  await page.screenshot({ path: artifact('team-roster.png'), fullPage: true });

  // 移出 again, after a confirmation: the roster is back as it was.
  await added.getByTestId('team-member-remove').click();
  await page.getByTestId('team-member-remove-ok').click();
  await expect(roster).toHaveCount(count);
  await expect(page.getByTestId('team-member-count')).toHaveText(String(count));
});
