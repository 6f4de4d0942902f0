import { Space, Tag, Timeline, Typography } from 'antd';
import Attachments from '../../../../components/Attachments';
import EmptyState from '../../../../components/EmptyState';
import { t } from '../../../../locales';
import { formatDateTime } from '../../../../utils/format';
import { ENUM_LABELS } from '../../../../graphql/enumLabels';
import { ACTION_ITEM_STATUS_COLORS } from '../../labels';
import type { ActionItem } from './ActionCard';

/** 办理进展: the progress reports and verifications of an action item, with their evidence (photos as thumbnails). */
export default function ProgressHistory({ progress }: { progress: ActionItem['progress'] }) {
  if (progress.length === 0) return <EmptyState description={t('pages.actions.progress.empty')} />;
  return (
    <Timeline
      data-testid="action-progress"
      items={progress.map((p, i) => ({
        key: i,
        content: (
          <Space orientation="vertical" size={2} data-testid="action-progress-entry">
            <Space wrap size={4}>
              <Tag color={ACTION_ITEM_STATUS_COLORS[p.statusAfter]}>
                {ENUM_LABELS.ActionItemStatus[p.statusAfter]}
              </Tag>
              <Typography.Text type="secondary">
                {formatDateTime(p.createdAt)} {p.author ?? ''}
              </Typography.Text>
            </Space>
            <Typography.Text>{p.note}</Typography.Text>
            <Attachments files={p.evidence} testId="action-evidence" />
          </Space>
        ),
      }))}
    />
  );
}
