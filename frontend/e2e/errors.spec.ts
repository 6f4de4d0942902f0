import { expect, test, type Page } from '@playwright/test';
import { artifact } from './artifacts';

/**
 * A page's code is split into chunks loaded when the page is first opened. After a new
 * deployment the chunks an open app knows are gone; on a broken network they cannot be
 * fetched. Both are played here by answering the chunks the app has not loaded yet: with a
 * 404 once (the old version's file is gone; the reloaded app finds its files), or with a
 * network failure until the network "returns".
 */
async function openHome(page: Page): Promise<Set<string>> {
  const requested = new Set<string>();
  const record = (request: { url: () => string }) => requested.add(request.url());
  page.on('request', record);
  await page.goto('/');
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await page.waitForLoadState('networkidle');
  page.off('request', record);
  // What the open app has loaded: the files of the version it runs.
  return requested;
}

const isChunk = (url: URL) => /^\/assets\/.*\.(js|css)$/.test(url.pathname);

async function openUnits(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: '驻区单位' }).click();
}

test('a page whose old code is gone after a deployment reloads into the new version', async ({ page }) => {
  const loaded = await openHome(page);
  let gone = 0;
  await page.route(isChunk, async (route) => {
    if (gone === 0 && !loaded.has(route.request().url())) {
      gone += 1;
      await route.fulfill({ status: 404, body: 'Not Found' });
      return;
    }
    await route.continue();
  });
  // A mark on the open app: a reload takes it away.
  await page.evaluate(() => Object.assign(globalThis, { beforeDeployment: true }));

  await openUnits(page);

  // (while the page reloads there is no page to ask: the mark is then gone too)
  await expect
    .poll(() => page.evaluate(() => 'beforeDeployment' in globalThis).catch(() => false))
    .toBe(false);
  expect(gone).toBe(1);
  await expect(page).toHaveURL(/\/units$/);
  await expect(page.getByTestId('units-table')).toBeVisible();
  await expect(page.getByTestId('route-error')).toHaveCount(0);
  await expect(page.getByText('Unexpected Application Error')).toHaveCount(0);
});

test('a page that cannot load on a broken network says so in Chinese and retries once it is back', async ({
  page,
}) => {
  const loaded = await openHome(page);
  let offline = true;
  await page.route(isChunk, async (route) => {
    if (offline && !loaded.has(route.request().url())) {
      await route.abort('internetdisconnected');
      return;
    }
    await route.continue();
  });

  await openUnits(page);

  // One reload (it might have been a deployment), then the error page inside the layout.
  const error = page.getByTestId('route-error');
  await expect(error).toBeVisible();
  await expect(error.getByText('页面加载失败')).toBeVisible();
  await expect(error.getByRole('button', { name: /重试/ })).toBeVisible();
  await expect(error.getByRole('link', { name: /返回首页/ })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: '驻区单位' })).toBeVisible();
  await expect(page.getByText('Unexpected Application Error')).toHaveCount(0);
  await page.screenshot({ path: artifact('route-error-offline.png') });

  offline = false;
  await error.getByRole('button', { name: /重试/ }).click();
  await expect(page.getByTestId('units-table')).toBeVisible();
  await expect(page.getByTestId('route-error')).toHaveCount(0);
});

test('返回首页 on the error page leaves it for the home page', async ({ page }) => {
  const loaded = await openHome(page);
  await page.route(isChunk, (route) =>
    loaded.has(route.request().url()) ? route.continue() : route.abort('internetdisconnected'),
  );
  await openUnits(page);
  const error = page.getByTestId('route-error');
  await expect(error).toBeVisible();

  await error.getByRole('link', { name: /返回首页/ }).click();

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('route-error')).toHaveCount(0);
  await expect(page.getByTestId('user-menu')).toBeVisible();
});

test('a list whose query fails shows the page error state, and retries once the network is back', async ({
  page,
}) => {
  await openHome(page);
  let offline = true;
  await page.route('**/graphql', (route) =>
    offline && route.request().postData()?.includes('ResidentUnitList')
      ? route.abort('internetdisconnected')
      : route.continue(),
  );

  await openUnits(page);

  const error = page.getByTestId('query-error');
  await expect(error).toBeVisible();
  await expect(error.getByText('无法连接服务器，请检查网络后重试。')).toBeVisible();
  await expect(page.getByRole('heading', { name: '驻区单位' })).toBeVisible();

  offline = false;
  await error.getByTestId('retry-button').click();
  await expect(page.getByTestId('units-table')).toBeVisible();
  await expect(page.getByTestId('query-error')).toHaveCount(0);
});

test('a bar across the top shows while a page loads', async ({ page }) => {
  const loaded = await openHome(page);
  await page.route(isChunk, async (route) => {
    if (!loaded.has(route.request().url())) await new Promise((done) => setTimeout(done, 1500));
    await route.continue();
  });

  await openUnits(page);

  await expect(page.getByRole('progressbar', { name: '页面加载中' })).toBeVisible();
  await expect(page.getByTestId('units-table')).toBeVisible();
  await expect(page.getByTestId('top-progress')).toHaveCount(0);
});

test('a 5,000-character need title is kept, counted and refused, not cut', async ({ page }) => {
  await page.goto('/cobuilding/needs');
  await page.getByTestId('need-submit-button').click();
  const form = page.getByTestId('need-submit-modal');
  const long = '楼道灯不亮'.repeat(1000);
  await form.getByTestId('need-title').fill(long);

  await expect(form.getByTestId('need-title')).toHaveValue(long);
  await expect(form.getByText('5000 / 100')).toBeVisible();
  await page.getByTestId('need-submit-modal-ok').click();
  await expect(form.getByText('最多 100 个字，请删减后再提交')).toBeVisible();
  // nothing was sent: the dialog is still open with the whole text
  await expect(form.getByTestId('need-title')).toHaveValue(long);
});
