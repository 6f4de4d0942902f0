import { List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import EmptyState from '../../../components/EmptyState';
import { t } from '../../../locales';
import { formatDate } from '../../../utils/format';
import { HomeOverdueQuery } from '../queries';
import HomeCard from './HomeCard';

/** 逾期督办事项: open action items past their due date; a liaison's, of its own unit. */
export default function OverdueActions({ unit }: { unit?: string }) {
  const [{ data, fetching, error }, retry] = useQuery({
    query: HomeOverdueQuery,
    variables: { unit: unit ?? null },
  });
  const items = data?.actionItems;
  return (
    <HomeCard
      title={t('pages.home.overdue', { count: items?.totalCount ?? 0 })}
      more={unit ? '/meetings/mine' : '/meetings/actions'}
      testId="home-overdue"
      fetching={fetching && !data}
      error={error}
      onRetry={() => retry({ requestPolicy: 'network-only' })}
    >
      {items && items.nodes.length > 0 ? (
        <List
          size="small"
          dataSource={items.nodes}
          rowKey="id"
          renderItem={(a) => (
            <List.Item data-testid="home-overdue-item">
              <Link to={unit ? '/meetings/mine' : `/meetings/actions?q=${encodeURIComponent(a.title)}`}>
                {a.title}
              </Link>
              <Typography.Text type="danger">
                {t('pages.home.overdue.due', { date: formatDate(a.dueOn), unit: a.ownerUnit?.name ?? '' })}
              </Typography.Text>
            </List.Item>
          )}
        />
      ) : (
        <EmptyState description={t('pages.home.overdue.none')} />
      )}
    </HomeCard>
  );
}
