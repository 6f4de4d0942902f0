import { expect, test, type Locator, type Page } from '@playwright/test';
import { artifact } from './artifacts';
import { SIGNED_OUT, signIn } from './auth';
import { chooseOption, confirmPopover, openFromMenu } from './antd';

test.use({ storageState: SIGNED_OUT });

const COMMUNITY = '城西社区党委';
const TITLE = '城西社区大党委2026年第四季度联席会议';
const MANUAL = '研究2027年共建项目计划';

/** Drag by the pointer (dnd-kit starts a drag after the pointer has moved a few pixels). */
async function drag(page: Page, handle: Locator, target: Locator, where: 'top' | 'center' = 'center') {
  await handle.scrollIntoViewIfNeeded();
  const from = await handle.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('nothing to drag, or nowhere to drop');
  const x = from.x + from.width / 2;
  const y = from.y + from.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 8, y + 8, { steps: 4 });
  const toY = where === 'top' ? to.y + Math.min(8, to.height / 4) : to.y + to.height / 2;
  await page.mouse.move(to.x + to.width / 2, toY, { steps: 20 });
  await page.mouse.move(to.x + to.width / 2, toY + 1, { steps: 2 });
  await page.mouse.up();
}

/** Type a date and time into an antd DatePicker with a time part. */
async function pickDateTime(input: Locator, value: string) {
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect(input).toHaveValue(value);
}

