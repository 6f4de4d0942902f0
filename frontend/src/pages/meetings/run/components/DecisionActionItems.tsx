import type { ReactNode } from 'react';
import { Card, List, Space, Tag, Typography } from 'antd';
import { t } from '../../../../locales';
import { formatDate } from '../../../../utils/format';
import { ACTION_ITEM_STATUS_COLORS } from '../../labels';
import type { RunAgendaItem } from '../useMeetingRun';

type Decision = NonNullable<RunAgendaItem['decision']>;

/** 督办事项 of a decision: its action items, and (`form`) the form adding one. */
export default function DecisionActionItems({ decision, form }: { decision: Decision; form: ReactNode }) {
  return (
    <Card size="small" title={t('pages.meetingRun.action')} data-testid="decision-action-items">
      <List
        dataSource={[...decision.actionItems]}
        rowKey="id"
        locale={{ emptyText: t('pages.meetingRun.action.empty') }}
        renderItem={(a) => (
          <List.Item data-testid="decision-action-item">
            <Space wrap>
              <Typography.Text strong>{a.title}</Typography.Text>
              <Tag color={ACTION_ITEM_STATUS_COLORS[a.status]}>{a.statusLabel}</Tag>
              <Typography.Text type="secondary">
                {a.ownerUnit?.name ?? ''} · {t('pages.meetingRun.action.due', { date: formatDate(a.dueOn) })}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {form}
    </Card>
  );
}
