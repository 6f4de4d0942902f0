import { expect, test } from '@playwright/test';
import { artifact } from './artifacts';
import { SIGNED_OUT, signIn, submitLogin } from './auth';

test.use({ storageState: SIGNED_OUT });

test('a wrong password is refused with a Chinese message', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);

  // Empty fields are caught before anything is sent.
  await page.getByTestId('login-submit').click();
  await expect(page.getByText('请输入用户名或手机号')).toBeVisible();
  await expect(page.getByText('请输入密码')).toBeVisible();

  await submitLogin(page, 'member', 'Wrong#Password1');
  await expect(page.getByTestId('login-alert')).toHaveText('用户名或密码错误。');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId('user-menu')).toHaveCount(0);
  await expect(page.getByTestId('login-submit')).toBeEnabled();

  await page.screenshot({ path: artifact('login-error.png'), fullPage: true });
});

test('signing out ends the session; pages then ask to sign in again', async ({ page }) => {
  await signIn(page, 'coordinator');
  await expect(page.getByTestId('user-display-name')).toHaveText('城西志愿服务协调员（演示）');
  await expect(page.getByTestId('user-roles')).toContainText('志愿服务协调员');

  await page.getByTestId('user-menu-trigger').click();
  await page.getByTestId('user-menu-sign-out').click();
  await expect(page).toHaveURL(/\/login$/);

  // The cookie is gone: a page asked for leads to the sign-in page, and back after signing in.
  await page.goto('/volunteering');
  await expect(page).toHaveURL(/\/login\?redirect=%2Fvolunteering$/);
  await submitLogin(page, 'coordinator');
  await expect(page).toHaveURL(/\/volunteering$/);
  await expect(
    page.getByTestId('volunteer-teams-table').locator('tbody tr[data-row-key]').first(),
  ).toBeVisible();
});

test('changing the password reports wrong and weak passwords under their fields', async ({ page }) => {
  await signIn(page, 'coordinator');
  await page.getByTestId('user-menu-trigger').click();
  await page.getByTestId('user-menu-password').click();
  const dialog = page.getByRole('dialog', { name: '修改密码' });
  await expect(dialog).toBeVisible();

  await dialog.getByLabel('当前密码', { exact: true }).fill('Not#TheCurrent1');
  await dialog.getByLabel('新密码', { exact: true }).fill('Another#Password2');
  await dialog.getByLabel('确认新密码', { exact: true }).fill('Another#Password2');
  await dialog.getByRole('button', { name: /提\s*交/ }).click();
  await expect(dialog.getByText('当前密码不正确。')).toBeVisible();

  await dialog.getByLabel('当前密码', { exact: true }).fill('Gongjian#2026');
  await dialog.getByLabel('新密码', { exact: true }).fill('short');
  await dialog.getByLabel('确认新密码', { exact: true }).fill('short');
  await dialog.getByRole('button', { name: /提\s*交/ }).click();
  await expect(dialog.getByText('密码至少 10 位。')).toBeVisible();

  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await expect(dialog).toBeHidden();
});

test('a session that ends while working leads to the sign-in page and back', async ({ page, context }) => {
  await signIn(page, 'coordinator');
  await expect(page).toHaveURL(/\/$/);
  // Let the landing page finish its requests: one still on its way when the cookie goes
  // would already lead to the sign-in page, from here rather than from the members page.
  await expect(page.getByTestId('home-needs').getByTestId('home-needs-summary')).toBeVisible();
  await page.waitForLoadState('networkidle');

  // The server no longer knows the browser (cookie gone, as after expiry or a password change).
  await context.clearCookies();
  await page.getByTestId('main-menu').getByRole('link', { name: '兼职委员' }).click();
  await expect(page).toHaveURL(/\/login\?redirect=%2Fmembers$/);
  await expect(page.getByTestId('login-alert')).toHaveText('登录已失效，请重新登录。');

  await submitLogin(page, 'coordinator');
  await expect(page).toHaveURL(/\/members$/);
  await expect(page.getByTestId('members-table').locator('tbody tr[data-row-key]').first()).toBeVisible();
});
