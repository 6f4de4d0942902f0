import { Button, Descriptions, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import EmptyState from '../../../components/EmptyState';
import { t } from '../../../locales';
import { useAuth } from '../../../providers/AuthProvider';
import { formatDateTime, statusColor } from '../../../utils/format';
import { HomeMeetingsQuery } from '../queries';
import HomeCard from './HomeCard';

/** 下次会议: the meeting in session, else the soonest published one, else the soonest draft. */
export default function NextMeeting() {
  const { access } = useAuth();
  const [{ data, fetching, error }, retry] = useQuery({ query: HomeMeetingsQuery });
  const meeting = data?.inSession.nodes[0] ?? data?.published.nodes[0] ?? data?.drafts.nodes[0] ?? null;
  return (
    <HomeCard
      title={t('pages.home.meeting')}
      more="/meetings"
      testId="home-meeting"
      fetching={fetching && !data}
      error={error}
      onRetry={() => retry({ requestPolicy: 'network-only' })}
    >
      {meeting ? (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('pages.home.meeting.title')}>
            <Link to={`/meetings/${encodeURIComponent(meeting.id)}`} data-testid="home-meeting-link">
              {meeting.title}
            </Link>{' '}
            <Tag color={statusColor(meeting.status)}>{meeting.statusLabel}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('pages.home.meeting.time')}>
            {formatDateTime(meeting.startsAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('pages.home.meeting.venue')}>{meeting.venue}</Descriptions.Item>
        </Descriptions>
      ) : (
        <>
          <EmptyState description={t('pages.home.meeting.none')} />
          {access.canManageMeetings && (
            <div style={{ textAlign: 'center' }}>
              <Link to="/meetings">
                <Button type="primary" data-testid="home-meeting-plan">
                  {t('pages.home.meeting.plan')}
                </Button>
              </Link>
            </div>
          )}
        </>
      )}
    </HomeCard>
  );
}
