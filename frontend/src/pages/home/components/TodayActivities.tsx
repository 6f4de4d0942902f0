import { List, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import EmptyState from '../../../components/EmptyState';
import { t } from '../../../locales';
import { formatRange } from '../../../utils/format';
import { HomeActivitiesQuery } from '../queries';
import HomeCard from './HomeCard';

/** 今日活动: the open volunteer activities happening today (in the browser's day). */
export default function TodayActivities() {
  const [{ data, fetching, error }, retry] = useQuery({ query: HomeActivitiesQuery });
  const today = dayjs();
  const activities = (data?.volunteerActivities.nodes ?? []).filter(
    (a) => !dayjs(a.startsAt).isAfter(today, 'day') && !dayjs(a.endsAt).isBefore(today, 'day'),
  );
  return (
    <HomeCard
      title={t('pages.home.activities')}
      more="/volunteering/activities"
      testId="home-activities"
      fetching={fetching && !data}
      error={error}
      onRetry={() => retry({ requestPolicy: 'network-only' })}
    >
      {activities.length > 0 ? (
        <List
          size="small"
          dataSource={activities}
          rowKey="id"
          renderItem={(a) => (
            <List.Item data-testid="home-activity">
              <Link to={`/volunteering/activities/${encodeURIComponent(a.id)}`}>{a.title}</Link>
              <Typography.Text type="secondary">
                {formatRange(a.startsAt, a.endsAt)} · {a.place}
              </Typography.Text>
            </List.Item>
          )}
        />
      ) : (
        <EmptyState description={t('pages.home.activities.none')} />
      )}
    </HomeCard>
  );
}
