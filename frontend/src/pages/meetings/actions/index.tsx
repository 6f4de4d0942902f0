import { useMemo, useState } from 'react';
import { App, Badge, Card, Col, Flex, Input, Row, Select, Space, Switch, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import EmptyState from '../../../components/EmptyState';
import PageContainer from '../../../components/PageContainer';
import PageLoading from '../../../components/PageLoading';
import QueryError from '../../../components/QueryError';
import type { ActionItemStatus } from '../../../graphql/graphql';
import { useListParams } from '../../../hooks/useListParams';
import { t } from '../../../locales';
import { useAccess } from '../../../providers/AuthProvider';
import { describeError } from '../../../providers/errorHandler';
import { ACTION_ITEM_STATUSES } from '../labels';
import ActionCard, { type ActionItem } from './components/ActionCard';
import ActionDrawer from './components/ActionDrawer';
import { ActionItemVerifyMutation, ActionItemsBoardQuery, BoardUnitsQuery } from './queries';

const COLUMNS: readonly ActionItemStatus[] = ['OPEN', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'VERIFIED'];

/** 联席会议 › 督办事项: the action items in columns by status, with their progress in a drawer. */
export default function ActionBoardPage() {
  const { message } = App.useApp();
  const { canManageMeetings } = useAccess();
  const { search, setSearch, filters, setFilter } = useListParams(['unit', 'owner', 'overdue'] as const);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ActionItemsBoardQuery,
    variables: {
      filter: {
        ownerUnit: filters.unit ?? null,
        search: search || null,
        overdue: filters.overdue === '1' ? true : null,
      },
    },
  });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const [unitsResult] = useQuery({ query: BoardUnitsQuery });
  const [openId, setOpenId] = useState<string | null>(null);
  const [{ fetching: verifying }, verify] = useMutation(ActionItemVerifyMutation);

  const all = useMemo(() => data?.actionItems.nodes ?? [], [data]);
  const owners = useMemo(
    () =>
      [
        ...new Map(
          all.flatMap((i) => (i.ownerPerson ? [[i.ownerPerson.id, i.ownerPerson.name] as const] : [])),
        ).entries(),
      ].map(([value, label]) => ({ value, label })),
    [all],
  );
  const items = filters.owner ? all.filter((i) => i.ownerPerson?.id === filters.owner) : all;
  const open = all.find((i) => i.id === openId) ?? null;

  const onVerify = async (item: ActionItem, accept: boolean, note?: string): Promise<string | null> => {
    const result = await verify({ input: { actionItem: item.id, accept, note: note ?? null } });
    const payload = result.data?.actionItemVerify;
    if (!payload) {
      message.error(
        `${t('pages.meetingDetail.saveFailed')}：${result.error ? describeError(result.error).description : t('pages.common.error.unknown')}`,
      );
      return null;
    }
    if (payload.errors.length > 0) {
      const noteError = payload.errors.find((e) => e.field === 'note');
      const rest = payload.errors.filter((e) => e !== noteError);
      if (rest.length > 0) message.error(rest.map((e) => e.message).join('；'));
      return noteError?.message ?? (accept ? null : (rest[0]?.message ?? null));
    }
    message.success(accept ? t('pages.actions.verified') : t('pages.actions.rejected'));
    reload();
    return null;
  };

  let body;
  if (fetching && !data) body = <PageLoading rows={8} />;
  else if (error && !data) body = <QueryError error={error} onRetry={reload} />;
  else
    body = (
      <Row gutter={[12, 12]} wrap={false} style={{ overflowX: 'auto' }} data-testid="action-board">
        {COLUMNS.map((status) => {
          const column = items.filter((i) => i.status === status);
          return (
            <Col key={status} flex="1 0 220px">
              <Card
                size="small"
                title={
                  <Space>
                    {ACTION_ITEM_STATUSES[status]}
                    <Badge count={column.length} showZero color="#8c8c8c" />
                  </Space>
                }
                data-testid="action-column"
                data-status={status}
                styles={{ body: { background: '#fafafa', minHeight: 200 } }}
              >
                <Flex vertical gap={8}>
                  {column.length === 0 ? (
                    <EmptyState />
                  ) : (
                    column.map((i) => <ActionCard key={i.id} item={i} onOpen={(x) => setOpenId(x.id)} />)
                  )}
                </Flex>
              </Card>
            </Col>
          );
        })}
      </Row>
    );

  return (
    <PageContainer
      title={t('menu.meetings.actions')}
      breadcrumb={[{ title: t('menu.meetings') }, { title: t('menu.meetings.actions') }]}
      testId="action-board-page"
    >
      <Card size="small">
        <Flex gap={12} wrap align="center">
          <Input.Search
            allowClear
            defaultValue={search}
            placeholder={t('pages.actions.search')}
            onSearch={setSearch}
            style={{ width: 240 }}
            data-testid="action-search"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('pages.actions.filter.unit')}
            aria-label={t('pages.actions.filter.unit')}
            value={filters.unit}
            onChange={(v?: string) => setFilter('unit', v)}
            loading={unitsResult.fetching}
            options={(unitsResult.data?.residentUnits.nodes ?? []).map((u) => ({
              value: u.id,
              label: u.name,
            }))}
            style={{ width: 240 }}
            data-testid="action-filter-unit"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('pages.actions.filter.owner')}
            aria-label={t('pages.actions.filter.owner')}
            value={filters.owner}
            onChange={(v?: string) => setFilter('owner', v)}
            options={owners}
            style={{ width: 200 }}
            data-testid="action-filter-owner"
          />
          <Space>
            <Switch
              checked={filters.overdue === '1'}
              onChange={(on) => setFilter('overdue', on ? '1' : undefined)}
              data-testid="action-filter-overdue"
            />
            <Typography.Text>{t('pages.actions.filter.overdue')}</Typography.Text>
          </Space>
        </Flex>
      </Card>
      {body}
      <ActionDrawer
        item={open}
        canVerify={canManageMeetings}
        busy={verifying}
        onClose={() => setOpenId(null)}
        onVerify={onVerify}
      />
    </PageContainer>
  );
}
