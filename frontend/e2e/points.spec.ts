import { expect, test } from '@playwright/test';
import { artifact } from './artifacts';
import { SIGNED_OUT, signIn } from './auth';
import { chooseOption } from './antd';

test.use({ storageState: SIGNED_OUT });

test('a coordinator sets the points rule, registers a merchant and redeems points', async ({ page }) => {
  const merchant = `湖寮便民小卖部（${String(Date.now()).slice(-5)}）`;
  await signIn(page, 'coordinator');
  await page.goto('/volunteering/settings');
  await expect(page.getByTestId('points-rate')).toContainText('10');
  await page.getByTestId('points-rate-input').fill('12');
  await page.getByTestId('points-rate-save').click();
  await expect(page.getByTestId('points-rate')).toContainText('12');

  await page.getByTestId('merchant-create').click();
  const dialog = page.getByRole('dialog', { name: '登记合作商家' });
  await dialog.getByLabel('商家名称').fill(merchant);
  await dialog.getByLabel('可兑换').fill('15 积分兑换一瓶食用油');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('merchants-table')).toContainText(merchant);
  await page.screenshot({ path: artifact('points-settings.png'), fullPage: true });

  // A volunteer of a team redeems part of their balance at the new merchant.
  await page.goto('/volunteering');
  await page.getByTestId('volunteer-teams-table').locator('tbody tr[data-row-key] a').first().click();
  await page.locator('a[href^="/volunteering/people/"]').first().click();
  await expect(page.getByTestId('ledger-page')).toBeVisible();
  const balance = Number(
    (await page.getByTestId('ledger-balance').locator('.ant-statistic-content-value').innerText()).replace(
      /,/g,
      '',
    ),
  );
  expect(balance).toBeGreaterThan(0);
  await page.getByTestId('ledger-redeem').click();
  const redeem = page.getByRole('dialog', { name: /兑换积分/ });
  await chooseOption(page, redeem.getByLabel('合作商家'), merchant, { exact: false });
  await redeem.getByLabel('兑换积分').fill('1');
  await redeem.getByRole('button', { name: /确\s*定/ }).click();
  await expect(redeem).toBeHidden();
  await expect(page.getByTestId('ledger-balance')).toContainText(String(balance - 1));
  const latest = page.getByTestId('ledger-entries').locator('tbody tr').first();
  await expect(latest).toContainText('兑换');
  await expect(latest).toContainText('-1');

  // Back to the default, so that other tests' points do not depend on the order they run in.
  await page.goto('/volunteering/settings');
  await expect(page.getByTestId('points-rate')).toContainText('12');
  await page.getByTestId('points-rate-input').fill('10');
  await page.getByTestId('points-rate-save').click();
  await expect(page.getByTestId('points-rate')).toContainText('10');
});
