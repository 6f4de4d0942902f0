import { expect, test } from '@playwright/test';

test('filter part-time committee members by role and open one', async ({ page }) => {
  await page.goto('/members');
  const table = page.getByTestId('members-table');
  await expect(table.getByTestId('member-name').first()).toBeVisible();

  // Filter by the role 政策宣讲员: every row then carries that role tag.
  await page.getByRole('combobox', { name: '按角色筛选' }).click();
  // antd renders a hidden a11y listbox plus the visible (virtual) option list
  await page.locator('.ant-select-dropdown').getByTitle('政策宣讲员').click();
  await expect.poll(() => new URL(page.url()).searchParams.get('role')).toBe('POLICY_PUBLICIST');
  await expect
    .poll(async () => {
      const tags = await table.getByTestId('role-tags').allInnerTexts();
      return tags.length > 0 && tags.every((text) => text.includes('政策宣讲员'));
    })
    .toBe(true);

  const name = (await table.getByTestId('member-name').first().innerText()).trim();
  await table.getByTestId('member-name').first().click();
  await expect(page).toHaveURL(/\/members\/[^/]+$/);
  await expect(page.getByTestId('member-detail-name')).toHaveText(name);
  await expect(page.getByTestId('member-info').getByTestId('role-tags')).toContainText('政策宣讲员');
  const mobile = (await page.getByTestId('member-mobile').innerText()).trim();
  expect(mobile === '—' || mobile.includes('*')).toBeTruthy();
});
