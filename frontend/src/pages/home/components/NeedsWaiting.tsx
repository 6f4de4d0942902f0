import { List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import EmptyState from '../../../components/EmptyState';
import { t } from '../../../locales';
import { formatDate } from '../../../utils/format';
import { HomeNeedsQuery } from '../queries';
import HomeCard from './HomeCard';

/** 待派单: the accepted needs waiting for a unit, with the count still to be accepted. */
export default function NeedsWaiting() {
  const [{ data, fetching, error }, retry] = useQuery({ query: HomeNeedsQuery });
  const accepted = data?.accepted;
  return (
    <HomeCard
      title={t('pages.home.needs')}
      more="/cobuilding/needs"
      testId="home-needs"
      fetching={fetching && !data}
      error={error}
      onRetry={() => retry({ requestPolicy: 'network-only' })}
    >
      <Typography.Paragraph data-testid="home-needs-summary">
        {t('pages.home.needs.summary', {
          accepted: accepted?.totalCount ?? 0,
          submitted: data?.submitted.totalCount ?? 0,
        })}
      </Typography.Paragraph>
      {accepted && accepted.nodes.length > 0 ? (
        <List
          size="small"
          dataSource={accepted.nodes}
          rowKey="id"
          renderItem={(n) => (
            <List.Item data-testid="home-need">
              <Link to={`/cobuilding/needs?need=${encodeURIComponent(n.id)}`}>{n.title}</Link>
              <span>
                <Tag>{n.urgencyLabel}</Tag>
                <Typography.Text type="secondary">{formatDate(n.raisedAt)}</Typography.Text>
              </span>
            </List.Item>
          )}
        />
      ) : (
        <EmptyState description={t('pages.home.needs.none')} />
      )}
    </HomeCard>
  );
}
