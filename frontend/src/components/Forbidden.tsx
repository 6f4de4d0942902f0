import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { t } from '../locales';

/** The signed-in user's roles may not see this page or section (menu hidden, API says FORBIDDEN). */
export default function Forbidden({ message, compact = false }: { message?: string; compact?: boolean }) {
  return (
    <div role="alert" data-testid="forbidden">
      <Result
        status="403"
        title={t('pages.common.forbidden.title')}
        subTitle={message ?? t('pages.common.forbidden.subtitle')}
        style={compact ? { padding: '16px 0' } : undefined}
        extra={
          <Link to="/">
            <Button type="primary">{t('pages.common.backHome')}</Button>
          </Link>
        }
      />
    </div>
  );
}