test('a convener sets the agenda of the next quarterly meeting from the candidate issues', async ({
  page,
  context,
}) => {
  await signIn(page, 'convener');

  // 联席会议 › 会议安排, as a month calendar.
  await openFromMenu(page, '联席会议', '会议安排');
  await expect(page).toHaveURL(/\/meetings$/);
  await expect(page.getByTestId('meetings-table').locator('tbody tr[data-row-key]').first()).toBeVisible();
  await page.getByTestId('meeting-view-toggle').getByText('月历').click();
  await expect(page).toHaveURL(/view=calendar/);
  await expect(page.getByTestId('meetings-calendar')).toBeVisible();

  // 新建会议: the convener's community is the only choice; a quarterly meeting gets its title.
  await page.getByTestId('meeting-create-button').click();
  const form = page.getByRole('dialog', { name: '新建联席会议' });
  await expect(form).toBeVisible();
  await expect(form.getByTestId('meeting-organisation')).toContainText(COMMUNITY);
  await chooseOption(page, form.getByLabel('会议类型'), '季度联席会议');
  await pickDateTime(form.getByLabel('开始时间'), '2026-12-17 09:30');
  await pickDateTime(form.getByLabel('结束时间'), '2026-12-17 11:30');
  await expect(form.getByLabel('会议名称')).toHaveValue(TITLE);
  await form.getByLabel('会议地点').fill('城西社区党群服务中心三楼会议室');
  // 主持人: someone of the community, found by name.
  await form.getByTestId('meeting-chair').click();
  await form.getByTestId('meeting-chair').locator('input').fill('王');
  const found = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: '王' });
  const chair = (await found.first().innerText()).trim();
  await page.keyboard.press('Escape');
  await chooseOption(page, form.getByTestId('meeting-chair'), chair, { search: chair });
  await expect(form.getByTestId('meeting-chair')).toContainText(chair);
  await form.getByRole('button', { name: /创\s*建/ }).click();
  await expect(form).toBeHidden();

  // The new meeting opens as a draft, with the community's members and liaisons invited.
  await expect(page).toHaveURL(/\/meetings\/[^/]+$/);
  const meetingUrl = page.url();
  await expect(page.getByTestId('meeting-detail-title')).toHaveText(TITLE);
  await expect(page.getByTestId('meeting-status')).toHaveText('草稿');
  await expect(page.getByTestId('meeting-info')).toContainText(chair);

  // The convener's workbench now shows it as the next meeting.
  await page.goto('/');
  await expect(page.getByTestId('home-meeting-link')).toHaveText(TITLE);
  await expect(page.getByTestId('home-meeting')).toContainText('城西社区党群服务中心三楼会议室');
  await page.screenshot({ path: artifact('home-convener.png') });
  await page.goto(meetingUrl);
  await expect(page.getByTestId('meeting-detail-title')).toHaveAttribute('data-version', '1');
  await expect(page.getByTestId('meeting-info')).toContainText('2026-12-17 09:30–11:30');
  await expect(page.getByTestId('meeting-invitees').locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('agenda-publish')).toBeDisabled();
  await expect(page.getByTestId('time-budget-text')).toHaveText('议题 0 分钟 / 会议 120 分钟');

  // 候选议题: an overdue action item from the 2026 Q3 meeting, with its reason.
  const candidates = page.getByTestId('agenda-candidates');
  const overdue = candidates.locator('[data-testid="agenda-candidate"][data-source="ACTION_ITEM"]').first();
  await expect(overdue).toBeVisible();
  await expect(overdue.getByTestId('candidate-source')).toHaveText('督办事项');
  await expect(overdue.getByTestId('candidate-reason')).toContainText('逾期');
  const overdueTitle = (await overdue.getByTestId('candidate-title').innerText()).trim();

  // Add it with the 添加 button.
  const agenda = page.getByTestId('agenda-list');
  const items = agenda.getByTestId('agenda-item');
  await overdue.getByTestId('candidate-add').click();
  await expect(items).toHaveCount(1);
  await expect(items.first().getByTestId('agenda-item-title')).toHaveText(overdueTitle);
  await expect(items.first().getByTestId('agenda-item-source')).toHaveText('督办事项');
  await expect(candidates.getByText(overdueTitle, { exact: true })).toHaveCount(0);
  await expect(page.getByTestId('meeting-detail-title')).toHaveAttribute('data-version', '2');

  // A manual item, too long for the meeting: the budget turns red with the API's warning.
  const manual = page.getByTestId('manual-item-form');
  await manual.getByLabel('议题名称').fill(MANUAL);
  await manual.getByLabel('讨论时长（分钟）').fill('115');
  await manual.getByTestId('manual-item-submit').click();
  await expect(items).toHaveCount(2);
  await expect(items.nth(1).getByTestId('agenda-item-title')).toHaveText(MANUAL);
  await expect(items.nth(1).getByTestId('agenda-item-source')).toHaveText('手动添加');
  const budget = page.getByTestId('time-budget');
  await expect(budget).toHaveAttribute('data-over', 'true');
  await expect(budget.getByTestId('time-budget-warning')).toHaveText(
    '议题共需 125 分钟，超出会议时长 120 分钟 5 分钟。',
  );

  // 编辑 the manual item: 600 minutes stays as typed and is refused by name; 100 fits.
  await items.nth(1).getByTestId('agenda-item-edit').click();
  const itemDialog = page.getByTestId('agenda-item-edit-modal');
  await expect(itemDialog.getByTestId('agenda-edit-title')).toHaveValue(MANUAL);
  await itemDialog.getByTestId('agenda-edit-minutes').fill('600');
  await itemDialog.getByTestId('agenda-item-edit-modal-ok').click();
  await expect(itemDialog.getByText('须为 1 到 480 之间的整数')).toBeVisible();
  await expect(itemDialog.getByTestId('agenda-edit-minutes')).toHaveValue('600');
  await itemDialog.getByTestId('agenda-edit-minutes').fill('100');
  await itemDialog.getByTestId('agenda-item-edit-modal-ok').click();
  await expect(itemDialog).toBeHidden();
  await expect(items.nth(1).getByTestId('agenda-item-minutes')).toHaveText('100 分钟');
  await expect(budget).toHaveAttribute('data-over', 'false');

  // 编辑会议信息: another venue, and the chair taken off.
  await page.getByTestId('meeting-edit').click();
  const meetingDialog = page.getByTestId('meeting-edit-modal');
  await expect(meetingDialog.getByTestId('meeting-chair')).toContainText(chair);
  await meetingDialog.getByTestId('meeting-edit-venue').fill('城西社区党群服务中心一楼大厅');
  // A name longer than any search takes is said so, not sent.
  await meetingDialog.getByTestId('meeting-chair').click();
  await meetingDialog.getByTestId('meeting-chair').locator('input').fill('王'.repeat(51));
  await expect(page.locator('.ant-select-dropdown:visible')).toContainText('搜索词最多 50 个字');
  await page.keyboard.press('Escape');
  await meetingDialog.getByTestId('meeting-chair').hover();
  await meetingDialog.locator('.ant-select-clear').click();
  await page.screenshot({ path: artifact('meeting-edit.png') });
  await meetingDialog.getByTestId('meeting-edit-modal-ok').click();
  await expect(meetingDialog).toBeHidden();
  await expect(page.getByTestId('meeting-info')).toContainText('城西社区党群服务中心一楼大厅');
  await expect(page.getByTestId('meeting-info')).not.toContainText(chair);

  // Drag another candidate (a deferred item) into the agenda, then take it out again.
  const deferred = candidates
    .locator('[data-testid="agenda-candidate"][data-source="DEFERRED_ITEM"]')
    .first();
  const deferredTitle = (await deferred.getByTestId('candidate-title').innerText()).trim();
  await drag(page, deferred.getByTestId('candidate-handle'), agenda);
  await expect(items).toHaveCount(3);
  await expect(agenda.getByText(deferredTitle, { exact: true })).toBeVisible();
  const added = items.filter({ hasText: deferredTitle });
  await confirmPopover(page, added.getByTestId('agenda-item-delete'), /删\s*除/);
  await expect(items).toHaveCount(2);
  await expect(candidates.getByText(deferredTitle, { exact: true })).toBeVisible();

  // Reorder by dragging the manual item above the action item: a new version of the meeting.
  const versionBefore = Number(await page.getByTestId('meeting-detail-title').getAttribute('data-version'));
  await drag(page, items.nth(1).getByTestId('agenda-item-handle'), items.nth(0), 'top');
  await expect(items.nth(0).getByTestId('agenda-item-title')).toHaveText(MANUAL);
  await expect(items.nth(1).getByTestId('agenda-item-title')).toHaveText(overdueTitle);
  await expect(page.getByTestId('meeting-detail-title')).toHaveAttribute(
    'data-version',
    String(versionBefore + 1),
  );

  // Publish: the invitees are told; the agenda is at version 1.
  await confirmPopover(page, page.getByTestId('agenda-publish'));
  await expect(page.getByTestId('meeting-status')).toHaveText('已发布议程');
  await expect(page.getByTestId('meeting-agenda-version')).toHaveText('议程第 1 版');
  const versions = page.getByTestId('agenda-versions');
  await expect(versions.getByTestId('agenda-version')).toHaveCount(1);
  await expect(versions.locator('[data-testid="agenda-version"][data-number="1"]')).toContainText(
    '首次发布议程',
  );
  await expect(page.getByTestId('agenda-unpublished')).toHaveCount(0);
  await expect(page.getByTestId('agenda-publish')).toBeDisabled();
  // After a reload the order is still the saved one.
  await page.reload();
  await expect(items.nth(0).getByTestId('agenda-item-title')).toHaveText(MANUAL);
  await expect(candidates.getByTestId('agenda-candidate').first()).toBeVisible();
  await expect(page.getByTestId('meeting-status')).toHaveText('已发布议程');
  await page.screenshot({ path: artifact('agenda-builder.png'), fullPage: true });

  // Someone else changes the meeting in another tab: saving the stale version is refused.
  const other = await context.newPage();
  await other.goto(meetingUrl);
  await other.getByTestId('manual-item-form').getByLabel('议题名称').fill('其他人添加的议题');
  await other.getByTestId('manual-item-submit').click();
  await expect(other.getByTestId('agenda-item')).toHaveCount(3);
  await other.close();

  await manual.getByLabel('议题名称').fill('过时版本上的议题');
  await manual.getByTestId('manual-item-submit').click();
  const conflict = page.getByTestId('version-conflict');
  await expect(conflict).toContainText('会议已被他人修改');
  await expect(conflict).toContainText('请刷新后再保存');
  await expect(items).toHaveCount(2);
  await conflict.getByTestId('version-conflict-reload').click();
  await expect(conflict).toBeHidden();
  await expect(items).toHaveCount(3);
  await expect(agenda.getByText('其他人添加的议题', { exact: true })).toBeVisible();
  await expect(page.getByTestId('agenda-unpublished')).toBeVisible();

  // Publishing again makes agenda version 2, listing what changed.
  await expect(page.getByTestId('agenda-publish')).toHaveText(/发布议程更新/);
  await confirmPopover(page, page.getByTestId('agenda-publish'));
  await expect(page.getByTestId('meeting-agenda-version')).toHaveText('议程第 2 版');
  await expect(versions.locator('[data-testid="agenda-version"][data-number="2"]')).toContainText(
    '新增议题：其他人添加的议题',
  );
  await expect(page.getByTestId('agenda-unpublished')).toHaveCount(0);

  // Back on the calendar, the meeting is on its day.
  await page.goto('/meetings?view=calendar&date=2026-12-17');
  const onDay = page.getByTestId('meetings-calendar').locator('[data-date="2026-12-17"]');
  await expect(onDay.getByTestId('calendar-meeting')).toContainText(TITLE);
  await page.screenshot({ path: artifact('meetings-calendar.png'), fullPage: true });
  await onDay.getByTestId('calendar-meeting').click();
  await expect(page).toHaveURL(meetingUrl);
});

