import { useMemo } from 'react';
import { Card, Select, Tag } from 'antd';
import type { TableProps } from 'antd';
import ListTable from '../../../components/ListTable';
import ListToolbar from '../../../components/ListToolbar';
import PageContainer from '../../../components/PageContainer';
import type {
  EvaluationFilter,
  EvaluationListQuery as Result,
  EvaluationSubject,
} from '../../../graphql/graphql';
import { ENUM_LABELS } from '../../../graphql/enumLabels';
import { useListParams } from '../../../hooks/useListParams';
import { usePagedConnection } from '../../../hooks/usePagedConnection';
import { t } from '../../../locales';
import { orNone } from '../../../utils/format';
import { EvaluationListQuery } from './queries';

type Row = Result['evaluations']['edges'][number]['node'];
const FILTER_KEYS = ['community', 'subject'] as const;

const isSubject = (v: string | undefined): v is EvaluationSubject =>
  v !== undefined && v in ENUM_LABELS.EvaluationSubject;

const GRADE_COLORS: Record<string, string> = {
  EXCELLENT: 'red',
  GOOD: 'gold',
  PASS: 'blue',
  FAIL: 'default',
};

const columns: TableProps<Row>['columns'] = [
  {
    title: t('pages.evaluations.subject'),
    key: 'subject',
    render: (_, r) => orNone(r.unit?.name ?? r.membership?.person.name),
  },
  { title: t('pages.evaluations.subjectKind'), dataIndex: 'subjectLabel' },
  { title: t('pages.common.community'), key: 'community', render: (_, r) => orNone(r.community.name) },
  { title: t('pages.evaluations.period'), dataIndex: 'periodLabel' },
  { title: t('pages.evaluations.totalScore'), dataIndex: 'totalScore', align: 'right' },
  {
    title: t('pages.evaluations.grade'),
    key: 'grade',
    render: (_, r) => <Tag color={GRADE_COLORS[r.grade] ?? 'default'}>{r.gradeLabel}</Tag>,
  },
];

export default function EvaluationListPage() {
  const list = useListParams(FILTER_KEYS);
  const { community, subject } = list.filters;
  const variables = useMemo(
    () => ({
      filter: {
        organisation: community ?? null,
        subject: isSubject(subject) ? subject : null,
      } satisfies EvaluationFilter,
    }),
    [community, subject],
  );
  const result = usePagedConnection({
    query: EvaluationListQuery,
    variables,
    select: (d) => d.evaluations,
    page: list.page,
    pageSize: list.pageSize,
  });

  return (
    <PageContainer title={t('pages.evaluations.title')} testId="evaluations-page">
      <Card>
        <ListToolbar
          community={community}
          onCommunityChange={(v) => list.setFilter('community', v)}
          testIdPrefix="evaluation"
        >
          <Select
            allowClear
            placeholder={t('pages.evaluations.filterSubject')}
            aria-label={t('pages.evaluations.filterSubject')}
            data-testid="evaluation-filter-subject"
            style={{ minWidth: 160 }}
            value={isSubject(subject) ? subject : undefined}
            onChange={(v: string | undefined) => list.setFilter('subject', v)}
            options={Object.entries(ENUM_LABELS.EvaluationSubject).map(([value, label]) => ({
              value,
              label,
            }))}
          />
        </ListToolbar>
        <ListTable<Row>
          testId="evaluations-table"
          rows={result.rows}
          total={result.total}
          page={list.page}
          pageSize={result.pageSize}
          loading={result.loading}
          error={result.error}
          onRetry={result.retry}
          onPageChange={list.setPage}
          columns={columns}
        />
      </Card>
    </PageContainer>
  );
}
