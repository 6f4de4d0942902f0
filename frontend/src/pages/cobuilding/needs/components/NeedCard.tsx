import { Card, Space, Tag, Typography } from 'antd';
import { PictureOutlined } from '@ant-design/icons';
import type { NeedCardFragment } from '../../../../graphql/graphql';
import { formatDate } from '../../../../utils/format';
import { URGENCY_COLORS } from '../../labels';

export type Need = NeedCardFragment;

/** One need on the board: category, grid, urgency, and whether photos came with it. */
export default function NeedCard({ need, onOpen }: { need: Need; onOpen: (need: Need) => void }) {
  return (
    <Card
      size="small"
      hoverable
      onClick={() => onOpen(need)}
      data-testid="need-card"
      data-status={need.status}
      style={need.urgency === 'HIGH' ? { borderColor: '#ffa39e' } : undefined}
    >
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text strong data-testid="need-card-title">
          {need.title}
        </Typography.Text>
        <Space size={[4, 4]} wrap>
          <Tag>{need.category}</Tag>
          <Tag color={URGENCY_COLORS[need.urgency]}>{need.urgencyLabel}</Tag>
          {need.photos.length > 0 ? <PictureOutlined aria-label="photos" /> : null}
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[need.grid?.name ?? need.community.name, need.sourceLabel, formatDate(need.raisedAt)].join(' · ')}
        </Typography.Text>
        {need.project ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {need.project.title}
          </Typography.Text>
        ) : null}
      </Space>
    </Card>
  );
}
