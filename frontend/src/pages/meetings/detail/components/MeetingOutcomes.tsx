import { Card, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import EmptyState from '../../../../components/EmptyState';
import QueryError from '../../../../components/QueryError';
import PageLoading from '../../../../components/PageLoading';
import { t } from '../../../../locales';
import { formatDate, statusColor } from '../../../../utils/format';
import { MeetingOutcomesQuery } from '../queries';

/** 决议与督办事项: on a closed meeting's page, what each agenda item decided (with the votes)
 * and the action items it assigned, linked to the action board. */
export default function MeetingOutcomes({ meetingId }: { meetingId: string }) {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MeetingOutcomesQuery,
    variables: { id: meetingId },
  });
  const meeting = data?.node?.__typename === 'JointMeeting' ? data.node : null;
  let body;
  if (error)
    body = <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} compact />;
  else if (fetching && !meeting) body = <PageLoading card={false} rows={4} />;
  else {
    const decided = (meeting?.agendaItems ?? []).filter((item) => item.decision);
    body =
      decided.length === 0 ? (
        <EmptyState description={t('pages.meetingDetail.outcomes.none')} />
      ) : (
        <List
          itemLayout="vertical"
          dataSource={decided}
          rowKey="id"
          renderItem={(item) => {
            const decision = item.decision!;
            const votes = [decision.votesFor, decision.votesAgainst, decision.votesAbstain];
            return (
              <List.Item data-testid="meeting-outcome">
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <Space wrap>
                    <Typography.Text strong>
                      {item.position}. {item.title}
                    </Typography.Text>
                    <Tag color={statusColor(decision.outcome)} data-testid="meeting-outcome-label">
                      {decision.outcomeLabel}
                    </Tag>
                    {votes.some((v) => v !== null) && (
                      <Typography.Text type="secondary">
                        {t('pages.meetingDetail.outcomes.votes', {
                          for: votes[0] ?? 0,
                          against: votes[1] ?? 0,
                          abstain: votes[2] ?? 0,
                        })}
                      </Typography.Text>
                    )}
                  </Space>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                    {decision.text}
                  </Typography.Paragraph>
                  {decision.actionItems.map((a) => (
                    <Space key={a.id} wrap data-testid="meeting-outcome-action">
                      <Link to={`/meetings/actions?q=${encodeURIComponent(a.title)}`}>{a.title}</Link>
                      <Typography.Text type="secondary">
                        {a.ownerUnit?.name ?? ''} ·{' '}
                        {t('pages.meetingDetail.outcomes.due', { date: formatDate(a.dueOn) })}
                      </Typography.Text>
                      <Tag color={statusColor(a.status)}>{a.statusLabel}</Tag>
                    </Space>
                  ))}
                </Space>
              </List.Item>
            );
          }}
        />
      );
  }
  return (
    <Card title={t('pages.meetingDetail.outcomes')} data-testid="meeting-outcomes">
      {body}
    </Card>
  );
}
