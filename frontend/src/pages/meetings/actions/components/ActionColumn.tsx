import { useEffect } from 'react';
import { Badge, Button, Card, Flex, Space } from 'antd';
import EmptyState from '../../../../components/EmptyState';
import PageLoading from '../../../../components/PageLoading';
import QueryError from '../../../../components/QueryError';
import type { ActionItemFilter, ActionItemStatus } from '../../../../graphql/graphql';
import { useGrowingConnection } from '../../../../hooks/useGrowingConnection';
import { t } from '../../../../locales';
import { ACTION_ITEM_STATUSES } from '../../labels';
import { ActionItemsBoardQuery } from '../queries';
import ActionCard, { type ActionItem } from './ActionCard';

const PAGE_SIZE = 20;

/** One status column of the board: its own count, and 20 more cards a click. */
export default function ActionColumn({
  status,
  filter,
  refresh,
  onOpen,
}: {
  status: ActionItemStatus;
  filter: Omit<ActionItemFilter, 'status'>;
  /** bumped by the board after a change, to read the column again */
  refresh: number;
  onOpen: (item: ActionItem) => void;
}) {
  const column = useGrowingConnection({
    query: ActionItemsBoardQuery,
    variables: { filter: { ...filter, status } },
    select: (d) => d.actionItems,
    pageSize: PAGE_SIZE,
  });
  const { reload } = column;
  useEffect(() => {
    if (refresh > 0) reload();
  }, [refresh, reload]);

  let body;
  if (column.loading && !column.hasData) body = <PageLoading rows={3} />;
  else if (column.error && !column.hasData) body = <QueryError error={column.error} onRetry={reload} />;
  else if (column.nodes.length === 0) body = <EmptyState />;
  else
    body = (
      <>
        {column.nodes.map((i) => (
          <ActionCard key={i.id} item={i} onOpen={onOpen} />
        ))}
        {column.hasMore ? (
          <Button
            block
            type="dashed"
            loading={column.loadingMore}
            onClick={() => void column.loadMore()}
            data-testid="action-column-more"
          >
            {t('pages.actions.loadMore', { shown: column.nodes.length, total: column.total })}
          </Button>
        ) : null}
      </>
    );

  return (
    <Card
      size="small"
      title={
        <Space>
          {ACTION_ITEM_STATUSES[status]}
          <Badge count={column.total} showZero overflowCount={9999} color="#8c8c8c" />
        </Space>
      }
      data-testid="action-column"
      data-status={status}
      styles={{ body: { background: '#fafafa', minHeight: 200 } }}
    >
      <Flex vertical gap={8}>
        {body}
      </Flex>
    </Card>
  );
}
