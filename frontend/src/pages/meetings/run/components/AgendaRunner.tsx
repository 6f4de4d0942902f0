import { useState } from 'react';
import { Alert, Button, Card, Flex, Space, Steps, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import EmptyState from '../../../../components/EmptyState';
import { t } from '../../../../locales';
import type { ApiErrors } from '../../../../utils/fieldErrors';
import type { RunAgendaItem } from '../useMeetingRun';
import ActionItemForm, { type ActionItemValues } from './ActionItemForm';
import DecisionActionItems from './DecisionActionItems';
import DecisionForm, { type DecisionValues } from './DecisionForm';

/**
 * 议程: one agenda item at a time (steps, previous / next), its decision and action items; while
 * `recording`, the forms recording them.
 */
export default function AgendaRunner({
  agendaItems,
  recording,
  busy,
  units,
  unitsLoading,
  onDecision,
  onActionItem,
}: {
  agendaItems: readonly RunAgendaItem[];
  /** the viewer manages the meeting and it is in session */
  recording: boolean;
  busy: boolean;
  units: ReadonlyArray<{ id: string; name: string }>;
  unitsLoading: boolean;
  onDecision: (item: RunAgendaItem, values: DecisionValues) => Promise<ApiErrors>;
  onActionItem: (decision: string, values: ActionItemValues) => Promise<ApiErrors>;
}) {
  const [current, setCurrent] = useState(0);
  const items = [...agendaItems].sort((a, b) => a.position - b.position);
  const item = items[Math.min(current, items.length - 1)] ?? null;
  const decision = item?.decision ?? null;

  return (
    <Card title={t('pages.meetingRun.agenda')} data-testid="meeting-run-agenda">
      {!item ? (
        <EmptyState description={t('pages.meetingDetail.agenda.empty')} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Steps
            size="small"
            current={items.indexOf(item)}
            onChange={setCurrent}
            items={items.map((i) => ({
              title: i.title,
              status: i.decision ? 'finish' : i.id === item.id ? 'process' : 'wait',
            }))}
          />
          <Flex justify="space-between" align="center" gap={8}>
            <Button
              size="large"
              icon={<LeftOutlined />}
              disabled={items.indexOf(item) === 0}
              onClick={() => setCurrent(items.indexOf(item) - 1)}
              data-testid="agenda-prev"
            >
              {t('pages.meetingRun.agenda.prev')}
            </Button>
            <Typography.Text type="secondary">
              {t('pages.meetingRun.agenda.position', {
                at: items.indexOf(item) + 1,
                total: items.length,
              })}
            </Typography.Text>
            <Button
              size="large"
              icon={<RightOutlined />}
              iconPlacement="end"
              disabled={items.indexOf(item) === items.length - 1}
              onClick={() => setCurrent(items.indexOf(item) + 1)}
              data-testid="agenda-next"
            >
              {t('pages.meetingRun.agenda.next')}
            </Button>
          </Flex>
          <div data-testid="agenda-current">
            <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="agenda-current-title">
              {item.title}
            </Typography.Title>
            {item.description ? <Typography.Paragraph>{item.description}</Typography.Paragraph> : null}
            {item.decision ? (
              <Alert
                type="success"
                showIcon
                data-testid="agenda-decision"
                title={`${item.decision.outcomeLabel}：${item.decision.text}`}
              />
            ) : null}
          </div>
          {recording ? (
            <Card size="small" title={t('pages.meetingRun.decision')}>
              <DecisionForm item={item} busy={busy} onSubmit={(values) => onDecision(item, values)} />
            </Card>
          ) : null}
          {decision ? (
            <DecisionActionItems
              decision={decision}
              form={
                recording ? (
                  <ActionItemForm
                    units={units}
                    unitsLoading={unitsLoading}
                    busy={busy}
                    onSubmit={(values) => onActionItem(decision.id, values)}
                  />
                ) : null
              }
            />
          ) : null}
        </Space>
      )}
    </Card>
  );
}
