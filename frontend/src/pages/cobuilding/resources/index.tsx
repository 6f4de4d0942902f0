import { useMemo, useState } from 'react';
import { App, Button, Card, Flex, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation } from 'urql';
import CommunitySelect from '../../../components/CommunitySelect';
import ListTable from '../../../components/ListTable';
import PageContainer from '../../../components/PageContainer';
import { searchCounter, INPUT_LIMITS } from '../../../utils/limits';
import type { ResourceKind, ResourceStatus } from '../../../graphql/graphql';
import { ENUM_LABELS } from '../../../graphql/enumLabels';
import { useListParams } from '../../../hooks/useListParams';
import { usePagedConnection } from '../../../hooks/usePagedConnection';
import { t } from '../../../locales';
import { useAccess } from '../../../providers/AuthProvider';
import { orNone } from '../../../utils/format';
import { payloadSucceeded } from '../../../utils/fieldErrors';
import { RESOURCE_KIND_COLORS, RESOURCE_STATUS_COLORS } from './components/labels';
import ResourceModal, { type Resource } from './components/ResourceModal';
import { ResourceCatalogueQuery, ResourceUpdateMutation } from './queries';

type Editor = { resource: Resource | null };

/** 资源清单: what the resident units offer the community, published by their liaisons or staff. */
export default function ResourceCataloguePage() {
  const { message } = App.useApp();
  const { canPublishResources } = useAccess();
  const list = useListParams(['community', 'kind', 'status'] as const);
  const { community, kind, status } = list.filters;
  const variables = useMemo(
    () => ({
      filter: {
        search: list.search || null,
        organisation: community ?? null,
        kind: kind ? (kind as ResourceKind) : null,
        status: status ? (status as ResourceStatus) : null,
      },
    }),
    [list.search, community, kind, status],
  );
  const result = usePagedConnection({
    query: ResourceCatalogueQuery,
    variables,
    select: (d) => d.resources,
    page: list.page,
    pageSize: list.pageSize,
  });
  const [editor, setEditor] = useState<Editor | null>(null);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [, update] = useMutation(ResourceUpdateMutation);
  const fail = (text: string) => message.error(`${t('pages.needs.saveFailed')}：${text}`);

  const onWithdraw = async (resource: Resource) => {
    setWithdrawing(resource.id);
    const outcome = await update({ input: { resource: resource.id, status: 'WITHDRAWN' } });
    setWithdrawing(null);
    if (payloadSucceeded(outcome, outcome.data?.resourceUpdate, fail)) {
      message.success(t('pages.resources.withdrawn'));
      result.retry();
    }
  };

  const columns: TableProps<Resource>['columns'] = [
    {
      title: t('pages.resources.name'),
      key: 'title',
      render: (_, r) => (
        <Flex vertical style={{ maxWidth: 240 }}>
          <Typography.Text strong ellipsis={{ tooltip: r.title }} data-testid="resource-row-title">
            {r.title}
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis={{ tooltip: r.description }} style={{ fontSize: 12 }}>
            {r.description}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('pages.resources.kind'),
      key: 'kind',
      render: (_, r) => (
        <Tag color={RESOURCE_KIND_COLORS[r.kind]} data-testid="resource-kind-tag">
          {r.kindLabel}
        </Tag>
      ),
    },
    {
      title: t('pages.common.status'),
      key: 'status',
      render: (_, r) => (
        <Tag color={RESOURCE_STATUS_COLORS[r.status]} data-testid="resource-status">
          {r.statusLabel}
        </Tag>
      ),
    },
    { title: t('pages.resources.category'), dataIndex: 'category' },
    {
      title: t('pages.resources.unit'),
      key: 'unit',
      render: (_, r) => (
        <Typography.Text
          ellipsis={{ tooltip: r.unit.name }}
          style={{ maxWidth: 160 }}
          data-testid="resource-unit-name"
        >
          {r.unit.name}
        </Typography.Text>
      ),
    },
    {
      title: t('pages.resources.capacity'),
      key: 'capacity',
      align: 'right',
      render: (_, r) => (
        <span data-testid="resource-capacity-cell">
          {r.capacity === null || r.capacity === undefined ? t('pages.resources.unlimited') : r.capacity}
        </span>
      ),
    },
    {
      title: t('pages.resources.availability'),
      key: 'availability',
      render: (_, r) =>
        r.availability ? (
          <Typography.Text ellipsis={{ tooltip: r.availability }} style={{ maxWidth: 150 }}>
            {r.availability}
          </Typography.Text>
        ) : (
          orNone(null)
        ),
    },
    {
      title: t('pages.resources.conditions'),
      key: 'conditions',
      render: (_, r) =>
        r.conditions ? (
          <Typography.Text ellipsis={{ tooltip: r.conditions }} style={{ maxWidth: 120 }}>
            {r.conditions}
          </Typography.Text>
        ) : (
          orNone(null)
        ),
    },
    ...(canPublishResources
      ? [
          {
            title: t('pages.common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_: unknown, r: Resource) =>
              r.status === 'WITHDRAWN' ? null : (
                <Space size={0}>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setEditor({ resource: r })}
                    data-testid="resource-edit"
                  >
                    {t('pages.resources.edit')}
                  </Button>
                  <Popconfirm
                    title={t('pages.resources.withdraw.confirm', { title: r.title })}
                    okText={t('pages.resources.withdraw')}
                    okButtonProps={{ danger: true, 'data-testid': 'resource-withdraw-ok' }}
                    cancelText={t('pages.common.cancel')}
                    onConfirm={() => void onWithdraw(r)}
                  >
                    <Button
                      type="link"
                      size="small"
                      danger
                      loading={withdrawing === r.id}
                      data-testid="resource-withdraw"
                    >
                      {t('pages.resources.withdraw')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <PageContainer
      title={t('pages.resources.title')}
      breadcrumb={[{ title: t('menu.cobuilding') }, { title: t('menu.cobuilding.resources') }]}
      extra={
        canPublishResources ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditor({ resource: null })}
            data-testid="resource-publish-button"
          >
            {t('pages.resources.publish')}
          </Button>
        ) : null
      }
      testId="resources-page"
    >
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            count={searchCounter(INPUT_LIMITS.ResourceFilter.search)}
            key={list.search}
            allowClear
            defaultValue={list.search}
            placeholder={t('pages.resources.search')}
            aria-label={t('pages.resources.search')}
            onSearch={list.setSearch}
            style={{ width: 260 }}
            data-testid="resource-search"
          />
          <CommunitySelect
            value={community}
            onChange={(v) => list.setFilter('community', v)}
            placeholder={t('pages.common.filterCommunity')}
            testId="resource-filter-community"
          />
          <Select
            allowClear
            placeholder={t('pages.resources.filterKind')}
            aria-label={t('pages.resources.filterKind')}
            value={kind}
            onChange={(v?: string) => list.setFilter('kind', v)}
            options={Object.entries(ENUM_LABELS.ResourceKind).map(([value, label]) => ({ value, label }))}
            style={{ width: 160 }}
            data-testid="resource-filter-kind"
          />
          <Select
            allowClear
            placeholder={t('pages.resources.filterStatus')}
            aria-label={t('pages.resources.filterStatus')}
            value={status}
            onChange={(v?: string) => list.setFilter('status', v)}
            options={Object.entries(ENUM_LABELS.ResourceStatus).map(([value, label]) => ({ value, label }))}
            style={{ width: 140 }}
            data-testid="resource-filter-status"
          />
        </Flex>
        <ListTable<Resource>
          testId="resources-table"
          rows={result.rows}
          total={result.total}
          page={list.page}
          pageSize={result.pageSize}
          loading={result.loading}
          error={result.error}
          onRetry={result.retry}
          onPageChange={list.setPage}
          columns={columns}
          emptyText={t('pages.resources.empty')}
        />
      </Card>
      <ResourceModal
        key={editor?.resource?.id ?? 'new'}
        open={editor !== null}
        editing={editor?.resource ?? null}
        onClose={() => setEditor(null)}
        onSaved={(_, created) => {
          message.success(t(created ? 'pages.resources.published' : 'pages.resources.edited'));
          setEditor(null);
          result.retry();
        }}
      />
    </PageContainer>
  );
}
