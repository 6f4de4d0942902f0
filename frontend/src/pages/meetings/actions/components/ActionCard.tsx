import { Card, Space, Tag, Typography } from 'antd';
import type { ActionItemCardFragment } from '../../../../graphql/graphql';
import { t } from '../../../../locales';
import { formatDate } from '../../../../utils/format';

export type ActionItem = ActionItemCardFragment;

/** One action item on the board: overdue ones in red, due-soon ones marked. */
export default function ActionCard({
  item,
  onOpen,
}: {
  item: ActionItem;
  onOpen: (item: ActionItem) => void;
}) {
  return (
    <Card
      size="small"
      hoverable
      onClick={() => onOpen(item)}
      data-testid="action-card"
      data-status={item.status}
      data-overdue={item.isOverdue}
      style={item.isOverdue ? { borderColor: '#ff4d4f', background: '#fff1f0' } : undefined}
    >
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text strong data-testid="action-card-title">
          {item.title}
        </Typography.Text>
        <Typography.Text type="secondary">
          {item.ownerUnit?.name ?? item.ownerPerson?.name ?? ''}
        </Typography.Text>
        <Space wrap size={4}>
          <Typography.Text type={item.isOverdue ? 'danger' : undefined}>
            {t('pages.meetingRun.action.due', { date: formatDate(item.dueOn) })}
          </Typography.Text>
          {item.isOverdue ? (
            <Tag color="red" data-testid="action-card-overdue">
              {t('pages.actions.overdue')}
            </Tag>
          ) : item.isDueSoon ? (
            <Tag color="orange" data-testid="action-card-due-soon">
              {t('pages.actions.dueSoon')}
            </Tag>
          ) : null}
        </Space>
      </Space>
    </Card>
  );
}
