import { expect, type Page } from '@playwright/test';

/** Every demo user's password (backend/demo.py). */
export const PASSWORD = 'Gongjian#2026';

/** Sign-in state for tests that sign in themselves. */
export const SIGNED_OUT = { cookies: [], origins: [] };

/** Fill in and send the sign-in form on the page already open. */
export async function submitLogin(page: Page, username: string, password = PASSWORD) {
  await expect(page.getByTestId('login-page')).toBeVisible();
  await page.getByLabel('用户名或手机号', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByTestId('login-submit').click();
}

/** Sign in through the sign-in page and wait for the signed-in shell. */
export async function signIn(page: Page, username: string, password = PASSWORD) {
  await page.goto('/login');
  await submitLogin(page, username, password);
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByTestId('user-menu')).toBeVisible();
}
