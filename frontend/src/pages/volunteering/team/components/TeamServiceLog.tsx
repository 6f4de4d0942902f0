import { useMemo } from 'react';
import { Card } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router-dom';
import ListTable from '../../../../components/ListTable';
import type { TeamServiceRecordsQuery } from '../../../../graphql/graphql';
import { useListParams } from '../../../../hooks/useListParams';
import { usePagedConnection } from '../../../../hooks/usePagedConnection';
import { t } from '../../../../locales';
import { formatDateTime } from '../../../../utils/format';
import { TeamServiceRecordsQuery as Query } from '../queries';

type ServiceRow = TeamServiceRecordsQuery['serviceRecords']['edges'][number]['node'];

const columns: TableProps<ServiceRow>['columns'] = [
  {
    title: t('pages.team.service.person'),
    key: 'person',
    render: (_, r) => (
      <Link to={`/volunteering/people/${encodeURIComponent(r.person.id)}`} data-testid="team-service-person">
        {r.person.name}
      </Link>
    ),
  },
  { title: t('pages.team.service.description'), dataIndex: 'description' },
  {
    title: t('pages.team.service.startedAt'),
    key: 'startedAt',
    render: (_, r) => formatDateTime(r.startedAt),
  },
  { title: t('pages.team.service.hours'), dataIndex: 'hours', align: 'right' },
  { title: t('pages.team.service.points'), dataIndex: 'points', align: 'right' },
];

/** 服务记录: the team's service log, newest first, a page at a time (the page is in the URL). */
export default function TeamServiceLog({ team }: { team: string }) {
  const list = useListParams([] as const);
  const variables = useMemo(() => ({ team }), [team]);
  const result = usePagedConnection({
    query: Query,
    variables,
    select: (d) => d.serviceRecords,
    page: list.page,
    pageSize: list.pageSize,
  });
  return (
    <Card size="small" title={t('pages.team.services')}>
      <ListTable<ServiceRow>
        testId="team-services"
        rows={result.rows}
        total={result.total}
        page={list.page}
        pageSize={result.pageSize}
        loading={result.loading}
        error={result.error}
        onRetry={result.retry}
        onPageChange={list.setPage}
        columns={columns}
        emptyText={t('pages.team.services.empty')}
        size="middle"
      />
    </Card>
  );
}
