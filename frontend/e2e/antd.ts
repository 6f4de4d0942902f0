import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Choose `text` in an antd Select and wait until its dropdown has closed. On a busy machine a
 * click can land while the dropdown is still sliding in and miss; the dropdown then stays open
 * over the next field. So the choice is retried until the dropdown is gone.
 */
export async function chooseOption(
  page: Page,
  select: Locator,
  text: string,
  { search, exact = true }: { search?: string; exact?: boolean } = {},
): Promise<void> {
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await expect(async () => {
    if ((await dropdown.count()) === 0) {
      await select.click();
      if (search !== undefined) {
        // The locator is the Select (a wrapper holding its input) or, by its label, the input.
        const inner = select.locator('input');
        await ((await inner.count()) > 0 ? inner : select).fill(search);
      }
    }
    await dropdown.getByText(text, { exact }).first().click({ timeout: 5_000 });
    await expect(dropdown).toHaveCount(0, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
}

/**
 * Open a Popconfirm with `trigger`, press its OK button (确定 unless named) and wait until it
 * has closed. On a busy machine a click during the popover's animation can miss, so the
 * trigger is clicked again while no popover has opened, and OK again while the popover is
 * still open and its button not busy with the request: the action runs once.
 */
export async function confirmPopover(
  page: Page,
  trigger: Locator,
  button: RegExp = /确\s*定/,
): Promise<void> {
  const popover = page.locator('.ant-popconfirm:visible');
  let pressed = false;
  await expect(async () => {
    if ((await popover.count()) === 0) {
      if (pressed) return;
      await trigger.click({ timeout: 5_000 });
    }
    const ok = popover.getByRole('button', { name: button });
    if (!(await ok.evaluate((element) => element.classList.contains('ant-btn-loading')))) {
      await ok.click({ timeout: 5_000 });
      pressed = true;
    }
    await expect(popover).toHaveCount(0, { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
}

/**
 * Check the antd Radio labelled `label` inside `container` and wait until it is checked. A
 * click that lands while a modal is still opening (and its form setting initial values) is
 * lost, so it is clicked again until the choice holds.
 */
export async function checkRadio(container: Locator, label: string): Promise<void> {
  const radio = container.getByRole('radio', { name: label, exact: true });
  await expect(async () => {
    await container.getByText(label, { exact: true }).click({ timeout: 5_000 });
    await expect(radio).toBeChecked({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/**
 * Open a page from a group of the side menu. The group opens with an animation, perhaps below
 * the menu's fold (the menu scrolls on its own), so the link is clicked once it has settled in
 * view; a group already open (the current page is in it) is left open.
 */
export async function openFromMenu(page: Page, group: string, link: string): Promise<void> {
  const nav = page.getByRole('navigation');
  const target = nav.getByRole('link', { name: link, exact: true });
  if (!(await target.isVisible())) await nav.getByText(group, { exact: true }).click();
  await expect(target).toBeVisible();
  await target.scrollIntoViewIfNeeded();
  await expect(target).toBeInViewport();
  await target.click();
}
