import { theme } from 'antd';
import { t } from '../locales';

/**
 * The thin bar across the top of the window while a page's code loads (the fallback of every
 * lazily loaded page, with the page's skeleton), as the admin consoles users know show it.
 */
export default function TopProgress() {
  const { token } = theme.useToken();
  return (
    <div
      className="top-progress"
      role="progressbar"
      aria-label={t('pages.common.pageLoading')}
      data-testid="top-progress"
      style={{ background: token.colorPrimary }}
    />
  );
}
