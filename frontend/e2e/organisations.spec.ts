import { expect, test, type Page } from '@playwright/test';
import { artifact } from './artifacts';
import { chooseOption, confirmPopover } from './antd';

const COMMUNITY = '城北新区社区党委';
const BRANCH = '城北新区第一网格党支部';
const GRID = '城北新区第一网格';

async function selectNode(page: Page, name: string) {
  await page.getByTestId('organisation-tree').getByText(name, { exact: true }).click();
  await expect(page.getByTestId('organisation-name')).toHaveText(name);
}

async function submitModal(page: Page) {
  const modal = page.getByTestId('organisation-modal');
  await modal.getByTestId('organisation-modal-ok').click();
  await expect(modal).toBeHidden();
}

test('a street administrator adds a community and a grid branch, moves and archives them', async ({
  page,
}) => {
  await page.goto('/organisations');
  const tree = page.getByTestId('organisation-tree');
  await expect(tree.getByTestId('organisation-node').first()).toBeVisible();
  const street = (
    await tree.getByTestId('organisation-node').first().locator('span').first().innerText()
  ).trim();
  await selectNode(page, street);

  // 新建下级组织: a community under the street, found in the tree at once.
  await page.getByTestId('organisation-add-child').click();
  const modal = page.getByTestId('organisation-modal');
  await chooseOption(page, modal.getByTestId('organisation-kind'), '社区党委');
  await modal.getByTestId('organisation-name-input').fill(COMMUNITY);
  await modal.getByLabel('书记').fill('陈书记');
  await submitModal(page);
  await expect(page.getByTestId('organisation-name')).toHaveText(COMMUNITY);
  await expect(tree.getByText(COMMUNITY, { exact: true })).toBeVisible();

  // A grid branch below it (its only kind of child but a party group: chosen).
  await page.getByTestId('organisation-add-child').click();
  await chooseOption(page, modal.getByTestId('organisation-kind'), '网格党支部');
  await modal.getByTestId('organisation-name-input').fill(BRANCH);
  await submitModal(page);
  await expect(page.getByTestId('organisation-name')).toHaveText(BRANCH);

  // 新建网格 in the community: 2,001 households stay typed and are refused; 320 is saved.
  await selectNode(page, COMMUNITY);
  await page.getByTestId('grid-add').click();
  const gridModal = page.getByTestId('grid-modal');
  await gridModal.getByTestId('grid-name').fill(GRID);
  await gridModal.getByTestId('grid-households').fill('2001');
  await gridModal.getByTestId('grid-modal-ok').click();
  await expect(gridModal.getByText('须为 0 到 2000 之间的整数')).toBeVisible();
  await gridModal.getByTestId('grid-households').fill('320');
  await chooseOption(page, gridModal.getByTestId('grid-branch'), BRANCH);
  await gridModal.getByTestId('grid-modal-ok').click();
  await expect(gridModal).toBeHidden();
  await expect(page.getByTestId('grid-tag')).toHaveText(`${GRID}（320 户）`);

  // The community cannot be archived while the branch and the grid hang below it.
  await confirmPopover(page, page.getByTestId('organisation-archive'), /归\s*档/);
  await expect(page.locator('.ant-message')).toContainText(`下还有 1 个下级组织（${BRANCH}）、1 个网格`);

  // Its grid is archived from the grid's own dialog (a branch leading grids stays put).
  await page.getByTestId('grid-tag').click();
  await confirmPopover(page, gridModal.getByTestId('grid-archive'), /归\s*档/);
  await expect(gridModal).toBeHidden();
  await expect(page.getByTestId('grid-tag')).toHaveCount(0);

  // 调整上级: the branch goes under another community.
  await selectNode(page, BRANCH);
  await page.getByTestId('organisation-move').click();
  await chooseOption(page, modal.getByTestId('organisation-move-parent'), '城西社区党委（社区党委）', {
    search: '城西社区党委',
  });
  await page.screenshot({ path: artifact('organisation-move.png') });
  await submitModal(page);
  await expect(page.getByTestId('organisation-detail')).toContainText('城西社区党委');

  // Now the empty community archives, leaves the tree, and comes back when restored.
  await selectNode(page, COMMUNITY);
  await confirmPopover(page, page.getByTestId('organisation-archive'), /归\s*档/);
  await expect(page.getByTestId('organisation-archived')).toBeVisible();
  await expect(tree.getByText(COMMUNITY, { exact: true })).toHaveCount(0);
  await page.getByTestId('organisation-show-archived').click();
  await selectNode(page, COMMUNITY);
  await page.getByTestId('organisation-restore').click();
  await expect(page.getByTestId('organisation-archived')).toHaveCount(0);
  await page.screenshot({ path: artifact('organisation-tree.png') });
});
