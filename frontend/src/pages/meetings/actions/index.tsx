import { useMemo, useState } from 'react';
import { App, Card, Col, Flex, Input, Row, Select, Space, Switch, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import PageContainer from '../../../components/PageContainer';
import type { ActionItemStatus } from '../../../graphql/graphql';
import { useAllNodes } from '../../../hooks/useAllNodes';
import { useListParams } from '../../../hooks/useListParams';
import { t } from '../../../locales';
import { describeError } from '../../../providers/errorHandler';
import ActionColumn from './components/ActionColumn';
import type { ActionItem } from './components/ActionCard';
import ActionDrawer from './components/ActionDrawer';
import { ActionItemVerifyMutation, BoardOwnersQuery, BoardUnitsQuery } from './queries';
import { useTypeahead } from '../../../hooks/useTypeahead';

const COLUMNS: readonly ActionItemStatus[] = ['OPEN', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'VERIFIED'];

/** 联席会议 › 督办事项: the action items in columns by status, with their progress in a drawer. */
export default function ActionBoardPage() {
  const { message } = App.useApp();
  const { search, setSearch, filters, setFilter } = useListParams(['unit', 'owner', 'overdue'] as const);
  const filter = useMemo(
    () => ({
      ownerUnit: filters.unit ?? null,
      ownerPerson: filters.owner ?? null,
      search: search || null,
      overdue: filters.overdue === '1' ? true : null,
    }),
    [filters.unit, filters.owner, filters.overdue, search],
  );
  const units = useAllNodes(BoardUnitsQuery, (d) => d.residentUnits);
  const ownerSearch = useTypeahead();
  const [owners] = useQuery({
    query: BoardOwnersQuery,
    variables: { search: ownerSearch.search ?? '' },
    pause: ownerSearch.search === null,
  });
  const [ownerLabel, setOwnerLabel] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  const [open, setOpen] = useState<ActionItem | null>(null);
  const [{ fetching: verifying }, verify] = useMutation(ActionItemVerifyMutation);

  const ownerOptions = (ownerSearch.shown(owners.data)?.people.nodes ?? []).map((p) => ({
    value: p.id,
    label: p.name,
  }));
  if (filters.owner && !ownerOptions.some((o) => o.value === filters.owner))
    ownerOptions.unshift({
      value: filters.owner,
      label: ownerLabel ?? t('pages.actions.filter.ownerChosen'),
    });

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
    if (payload.actionItem) setOpen(payload.actionItem);
    setRefresh((n) => n + 1);
    return null;
  };

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
            loading={units.loading}
            options={units.nodes.map((u) => ({ value: u.id, label: u.name }))}
            style={{ width: 240 }}
            data-testid="action-filter-unit"
          />
          <Select
            allowClear
            showSearch={{ filterOption: false, onSearch: ownerSearch.onSearch }}
            placeholder={t('pages.actions.filter.owner')}
            aria-label={t('pages.actions.filter.owner')}
            value={filters.owner}
            onChange={(v?: string, option?: unknown) => {
              const chosen = option as { label?: string } | undefined;
              setOwnerLabel(chosen?.label ?? null);
              setFilter('owner', v);
            }}
            loading={owners.fetching}
            notFoundContent={
              ownerSearch.tooLongMessage ??
              (ownerSearch.text ? undefined : t('pages.actions.filter.ownerHint'))
            }
            options={ownerOptions}
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
      <Row gutter={[12, 12]} wrap={false} style={{ overflowX: 'auto' }} data-testid="action-board">
        {COLUMNS.map((status) => (
          <Col key={status} flex="1 0 220px">
            <ActionColumn status={status} filter={filter} refresh={refresh} onOpen={setOpen} />
          </Col>
        ))}
      </Row>
      <ActionDrawer item={open} busy={verifying} onClose={() => setOpen(null)} onVerify={onVerify} />
    </PageContainer>
  );
}
