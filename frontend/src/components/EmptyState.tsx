import { Empty } from 'antd';
import { t } from '../locales';

export default function EmptyState({ description }: { description?: string }) {
  return (
    <div data-testid="empty-state">
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description ?? t('pages.common.empty')} />
    </div>
  );
}