test('committee members submit proposals and the convener accepts, merges and declines them', async ({
  page,
}) => {
  const suffix = String(Date.now()).slice(-5);
  const titles = {
    accepted: `小区垃圾分类设施不足（${suffix}）`,
    merged: `垃圾桶数量太少（${suffix}）`,
    declined: `建议增设夜市（${suffix}）`,
  };

  // A committee member submits three: the community and origin are filled in from the role.
  await signIn(page, 'member');
  await openFromMenu(page, '联席会议', '议题建议');
  await expect(page).toHaveURL(/\/meetings\/proposals$/);
  await expect(page.getByRole('heading', { name: '议题建议' })).toBeVisible();
  const table = page.getByTestId('proposals-table');
  for (const [key, title] of Object.entries(titles)) {
    await page.getByTestId('proposal-submit-button').click();
    const form = page.getByRole('dialog', { name: '提交议题建议 / 社情民意' });
    await expect(form.getByTestId('proposal-community')).toContainText(COMMUNITY);
    await expect(form.getByTestId('proposal-origin')).toContainText('兼职委员');
    if (key === 'merged') await form.getByText('社情民意', { exact: true }).click();
    await form.getByLabel('类别').fill('环境卫生');
    await form.getByLabel('标题').fill(title);
    await form.getByLabel('具体内容').fill(`居民反映：${title}`);
    await form.getByRole('button', { name: /提\s*交/ }).click();
    await expect(form).toBeHidden();
    const row = table.locator('tbody tr[data-row-key]', { hasText: title });
    await expect(row.getByTestId('proposal-status')).toHaveText('待处理');
  }
  // Only a convener triages.
  await expect(table.getByTestId('proposal-accept')).toHaveCount(0);

  await page.context().clearCookies();
  await signIn(page, 'convener');
  await page.goto('/meetings/proposals');
  const rowOf = (title: string) => table.locator('tbody tr[data-row-key]', { hasText: title });

  // Accept.
  await confirmPopover(page, rowOf(titles.accepted).getByTestId('proposal-accept'), /采\s*纳/);
  await expect(rowOf(titles.accepted).getByTestId('proposal-status')).toHaveText('已采纳');

  // Merge into the accepted one.
  await rowOf(titles.merged).getByTestId('proposal-merge').click();
  const merge = page.getByRole('dialog', { name: '合并建议' });
  await chooseOption(page, merge.getByLabel('合并到'), titles.accepted, { exact: false });
  await merge.getByRole('button', { name: /合\s*并/ }).click();
  await expect(merge).toBeHidden();
  await expect(rowOf(titles.merged).getByTestId('proposal-status')).toHaveText('已合并');
  await expect(rowOf(titles.merged)).toContainText(`并入：${titles.accepted}`);

  // Decline: a reason is required.
  await rowOf(titles.declined).getByTestId('proposal-decline').click();
  const decline = page.getByRole('dialog', { name: '不予采纳' });
  // A click while the dialog is still animating in can miss: press again until the form answers.
  await expect(async () => {
    await decline.getByRole('button', { name: '不予采纳' }).click();
    await expect(decline.getByText('请说明不予采纳的理由')).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await decline.getByLabel('理由').fill('不属于社区大党委议事范围，已转交市场监管部门。');
  await decline.getByRole('button', { name: '不予采纳' }).click();
  await expect(decline).toBeHidden();
  await expect(rowOf(titles.declined).getByTestId('proposal-status')).toHaveText('不予采纳');
  await expect(rowOf(titles.declined)).toContainText('理由：不属于社区大党委议事范围');

  // The status filter.
  await chooseOption(page, page.getByRole('combobox', { name: '按状态筛选' }), '已采纳');
  await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('ACCEPTED');
  await expect(rowOf(titles.accepted)).toHaveCount(1);
  await expect(rowOf(titles.merged)).toHaveCount(0);
  await expect
    .poll(async () =>
      (await table.getByTestId('proposal-status').allInnerTexts()).every((s) => s === '已采纳'),
    )
    .toBe(true);
  await page.reload();
  await expect(rowOf(titles.accepted).getByTestId('proposal-status')).toHaveText('已采纳');
  await expect(table).toHaveAttribute('aria-busy', 'false');
  await page.screenshot({ path: artifact('proposals.png'), fullPage: true });
});

test("a closed meeting's page shows what it decided and the action items it assigned", async ({ page }) => {
  await signIn(page, 'convener');
  await page.goto('/meetings');
  const row = page
    .getByTestId('meetings-table')
    .locator('tbody tr[data-row-key]')
    .filter({ hasText: '城西社区大党委2026年第三季度联席会议' });
  await row.getByRole('link').first().click();
  await expect(page.getByTestId('meeting-status')).toHaveText('纪要已发布');

  const outcomes = page.getByTestId('meeting-outcomes');
  await expect(outcomes.getByTestId('meeting-outcome').first()).toBeVisible();
  await expect(outcomes.getByTestId('meeting-outcome-label').first()).toHaveText(/通过|不通过|暂缓/);
  await expect(outcomes.getByTestId('meeting-outcome-action').first()).toContainText('前完成');
  await outcomes.getByTestId('meeting-outcome-action').first().getByRole('link').click();
  await expect(page).toHaveURL(/\/meetings\/actions\?q=/);
});
