import { Col, Row, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { t } from '../../../locales';
import { HomeFiguresQuery } from '../queries';
import HomeCard from './HomeCard';

/** 辖区概况: communities, units, part-time members, and the needs waiting to be accepted. */
export default function StreetFigures() {
  const [{ data, fetching, error }, retry] = useQuery({ query: HomeFiguresQuery });
  const figures: Array<[string, number | undefined, string]> = [
    [t('pages.home.figures.communities'), data?.communities.totalCount, '/organisations'],
    [t('pages.home.figures.units'), data?.units.totalCount, '/units'],
    [t('pages.home.figures.members'), data?.members.totalCount, '/members'],
    [t('pages.home.figures.submitted'), data?.submitted.totalCount, '/cobuilding/needs'],
  ];
  return (
    <HomeCard
      title={t('pages.home.figures')}
      testId="home-figures"
      fetching={fetching && !data}
      error={error}
      onRetry={() => retry({ requestPolicy: 'network-only' })}
    >
      <Row gutter={[16, 16]}>
        {figures.map(([label, value, to]) => (
          <Col span={12} key={label}>
            <Link to={to} data-testid="home-figure">
              <Statistic title={label} value={value ?? 0} />
            </Link>
          </Col>
        ))}
      </Row>
    </HomeCard>
  );
}
