import { Card, Skeleton, Spin } from 'antd';
import { t } from '../locales';

/** Loading state of a whole page (detail pages) or a card. */
export default function PageLoading({ rows = 6, card = true }: { rows?: number; card?: boolean }) {
  const body = (
    <Spin spinning description={t('pages.common.loading')}>
      <Skeleton active paragraph={{ rows }} />
    </Spin>
  );
  return (
    <div data-testid="page-loading" aria-busy="true">
      {card ? <Card>{body}</Card> : body}
    </div>
  );
}
