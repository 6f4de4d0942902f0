import { List } from 'antd';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import EmptyState from '../../../components/EmptyState';
import { t } from '../../../locales';
import { HomeDispatchesQuery } from '../queries';
import HomeCard from './HomeCard';

/** 待答复的派单: needs the community dispatched to the liaison's unit, not yet answered. */
export default function UnitDispatches() {
  const [{ data, fetching, error }, retry] = useQuery({ query: HomeDispatchesQuery });
  const dispatches = data?.needDispatches;
  return (
    <HomeCard
      title={t('pages.home.dispatches', { count: dispatches?.totalCount ?? 0 })}
      more="/cobuilding/inbox"
      testId="home-dispatches"
      fetching={fetching && !data}
      error={error}
      onRetry={() => retry({ requestPolicy: 'network-only' })}
    >
      {dispatches && dispatches.nodes.length > 0 ? (
        <List
          size="small"
          dataSource={dispatches.nodes}
          rowKey="id"
          renderItem={(d) => (
            <List.Item data-testid="home-dispatch">
              <Link to="/cobuilding/inbox">{d.need.title}</Link>
            </List.Item>
          )}
        />
      ) : (
        <EmptyState description={t('pages.home.dispatches.none')} />
      )}
    </HomeCard>
  );
}
