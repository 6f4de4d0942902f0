import { useMemo, useState } from 'react';
import { App, Button, Card, Flex, Popconfirm, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation } from 'urql';
import ListTable from '../../../components/ListTable';
import PageContainer from '../../../components/PageContainer';
import type { ApiTokenListQuery as Result } from '../../../graphql/graphql';
import { useListParams } from '../../../hooks/useListParams';
import { usePagedConnection } from '../../../hooks/usePagedConnection';
import { describeError } from '../../../providers/errorHandler';
import { t } from '../../../locales';
import { formatDateTime, orNone } from '../../../utils/format';
import TokenCreateModal, { type CreatedToken } from './components/TokenCreateModal';
import TokenSecretModal from './components/TokenSecretModal';
import { scopeDescription } from './components/scopes';
import { ApiTokenListQuery, ApiTokenRevokeMutation } from './queries';

type Row = Result['apiTokens']['edges'][number]['node'];
const FILTER_KEYS = ['revoked'] as const;

type Status = 'active' | 'expired' | 'revoked';
const STATUS_COLORS: Record<Status, string> = { active: 'green', expired: 'default', revoked: 'red' };
function statusOf(row: Row): Status {
  if (row.revokedAt) return 'revoked';
  return new Date(row.expiresAt).getTime() <= Date.now() ? 'expired' : 'active';
}

/** 系统管理 › API 令牌: tokens for external systems; create (secret shown once) and revoke. */
export default function ApiTokenListPage() {
  const { message } = App.useApp();
  const list = useListParams(FILTER_KEYS);
  const includeRevoked = list.filters.revoked === '1';
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [, revoke] = useMutation(ApiTokenRevokeMutation);

  const variables = useMemo(() => ({ includeRevoked }), [includeRevoked]);
  const result = usePagedConnection({
    query: ApiTokenListQuery,
    variables,
    select: (d) => d.apiTokens,
    page: list.page,
    pageSize: list.pageSize,
  });
  const { retry } = result;

  const onCreated = (token: CreatedToken) => {
    setCreating(false);
    setCreated(token);
    // The newest token comes first.
    list.setPage(1, list.pageSize);
    retry();
  };

  const onRevoke = async (row: Row) => {
    const response = await revoke({ id: row.id });
    const errors = response.data?.apiTokenRevoke.errors ?? [];
    if (response.error || errors.length > 0) {
      const description = response.error
        ? describeError(response.error).description
        : errors.map((e) => e.message).join('；');
      message.error(`${t('pages.tokens.revoke.failed')}：${description}`);
      return;
    }
    message.success(t('pages.tokens.revoke.success'));
    retry();
  };

  const columns: TableProps<Row>['columns'] = [
    {
      title: t('pages.tokens.name'),
      dataIndex: 'name',
      render: (name: string) => <span data-testid="token-name-cell">{name}</span>,
    },
    {
      title: t('pages.common.status'),
      key: 'status',
      render: (_, r) => {
        const status = statusOf(r);
        return (
          <Tooltip title={r.revokedAt ? formatDateTime(r.revokedAt) : undefined}>
            <Tag color={STATUS_COLORS[status]} data-testid="token-status">
              {t(`pages.tokens.status.${status}`)}
            </Tag>
          </Tooltip>
        );
      },
    },
    {
      title: t('pages.tokens.prefix'),
      dataIndex: 'prefix',
      render: (prefix: string) => <Typography.Text code>{`gjt_${prefix}_…`}</Typography.Text>,
    },
    {
      title: t('pages.tokens.scopes'),
      dataIndex: 'scopes',
      render: (scopes: string[]) => (
        <Space size={[0, 4]} wrap style={{ maxWidth: 320 }}>
          {scopes.map((scope) => (
            <Tooltip key={scope} title={scopeDescription(scope)}>
              <Tag>{scope}</Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    {
      title: t('pages.tokens.organisation'),
      key: 'organisation',
      render: (_, r) => orNone(r.organisation?.name),
    },
    { title: t('pages.tokens.expiresAt'), dataIndex: 'expiresAt', render: (v: string) => formatDateTime(v) },
    {
      title: t('pages.tokens.lastUsed'),
      key: 'lastUsed',
      render: (_, r) =>
        r.lastUsedAt ? (
          <Flex vertical>
            <span>{formatDateTime(r.lastUsedAt)}</span>
            <Typography.Text type="secondary">{orNone(r.lastUsedIp)}</Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('pages.tokens.neverUsed')}</Typography.Text>
        ),
    },
    { title: t('pages.tokens.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    {
      title: t('pages.common.actions'),
      key: 'actions',
      render: (_, r) =>
        r.revokedAt ? (
          t('pages.common.none')
        ) : (
          <Popconfirm
            title={t('pages.tokens.revoke.confirm', { name: r.name })}
            description={t('pages.tokens.revoke.description')}
            okText={t('pages.tokens.revoke')}
            cancelText={t('pages.common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => onRevoke(r)}
          >
            <Button type="link" danger size="small" data-testid="token-revoke">
              {t('pages.tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <PageContainer
      title={t('pages.tokens.title')}
      breadcrumb={[{ title: t('menu.admin') }, { title: t('menu.admin.tokens') }]}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="token-create-button"
        >
          {t('pages.tokens.create')}
        </Button>
      }
      testId="tokens-page"
    >
      <Card>
        <Flex gap={12} wrap align="center" className="list-toolbar">
          <Space>
            <Switch
              checked={includeRevoked}
              onChange={(on) => list.setFilter('revoked', on ? '1' : undefined)}
              aria-label={t('pages.tokens.showRevoked')}
              data-testid="token-show-revoked"
            />
            <span>{t('pages.tokens.showRevoked')}</span>
          </Space>
        </Flex>
        <ListTable<Row>
          testId="tokens-table"
          rows={result.rows}
          total={result.total}
          page={list.page}
          pageSize={result.pageSize}
          loading={result.loading}
          error={result.error}
          onRetry={retry}
          onPageChange={list.setPage}
          columns={columns}
          emptyText={t('pages.tokens.empty')}
        />
      </Card>
      <TokenCreateModal open={creating} onClose={() => setCreating(false)} onCreated={onCreated} />
      <TokenSecretModal token={created} onClose={() => setCreated(null)} />
    </PageContainer>
  );
}
