import { Button, Result, Space } from 'antd';
import { HomeOutlined, ReloadOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { useRouteError } from 'react-router-dom';
import { t } from '../locales';

// The moment of the last reload this page made for a chunk it could not load: a second
// failure soon after is not a new deployment but a network that is down, and reloading
// again would loop.
const RELOADED_AT = 'gongjian.chunkReloadAt';
const RELOAD_WINDOW_MS = 30_000;

/** Whether the error is a page's code that could not be loaded (a code-split chunk). */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported module|ChunkLoadError|Unable to preload CSS/i.test(
    message,
  );
}

function reloadedRecently(): boolean {
  const at = Number(sessionStorage.getItem(RELOADED_AT) ?? 0);
  return Date.now() - at < RELOAD_WINDOW_MS;
}

/**
 * The error page of every route: a page whose code cannot be loaded after a new deployment
 * (the chunks the open app knows are gone) reloads the app once, into the new version; when
 * that does not help (the network is down), or the page itself failed, it says so in
 * Chinese with 重试 and 返回首页 instead of React Router's developer page.
 */
export default function RouteError() {
  const error = useRouteError();
  const chunk = isChunkLoadError(error);
  const reloading = chunk && !reloadedRecently();

  useEffect(() => {
    if (!reloading) return;
    sessionStorage.setItem(RELOADED_AT, String(Date.now()));
    window.location.reload();
  }, [reloading]);

  if (reloading) return null;
  return (
    <div role="alert" data-testid="route-error">
      <Result
        status={chunk ? 'warning' : 'error'}
        title={t(chunk ? 'pages.common.routeError.chunkTitle' : 'pages.common.routeError.title')}
        subTitle={t(chunk ? 'pages.common.routeError.chunk' : 'pages.common.routeError.unknown')}
        extra={
          <Space>
            <Button
              type="primary"
              icon={<ReloadOutlined />}
              data-testid="route-error-retry"
              onClick={() => {
                sessionStorage.removeItem(RELOADED_AT);
                window.location.reload();
              }}
            >
              {t('pages.common.retry')}
            </Button>
            <Button icon={<HomeOutlined />} href="/" data-testid="route-error-home">
              {t('pages.common.backHome')}
            </Button>
          </Space>
        }
      />
    </div>
  );
}
