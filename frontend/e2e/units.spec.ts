import { expect, test } from '@playwright/test';
import { artifact } from './artifacts';

test('find a resident unit by part of its name and open its detail page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation').getByRole('link', { name: '驻区单位' }).click();
  await expect(page).toHaveURL(/\/units$/);

  const table = page.getByTestId('units-table');
  const firstName = table.getByTestId('unit-name').first();
  await expect(firstName).toBeVisible();
  const name = (await firstName.innerText()).trim();
  expect(name.length).toBeGreaterThan(1);

  // Search for the first few characters of that name.
  const term = name.slice(0, Math.min(4, name.length));
  const search = page.getByTestId('unit-search').getByRole('searchbox');
  await search.fill(term);
  await search.press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(term);

  // The table now lists only units matching the term, the one we took the name from among them.
  await expect
    .poll(async () => {
      const names = await table.getByTestId('unit-name').allInnerTexts();
      return names.length > 0 && names.every((text) => text.includes(term));
    })
    .toBe(true);
  await expect(table.getByRole('link', { name, exact: true })).toBeVisible();

  await table.getByRole('link', { name, exact: true }).click();
  await expect(page).toHaveURL(/\/units\/[^/]+$/);

  await expect(page.getByTestId('unit-detail-name')).toHaveText(name);
  const agreements = page.getByTestId('unit-agreements');
  await expect(agreements).toBeVisible();
  await expect(agreements.getByText('共建协议', { exact: true })).toBeVisible();
  await expect(page.getByTestId('unit-info')).toBeVisible();
  await expect(page.getByTestId('unit-registrations')).toBeVisible();
  await expect(page.getByTestId('unit-members')).toBeVisible();
  // Personal data arrives masked.
  const mobile = (await page.getByTestId('liaison-mobile').innerText()).trim();
  expect(mobile === '—' || mobile.includes('*')).toBeTruthy();

  await page.screenshot({ path: artifact('units-detail.png'), fullPage: true });
});
