import { readFile } from 'node:fs/promises';
import { expect, test, type Locator } from '@playwright/test';
import { artifact } from './artifacts';
import { SIGNED_OUT, signIn } from './auth';
import { checkRadio, chooseOption, confirmPopover } from './antd';

test.use({ storageState: SIGNED_OUT });

const UNIT = '龙山小区物业服务中心';
/** A 1×1 PNG, the liaison's evidence photo. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A time in Asia/Shanghai (the tests' time zone) as the date pickers show it. */
function shanghai(date: Date, withTime = true): string {
  const local = new Date(date.getTime() + 8 * 3600_000).toISOString();
  return withTime ? `${local.slice(0, 10)} ${local.slice(11, 16)}` : local.slice(0, 10);
}

async function pick(input: Locator, value: string) {
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect(input).toHaveValue(value);
}

test('a quarterly meeting from agenda to minutes, and the liaison completes its action item', async ({
  page,
  context,
  browser,
}) => {
  const suffix = String(Date.now()).slice(-5);
  const title = `城西社区季度联席会议（流程 ${suffix}）`;
  const action = `完善小区消防通道标识（${suffix}）`;
  // Self sign-in runs on real time: the meeting starts within the hour.
  const now = Date.now();
  const startsAt = shanghai(new Date(now + 10 * 60_000));
  const endsAt = shanghai(new Date(now + 2 * 3600_000));

  // The convener prepares the meeting.
  await signIn(page, 'convener');
  await page.goto('/meetings');
  await page.getByTestId('meeting-create-button').click();
  const form = page.getByRole('dialog', { name: '新建联席会议' });
  await chooseOption(page, form.getByLabel('会议类型'), '季度联席会议');
  await pick(form.getByLabel('开始时间'), startsAt);
  await pick(form.getByLabel('结束时间'), endsAt);
  await form.getByLabel('会议名称').fill(title);
  await form.getByLabel('会议地点').fill('城西社区党群服务中心三楼会议室');
  await form.getByRole('button', { name: /创\s*建/ }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('meeting-detail-title')).toHaveText(title);
  const meetingUrl = page.url();

  // The overdue action item from the candidates, then publish.
  const overdue = page
    .getByTestId('agenda-candidates')
    .locator('[data-testid="agenda-candidate"][data-source="ACTION_ITEM"]')
    .first();
  const itemTitle = (await overdue.getByTestId('candidate-title').innerText()).trim();
  await overdue.getByTestId('candidate-add').click();
  await expect(page.getByTestId('agenda-item')).toHaveCount(1);
  await confirmPopover(page, page.getByTestId('agenda-publish'));
  await expect(page.getByTestId('meeting-status')).toHaveText('已发布议程');

  // The run screen: start the meeting.
  await page.getByTestId('meeting-run-link').click();
  await expect(page).toHaveURL(/\/meetings\/[^/]+\/run$/);
  await confirmPopover(page, page.getByTestId('meeting-start'));
  await expect(page.getByTestId('meeting-status')).toHaveText('会议中');
  await expect(page.getByTestId('meeting-qr')).toBeVisible();
  await expect(page.getByTestId('meeting-checkin-code')).toContainText('签到码');

  // A committee member signs in by the QR code's link (a wrong code is refused in Chinese).
  const code = (await page.getByTestId('meeting-checkin-code').innerText()).replace('签到码：', '').trim();
  const signInPath = new URL(page.url()).pathname.replace(/\/run$/, '/sign-in');
  const memberContext = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const member = await memberContext.newPage();
  await signIn(member, 'member');
  // The member was invited: the published agenda is waiting in 我的通知.
  await expect(member.getByTestId('notification-count')).not.toHaveText('');
  await member.getByTestId('notification-bell').click();
  const invitation = member
    .locator('[data-testid="notification"][data-read="false"]')
    .filter({ hasText: title })
    .first();
  await expect(invitation).toBeVisible();
  await member.screenshot({ path: artifact('member-notifications.png'), fullPage: true });
  await invitation.click();
  await expect(member.getByTestId('meeting-detail-title')).toHaveText(title);
  await member.goto(`${signInPath}?code=WRONG`);
  await member.getByTestId('meeting-sign-in-submit').click();
  await expect(member.getByTestId('meeting-sign-in-error')).toBeVisible();
  await member.goto(`${signInPath}?code=${encodeURIComponent(code)}`);
  await member.getByTestId('meeting-sign-in-submit').click();
  await expect(member.getByTestId('meeting-sign-in-success')).toBeVisible();
  await memberContext.close();
  await page.reload();
  await expect(page.locator('[data-testid="attendance-row"][data-status="PRESENT"]')).toHaveCount(1);

  // Two attendees signed in with the quick buttons.
  const rows = page.getByTestId('attendance-row');
  const invited = page.locator('[data-testid="attendance-row"][data-status="INVITED"]');
  for (const name of [
    await invited.nth(0).getAttribute('data-person'),
    await invited.nth(1).getAttribute('data-person'),
  ]) {
    const row = rows.and(page.locator(`[data-person="${name}"]`));
    await row.getByTestId('attendance-PRESENT').click();
    await expect(row).toHaveAttribute('data-status', 'PRESENT');
  }
  await expect(page.locator('[data-testid="attendance-row"][data-status="PRESENT"]')).toHaveCount(3);

  // One more sends a colleague in their place (委托): the dialog asks who.
  const absentee = rows.and(
    page.locator(`[data-person="${await invited.nth(0).getAttribute('data-person')}"]`),
  );
  await absentee.getByTestId('attendance-PROXY').click();
  const proxyDialog = page.getByRole('dialog').filter({ has: page.getByTestId('attendance-proxy-name') });
  await proxyDialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(proxyDialog.locator('.ant-form-item-explain-error')).toBeVisible();
  await proxyDialog.getByTestId('attendance-proxy-name').fill('王副主任');
  await proxyDialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(proxyDialog).toBeHidden();
  await expect(absentee).toHaveAttribute('data-status', 'PROXY');
  await expect(absentee).toContainText('王副主任');

  // The decision on the current item, and its action item.
  await expect(page.getByTestId('agenda-current-title')).toHaveText(itemTitle);
  const decision = page.getByTestId('decision-form');
  await decision.getByText('通过', { exact: true }).click();
  await decision.getByLabel('决议内容').fill('同意由责任单位限期完成整改，下次会议通报。');
  await decision.getByLabel('讨论情况').fill('与会单位一致同意。');
  await decision.getByTestId('decision-submit').click();
  await expect(page.getByTestId('agenda-decision')).toContainText('通过');

  const actionForm = page.getByTestId('action-item-form');
  await actionForm.getByLabel('事项名称').fill(action);
  await chooseOption(page, actionForm.getByLabel('责任单位'), UNIT, { search: UNIT });
  await actionForm.getByLabel('预期结果').fill('消防通道标识清晰、无占用。');
  const due = actionForm.getByLabel('办理期限');
  await due.click();
  await due.fill(shanghai(new Date(now + 30 * 86_400_000), false));
  await actionForm.getByLabel('事项名称').click();
  await expect(due).toHaveValue(shanghai(new Date(now + 30 * 86_400_000), false));
  await actionForm.getByTestId('action-item-submit').click();
  await expect(page.getByTestId('decision-action-item').filter({ hasText: action })).toContainText(UNIT);
  await page.screenshot({ path: artifact('meeting-run.png'), fullPage: true });

  // Close the meeting and download the minutes.
  await confirmPopover(page, page.getByTestId('meeting-close'));
  await expect(page.getByTestId('meeting-status')).toHaveText('已结束');
  await page.goto(meetingUrl);
  await expect(page.getByTestId('minutes-card')).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('minutes-docx').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const downloadingPdf = page.waitForEvent('download');
  await page.getByTestId('minutes-pdf').click();
  const pdf = await downloadingPdf;
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  const pdfBytes = await readFile((await pdf.path())!);
  expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');

  // The minutes: a draft from the record to edit, save, publish; the calendar invitation
  // stays available.
  const minutes = page.getByTestId('minutes-text');
  await expect(minutes).toBeVisible();
  await expect(page.getByTestId('minutes-draft-hint')).toBeVisible();
  await expect(minutes).toHaveValue(/应到 \d+ 人，实到 \d+ 人/);
  await expect(minutes).toHaveValue(/决议：/);
  await minutes.fill(`${await minutes.inputValue()}\n会后各单位按决议落实。`);
  await page.getByTestId('minutes-save').click();
  await expect(page.getByText('纪要已保存')).toBeVisible();
  await confirmPopover(page, page.getByTestId('minutes-publish'));
  await expect(page.getByTestId('meeting-status')).toHaveText('纪要已发布');
  await expect(page.getByTestId('minutes-view')).toContainText('会后各单位按决议落实。');
  await expect(page.getByTestId('minutes-view')).toContainText('实到');
  await expect(page.getByTestId('meeting-ics')).toHaveAttribute('href', /invitation\.ics$/);

  // The action board shows the new item.
  await page.goto('/meetings/actions');
  const card = page.getByTestId('action-card').filter({ hasText: action });
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute('data-status', 'OPEN');
  await page.screenshot({ path: artifact('action-board.png'), fullPage: true });

  // The liaison of the owner unit reports it done, with a photo.
  await context.clearCookies();
  await signIn(page, 'liaison');
  await page.goto('/meetings/mine');
  const mine = page.locator(`[data-testid="my-action"][data-title="${action}"]`);
  await expect(mine).toBeVisible();
  await mine.getByTestId('my-action-report').click();
  const report = page.getByTestId('progress-form');
  await checkRadio(report, '已完成');
  await report.getByLabel('进展说明').fill('已重新喷涂消防通道标识并清理占用车辆。');
  // A program dressed up as a photo is refused by its content, next to the upload field.
  await report.locator('input[type="file"]').setInputFiles({
    name: 'xiaofang.png',
    mimeType: 'image/png',
    buffer: Buffer.from('MZ\x90\x00 not a picture'),
  });
  await page.getByTestId('progress-submit').click();
  await expect(report.locator('.ant-form-item-explain-error')).toContainText('只能上传图片');
  await report.locator('.ant-upload-list-item-action').click();
  await report
    .locator('input[type="file"]')
    .setInputFiles({ name: 'xiaofang.png', mimeType: 'image/png', buffer: PNG });
  await expect(report.locator('.ant-upload-list-item-name')).toHaveText(['xiaofang.png']);
  await page.getByTestId('progress-submit').click();
  await expect(report).toBeHidden();
  await expect(mine.getByTestId('my-action-status')).toHaveText('已完成');
  await page.screenshot({ path: artifact('liaison-actions.png'), fullPage: true });

  // Back on the board, the convener sees the evidence and sends the item back with a reason.
  await context.clearCookies();
  await signIn(page, 'convener');
  await page.goto('/meetings/actions');
  await page.getByTestId('action-card').filter({ hasText: action }).click();
  const drawer = page.getByTestId('action-drawer');
  await expect(drawer.getByTestId('action-evidence')).toHaveAttribute('data-filename', 'xiaofang.png');
  // a photo shows as a thumbnail that opens a preview
  await expect(
    drawer.getByTestId('action-evidence').getByRole('img', { name: 'xiaofang.png' }),
  ).toBeVisible();
  await drawer.getByTestId('action-reject').click();
  const sendBack = page.getByRole('dialog', { name: '退回督办事项' });
  await sendBack.getByRole('button', { name: /确\s*定/ }).click();
  await expect(sendBack.getByText('请输入退回原因')).toBeVisible();
  await sendBack.getByTestId('action-reject-note').fill('北侧通道标识仍被遮挡，请补拍清晰照片。');
  await sendBack.getByRole('button', { name: /确\s*定/ }).click();
  await expect(sendBack).toBeHidden();
  await expect(drawer.getByTestId('action-drawer-status')).toHaveText('办理中');
  await expect(
    page.locator('[data-testid="action-column"][data-status="IN_PROGRESS"]').getByText(action),
  ).toBeVisible();

  // The liaison is told why, and reports it done again.
  await context.clearCookies();
  await signIn(page, 'liaison');
  await page.getByTestId('notification-bell').click();
  await expect(page.getByTestId('notification').filter({ hasText: '北侧通道标识仍被遮挡' })).toBeVisible();
  await page.getByTestId('notification').filter({ hasText: action }).first().click();
  await expect(page).toHaveURL(/\/meetings\/mine$/);
  await mine.getByTestId('my-action-report').click();
  await checkRadio(report, '已完成');
  await report.getByLabel('进展说明').fill('已清理遮挡物并补拍照片。');
  await report
    .locator('input[type="file"]')
    .setInputFiles({ name: 'buchai.png', mimeType: 'image/png', buffer: PNG });
  await page.getByTestId('progress-submit').click();
  await expect(report).toBeHidden();
  await expect(mine.getByTestId('my-action-status')).toHaveText('已完成');

  // The convener verifies it.
  await context.clearCookies();
  await signIn(page, 'convener');
  await page.goto('/meetings/actions');
  await page.getByTestId('action-card').filter({ hasText: action }).click();
  await expect(drawer.getByTestId('action-evidence').last()).toHaveAttribute('data-filename', 'buchai.png');
  await drawer.getByTestId('action-verify').click();
  // Each column reads itself again after the change, so for a moment the card may show in
  // both: wait for it to be in 已核验 and gone from 已完成.
  const column = (status: string) => page.locator(`[data-testid="action-column"][data-status="${status}"]`);
  await expect(column('VERIFIED').getByTestId('action-card').filter({ hasText: action })).toHaveCount(1);
  await expect(column('DONE').getByTestId('action-card').filter({ hasText: action })).toHaveCount(0);
});
