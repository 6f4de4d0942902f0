import { expect, test, type Page } from '@playwright/test';
import { artifact } from './artifacts';
import { confirmPopover, openFromMenu } from './antd';
import { SIGNED_OUT, signIn } from './auth';

/** YYYY-MM-DD in the browser's time zone (playwright.config.ts: Asia/Shanghai). */
const shanghaiDay = (ms: number) => new Date(ms).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

/** Create a token on the tokens page; returns the secret shown (once) in the dialog left open. */
async function createToken(page: Page, name: string, scopes: string[]): Promise<string> {
  await page.getByTestId('token-create-button').click();
  const form = page.getByRole('dialog', { name: '创建 API 令牌' });
  await expect(form).toBeVisible();
  await form.getByLabel('令牌名称').fill(name);
  for (const scope of scopes) {
    await form.getByRole('checkbox', { name: new RegExp(`^${scope}`) }).check();
  }
  // Defaults: the street the administrator looks after, 90 days.
  await expect(form.getByTestId('token-organisation')).toContainText('湖寮镇党委');
  await expect(form.getByLabel('到期日期')).toHaveValue(shanghaiDay(Date.now() + 90 * 86_400_000));
  await form.getByRole('button', { name: /创\s*建/ }).click();
  await expect(form).toBeHidden();

  const dialog = page.getByRole('dialog', { name: '令牌已创建' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('关闭此窗口后将无法再次查看');
  const secret = (await dialog.getByTestId('token-secret').innerText()).trim();
  expect(secret).toMatch(/^gjt_[0-9a-f]{12}_\S{20,}$/);
  return secret;
}

test('a token expiry typed outside its range is refused with what is wrong with it', async ({ page }) => {
  await page.goto('/admin/tokens');
  await page.getByTestId('token-create-button').click();
  const form = page.getByRole('dialog', { name: '创建 API 令牌' });
  const expiry = form.getByLabel('到期日期');
  await expiry.click();
  await expiry.fill(shanghaiDay(Date.now() - 86_400_000));
  await expiry.press('Enter');
  // the typed day stays as typed, and the error names what is wrong with it
  await expect(expiry).toHaveValue(shanghaiDay(Date.now() - 86_400_000));
  await expect(form.getByText(/到期日期最早为明天（\d{4}-\d{2}-\d{2}）/)).toBeVisible();
  await expect(form.getByText('请选择到期日期')).toHaveCount(0);
  await expiry.click();
  await expiry.fill(shanghaiDay(Date.now() + 400 * 86_400_000));
  await expiry.press('Enter');
  await expect(form.getByText(/到期日期最晚为一年后/)).toBeVisible();
});

test('create an API token, see its secret once, then revoke it', async ({ page }) => {
  const name = `测试令牌 ${Date.now()}`;
  await page.goto('/');
  await openFromMenu(page, '系统管理', 'API 令牌');
  await expect(page).toHaveURL(/\/admin\/tokens$/);
  await expect(page.getByRole('heading', { name: 'API 令牌' })).toBeVisible();

  const secret = await createToken(page, name, ['read:units', 'read:members']);
  const dialog = page.getByRole('dialog', { name: '令牌已创建' });
  await expect(dialog.getByRole('button', { name: '复制' })).toBeVisible();
  await page.screenshot({ path: artifact('admin-token-secret.png'), fullPage: true });
  await dialog.getByTestId('token-secret-done').click();
  await expect(dialog).toBeHidden();

  // The list shows the token by name and prefix; the secret is nowhere to be seen again.
  const table = page.getByTestId('tokens-table');
  const row = table.locator('tbody tr[data-row-key]', { hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(secret.split('_')[1]);
  await expect(row).toContainText('read:units');
  await expect(row).toContainText('湖寮镇党委');
  await expect(row.getByTestId('token-status')).toHaveText('有效');
  await expect(page.getByText(secret)).toHaveCount(0);
  await page.reload();
  await expect(row).toHaveCount(1);
  await expect(page.getByText(secret)).toHaveCount(0);

  // Revoke, after confirming.
  await row.getByTestId('token-revoke').click();
  const confirm = page.locator('.ant-popconfirm:visible');
  await expect(confirm).toContainText(`确定吊销令牌“${name}”？`);
  await confirmPopover(page, row.getByTestId('token-revoke'), /吊\s*销/);
  await expect(page.getByText('令牌已吊销')).toBeVisible();
  await expect(row).toHaveCount(0);

  await page.getByTestId('token-show-revoked').click();
  await expect(row.getByTestId('token-status')).toHaveText('已吊销');
  await expect(row.getByTestId('token-revoke')).toHaveCount(0);
  await page.screenshot({ path: artifact('admin-tokens.png'), fullPage: true });
});

test('the audit log shows the creation of an API token with its values', async ({ page }) => {
  const name = `审计测试令牌 ${Date.now()}`;
  await page.goto('/admin/tokens');
  await createToken(page, name, ['read:meetings']);
  await page.getByRole('dialog', { name: '令牌已创建' }).getByTestId('token-secret-done').click();

  await page.getByTestId('main-menu').getByRole('link', { name: '审计日志' }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  const table = page.getByTestId('audit-log-table');
  await expect(table.locator('tbody tr[data-row-key]').first()).toBeVisible();

  // Only token creations, newest first.
  const action = page.getByRole('combobox', { name: '按操作筛选' });
  await action.fill('apiTokenCreate');
  await action.press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('action')).toBe('apiTokenCreate');
  const first = table.locator('tbody tr[data-row-key]').first();
  await expect
    .poll(() =>
      table.getByTestId('audit-action').evaluateAll((els) => els.map((el) => el.getAttribute('data-action'))),
    )
    .toEqual(expect.arrayContaining(['apiTokenCreate']));
  await expect
    .poll(async () =>
      (
        await table
          .getByTestId('audit-action')
          .evaluateAll((els) => els.map((el) => el.getAttribute('data-action')))
      ).every((a) => a === 'apiTokenCreate'),
    )
    .toBe(true);
  await expect(first.getByTestId('audit-action')).toHaveAttribute('data-action', 'apiTokenCreate');
  await expect(first).toContainText('创建 API 令牌');
  await expect(first).toContainText('街道管理员（演示）');

  // The changes: every field from nothing to its value.
  await first.getByRole('button', { name: '展开行' }).click();
  const changes = table.getByTestId('audit-changes');
  await expect(changes).toBeVisible();
  await expect(changes).toContainText('变更前');
  await expect(changes).toContainText('变更后');
  await expect(changes.locator('tr', { hasText: '名称' })).toContainText(name);
  await expect(changes.locator('tr', { hasText: '授权范围' })).toContainText('read:meetings');
  await expect(changes.locator('tr', { hasText: '名称' })).toContainText('（空）');

  await page.screenshot({ path: artifact('admin-audit.png'), fullPage: true });
});

test('the audit log shows a need dispatched, in Chinese, with a link to the need', async ({
  page,
  browser,
}) => {
  // The coordinator dispatches an accepted need to the first unit the page suggests.
  const coordinator = await browser.newContext({ storageState: SIGNED_OUT });
  const worker = await coordinator.newPage();
  await signIn(worker, 'coordinator');
  await worker.goto('/cobuilding/needs');
  const accepted = worker
    .locator('[data-testid="need-column"][data-status="ACCEPTED"]')
    .getByTestId('need-card');
  const title = (await accepted.first().getByTestId('need-card-title').innerText()).trim();
  await accepted.first().click();
  await worker.getByTestId('need-drawer').getByTestId('need-dispatch').click();
  const suggestion = worker.getByTestId('dispatch-suggestion').first();
  const unit = (await suggestion.getAttribute('data-unit')) ?? '';
  await suggestion.getByTestId('dispatch-choose').click();
  await worker.getByTestId('dispatch-submit').click();
  await expect(worker).toHaveURL(/\/cobuilding\/needs$/);
  await coordinator.close();

  await page.goto('/admin/audit?action=needDispatch');
  const row = page.getByTestId('audit-log-table').locator('tbody tr[data-row-key]').first();
  await expect(row.getByTestId('audit-action')).toHaveText('社区下单：派给驻区单位');
  await expect(row.getByTestId('audit-object')).toContainText('需求');
  await expect(row.getByTestId('audit-object-link')).toHaveText(title);
  await expect(page.getByRole('combobox', { name: '按操作筛选' })).toHaveValue('社区下单：派给驻区单位');
  await expect(page.getByTestId('audit-log-table')).not.toContainText('needDispatch');

  await row.getByRole('button', { name: '展开行' }).click();
  const changes = page.getByTestId('audit-changes');
  await expect(changes.locator('tr[data-field="status"]')).toContainText('状态');
  await expect(changes.locator('tr[data-field="status"]')).toContainText('已受理');
  await expect(changes.locator('tr[data-field="status"]')).toContainText('已派单');
  await expect(changes.locator('tr[data-field="unit"]')).toContainText('驻区单位');
  await expect(changes.locator('tr[data-field="unit"]')).toContainText(unit);
  await page.screenshot({ path: artifact('admin-audit-dispatch.png'), fullPage: true });

  await row.getByTestId('audit-object-link').click();
  await expect(page).toHaveURL(/\/cobuilding\/needs\?/);
  await expect(page.getByTestId('need-drawer')).toContainText(title);
});
