import { useMemo, useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMutation } from 'urql';
import ListTable from '../../../components/ListTable';
import ListToolbar from '../../../components/ListToolbar';
import PageContainer from '../../../components/PageContainer';
import type { ProposalFilter, ProposalRowFragment as Row } from '../../../graphql/graphql';
import { ENUM_LABELS } from '../../../graphql/enumLabels';
import { useListParams } from '../../../hooks/useListParams';
import { usePagedConnection } from '../../../hooks/usePagedConnection';
import { describeError } from '../../../providers/errorHandler';
import { t } from '../../../locales';
import { formatDate, orNone } from '../../../utils/format';
import { PROPOSAL_STATUS_COLORS, isKey, optionsOf } from '../labels';
import ProposalSubmitModal from './components/ProposalSubmitModal';
import ProposalTriageModal, { type TriageAction } from './components/ProposalTriageModal';
import { ProposalListQuery, ProposalTriageMutation } from './queries';

const FILTER_KEYS = ['community', 'status', 'kind'] as const;

/** 联席会议 › 议题建议: everyone submits; conveners accept, merge or decline (with a reason). */
export default function ProposalListPage() {
  const { message } = App.useApp();
  const list = useListParams(FILTER_KEYS);
  const { community, status, kind } = list.filters;
  const [submitting, setSubmitting] = useState(false);
  const [triaging, setTriaging] = useState<{ proposal: Row; action: TriageAction } | null>(null);
  const [{ fetching: accepting }, triage] = useMutation(ProposalTriageMutation);

  const variables = useMemo(
    () => ({
      filter: {
        search: list.search || null,
        organisation: community ?? null,
        status: isKey(ENUM_LABELS.ProposalStatus, status) ? status : null,
        kind: isKey(ENUM_LABELS.ProposalKind, kind) ? kind : null,
      } satisfies ProposalFilter,
    }),
    [list.search, community, status, kind],
  );
  const result = usePagedConnection({
    query: ProposalListQuery,
    variables,
    select: (d) => d.proposals,
    page: list.page,
    pageSize: list.pageSize,
  });
  const { retry } = result;

  const accept = async (row: Row) => {
    const response = await triage({ input: { id: row.id, action: 'ACCEPT' } });
    const errors = response.data?.proposalTriage.errors ?? [];
    if (response.error || errors.length > 0 || !response.data) {
      const description = response.error
        ? describeError(response.error).description
        : errors.map((e) => e.message).join('；');
      message.error(`${t('pages.proposals.triage.failed')}：${description}`);
      return;
    }
    message.success(t('pages.proposals.triage.done'));
    retry();
  };

  const columns: TableProps<Row>['columns'] = [
    {
      title: t('pages.proposals.name'),
      dataIndex: 'title',
      render: (title: string) => (
        <Typography.Text strong data-testid="proposal-title-cell">
          {title}
        </Typography.Text>
      ),
    },
    {
      title: t('pages.proposals.kind'),
      key: 'kind',
      render: (_, r) => (
        <Space size={4}>
          <Tag>{r.kindLabel}</Tag>
          <span>{r.category}</span>
        </Space>
      ),
    },
    {
      title: t('pages.proposals.origin'),
      key: 'origin',
      render: (_, r) => (
        <Flex vertical>
          <span>{r.originLabel}</span>
          {r.unit ? <Typography.Text type="secondary">{r.unit.name}</Typography.Text> : null}
        </Flex>
      ),
    },
    { title: t('pages.proposals.community'), key: 'community', render: (_, r) => r.community.name },
    {
      title: t('pages.proposals.createdAt'),
      dataIndex: 'createdAt',
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: t('pages.common.status'),
      key: 'status',
      render: (_, r) => (
        <Tag color={PROPOSAL_STATUS_COLORS[r.status]} data-testid="proposal-status">
          {r.statusLabel}
        </Tag>
      ),
    },
    {
      title: t('pages.proposals.result'),
      key: 'result',
      render: (_, r) =>
        r.mergedInto
          ? t('pages.proposals.mergedInto', { title: r.mergedInto.title })
          : r.declineReason
            ? t('pages.proposals.declineReason', { reason: r.declineReason })
            : r.triagedAt
              ? formatDate(r.triagedAt)
              : t('pages.common.none'),
    },
    {
      title: t('pages.common.actions'),
      key: 'actions',
      render: (_, r) =>
        r.viewerCanTriage ? (
          <Space size={0} onClick={(e) => e.stopPropagation()}>
            <Popconfirm
              title={t('pages.proposals.triage.accept.confirm', { title: r.title })}
              okText={t('pages.proposals.triage.accept')}
              cancelText={t('pages.common.cancel')}
              onConfirm={() => accept(r)}
            >
              <Button type="link" size="small" loading={accepting} data-testid="proposal-accept">
                {t('pages.proposals.triage.accept')}
              </Button>
            </Popconfirm>
            <Button
              type="link"
              size="small"
              onClick={() => setTriaging({ proposal: r, action: 'MERGE' })}
              data-testid="proposal-merge"
            >
              {t('pages.proposals.triage.merge')}
            </Button>
            <Button
              type="link"
              size="small"
              danger
              onClick={() => setTriaging({ proposal: r, action: 'DECLINE' })}
              data-testid="proposal-decline"
            >
              {t('pages.proposals.triage.decline')}
            </Button>
          </Space>
        ) : (
          t('pages.common.none')
        ),
    },
  ];

  return (
    <PageContainer
      title={t('pages.proposals.title')}
      breadcrumb={[{ title: t('menu.meetings') }, { title: t('menu.meetings.proposals') }]}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setSubmitting(true)}
          data-testid="proposal-submit-button"
        >
          {t('pages.proposals.submit')}
        </Button>
      }
      testId="proposals-page"
    >
      <Card>
        <ListToolbar
          search={list.search}
          onSearch={list.setSearch}
          searchPlaceholder={t('pages.proposals.searchPlaceholder')}
          community={community}
          onCommunityChange={(v) => list.setFilter('community', v)}
          testIdPrefix="proposal"
        >
          <Select
            allowClear
            placeholder={t('pages.proposals.filterStatus')}
            aria-label={t('pages.proposals.filterStatus')}
            data-testid="proposal-filter-status"
            style={{ minWidth: 140 }}
            value={isKey(ENUM_LABELS.ProposalStatus, status) ? status : undefined}
            onChange={(v: string | undefined) => list.setFilter('status', v)}
            options={optionsOf(ENUM_LABELS.ProposalStatus)}
          />
          <Select
            allowClear
            placeholder={t('pages.proposals.filterKind')}
            aria-label={t('pages.proposals.filterKind')}
            data-testid="proposal-filter-kind"
            style={{ minWidth: 140 }}
            value={isKey(ENUM_LABELS.ProposalKind, kind) ? kind : undefined}
            onChange={(v: string | undefined) => list.setFilter('kind', v)}
            options={optionsOf(ENUM_LABELS.ProposalKind)}
          />
        </ListToolbar>
        <ListTable<Row>
          testId="proposals-table"
          rows={result.rows}
          total={result.total}
          page={list.page}
          pageSize={result.pageSize}
          loading={result.loading}
          error={result.error}
          onRetry={retry}
          onPageChange={list.setPage}
          columns={columns}
          emptyText={t('pages.proposals.empty')}
          expandable={{
            expandedRowRender: (r) => (
              <Flex vertical gap={4} data-testid="proposal-detail">
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    {
                      key: 'description',
                      label: t('pages.proposals.form.description'),
                      children: r.description,
                    },
                    {
                      key: 'sourceNote',
                      label: t('pages.proposals.form.sourceNote'),
                      children: orNone(r.sourceNote),
                    },
                  ]}
                />
              </Flex>
            ),
          }}
        />
      </Card>
      <ProposalSubmitModal
        open={submitting}
        onClose={() => setSubmitting(false)}
        onSubmitted={() => {
          setSubmitting(false);
          message.success(t('pages.proposals.submit.success'));
          list.setPage(1, list.pageSize);
          retry();
        }}
      />
      <ProposalTriageModal
        target={triaging}
        onClose={() => setTriaging(null)}
        onDone={() => {
          setTriaging(null);
          message.success(t('pages.proposals.triage.done'));
          retry();
        }}
      />
    </PageContainer>
  );
}
