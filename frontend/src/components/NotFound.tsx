import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { t } from '../locales';

/** A record that does not exist or is outside the reader's scope (the API does not tell which). */
export default function NotFound({ backTo }: { backTo: string }) {
  return (
    <div data-testid="not-found">
      <Result
        status="404"
        title={t('pages.common.notFound.title')}
        subTitle={t('pages.common.notFound.subtitle')}
        extra={
          <Link to={backTo}>
            <Button type="primary">{t('pages.common.backToList')}</Button>
          </Link>
        }
      />
    </div>
  );
}
