import { expect, test, type Locator, type Page } from '@playwright/test';
import { artifact } from './artifacts';
import { SIGNED_OUT, signIn } from './auth';
import { chooseOption, openFromMenu } from './antd';

test.use({ storageState: SIGNED_OUT });

const UNIT = '龙山小区物业服务中心';

/** A time in Asia/Shanghai (the tests' time zone) as the pickers show it, to the minute. */
function shanghai(date: Date): string {
  const local = new Date(date.getTime() + 8 * 3600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

async function typeDate(input: Locator, value: string) {
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

async function choose(page: Page, select: Locator, text: string) {
  await chooseOption(page, select, text, { search: text });
}

test("a grid worker's need is dispatched, accepted as a project, served by a volunteer activity", async ({
  page,
  context,
}) => {
  const suffix = String(Date.now()).slice(-5);
  const need = `3 号楼楼道灯不亮（${suffix}）`;
  const now = Date.now();

  // The coordinator records the need a grid worker brought in.
  await signIn(page, 'coordinator');
  await page.goto('/cobuilding/needs');
  await page.getByTestId('need-submit-button').click();
  const form = page.getByTestId('need-submit-modal');
  await choose(page, form.getByTestId('need-grid'), (await firstGrid(page, form)) ?? '');
  await form.getByTestId('need-title').fill(need);
  await form.getByTestId('need-description').fill('楼道灯坏了一个多月，老人晚上上下楼不方便。');
  await form.getByTestId('need-category').locator('input').fill('基础设施');
  await form.getByText('紧急', { exact: true }).click();
  await page.getByTestId('need-submit-modal-ok').click();
  await expect(form).toBeHidden();
  const card = page.getByTestId('need-card').filter({ hasText: need });
  await expect(card).toHaveAttribute('data-status', 'SUBMITTED');
  await page.screenshot({ path: artifact('needs-board.png'), fullPage: true });

  // Triage, then dispatch to the property company, choosing from the ranked suggestions.
  await card.click();
  const drawer = page.getByTestId('need-drawer');
  await drawer.getByTestId('need-accept').click();
  await expect(drawer.getByTestId('need-drawer-status')).toHaveText('已受理');
  await drawer.getByTestId('need-dispatch').click();
  await expect(page.getByTestId('dispatch-page')).toBeVisible();
  const suggestions = page.getByTestId('dispatch-suggestion');
  await expect(suggestions.first()).toBeVisible();
  await expect(suggestions.first()).toContainText('同');
  await page.screenshot({ path: artifact('dispatch.png'), fullPage: true });
  await choose(page, page.getByTestId('dispatch-unit'), UNIT);
  await page.getByTestId('dispatch-note').fill('请物业中心尽快更换灯具。');
  await page.getByTestId('dispatch-submit').click();
  await expect(page).toHaveURL(/\/cobuilding\/needs$/);
  await expect(page.getByTestId('need-card').filter({ hasText: need })).toHaveAttribute(
    'data-status',
    'DISPATCHED',
  );

  // The unit's liaison accepts it; it becomes a project led by the unit.
  await context.clearCookies();
  await signIn(page, 'liaison');
  await openFromMenu(page, '需求·资源·项目', '接单');
  const dispatch = page.locator(`[data-testid="inbox-dispatch"][data-title="${need}"]`);
  await expect(dispatch).toContainText('请物业中心尽快更换灯具。');
  await page.screenshot({ path: artifact('liaison-inbox.png'), fullPage: true });
  await dispatch.getByTestId('inbox-accept').click();
  await expect(page.getByTestId('inbox-project-title')).toHaveValue(need);
  await page.getByTestId('inbox-confirm').click();
  await expect(dispatch).toBeHidden();

  // The coordinator finds the project and publishes a volunteer activity for it.
  await context.clearCookies();
  await signIn(page, 'coordinator');
  await page.goto(`/cobuilding/projects?q=${encodeURIComponent(need)}`);
  await page.getByTestId('project-link').filter({ hasText: need }).click();
  await expect(page.getByTestId('project-detail-status')).toHaveText('计划中');
  await page.getByTestId('project-activity-create').click();
  const activity = page.getByTestId('activity-create-modal');
  const range = activity.locator('.ant-picker-range input');
  await typeDate(range.nth(0), shanghai(new Date(now - 2 * 3600_000)));
  await typeDate(range.nth(1), shanghai(new Date(now + 3600_000)));
  await activity.getByTestId('activity-place').fill('城西社区龙山小区 3 号楼');
  await page.getByTestId('activity-create-modal-ok').click();
  await expect(activity).toBeHidden();
  await expect(page.locator('.ant-message')).toContainText('已发布活动');
  await page.getByTestId('project-activity').first().getByRole('link').click();
  await expect(page.getByTestId('activity-detail-page')).toBeVisible();
  await expect(page.getByTestId('activity-qr')).toBeVisible();

  // A volunteer is signed up, then checked in and out by the coordinator.
  await page.getByTestId('signup-person-search').click();
  await page.getByTestId('signup-person-search').locator('input').fill('王');
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
  const volunteer = (await option.innerText()).trim();
  await option.click();
  await page.getByTestId('signup-add').click();
  await expect(page.getByTestId('signup-person')).toHaveText([volunteer]);
  await page.getByTestId('signup-check-in').click();
  await typeDate(page.getByTestId('check-time'), shanghai(new Date(now - 90 * 60_000)));
  await page.getByTestId('check-confirm').click();
  await expect(page.getByTestId('signup-check-out')).toBeVisible();
  await page.getByTestId('signup-check-out').click();
  await typeDate(page.getByTestId('check-time'), shanghai(new Date(now)));
  await page.getByTestId('check-confirm').click();
  await expect(page.getByTestId('signup-service')).toHaveText('1.5 小时 · 15 积分');
  await page.screenshot({ path: artifact('activity-check-in.png'), fullPage: true });

  // The hours and points are on the volunteer's ledger.
  await page.getByTestId('signup-person').click();
  await expect(page.getByTestId('ledger-page')).toBeVisible();
  const latest = page.getByTestId('ledger-entries').locator('tbody tr').first();
  await expect(latest).toContainText('+15');
  await expect(latest).toContainText(need);
  await expect(page.getByTestId('ledger-service').first()).toContainText('1.5 小时 · 15 积分');
  await page.screenshot({ path: artifact('volunteer-ledger.png'), fullPage: true });
});

/** The first grid the form offers (the coordinator's community's). */
async function firstGrid(page: Page, form: Locator): Promise<string | null> {
  await form.getByTestId('need-grid').click();
  const first = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
  await expect(first).toBeVisible();
  const name = (await first.innerText()).trim();
  await page.keyboard.press('Escape');
  return name;
}
