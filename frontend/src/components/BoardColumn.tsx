import type { ReactNode } from 'react';
import { Badge, Button, Card, Flex, Space } from 'antd';
import type { CombinedError } from 'urql';
import { t } from '../locales';
import EmptyState from './EmptyState';
import PageLoading from './PageLoading';
import QueryError from './QueryError';

/** What a board column shows of a growing connection (useGrowingConnection). */
export interface ColumnData<TNode> {
  nodes: TNode[];
  total: number;
  hasMore: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: CombinedError | null;
  hasData: boolean;
  loadMore: () => Promise<void>;
  reload: () => void;
}

/** One column of a status board: its count, its cards, and more cards a click. */
export default function BoardColumn<TNode extends { id: string }>({
  title,
  status,
  column,
  renderCard,
  testId,
}: {
  title: string;
  status: string;
  column: ColumnData<TNode>;
  renderCard: (node: TNode) => ReactNode;
  testId: string;
}) {
  let body;
  if (column.loading && !column.hasData) body = <PageLoading rows={3} />;
  else if (column.error && !column.hasData)
    body = <QueryError error={column.error} onRetry={column.reload} />;
  else if (column.nodes.length === 0) body = <EmptyState />;
  else
    body = (
      <>
        {column.nodes.map(renderCard)}
        {column.hasMore ? (
          <Button
            block
            type="dashed"
            loading={column.loadingMore}
            onClick={() => void column.loadMore()}
            data-testid={`${testId}-more`}
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
          {title}
          <Badge count={column.total} showZero overflowCount={9999} color="#8c8c8c" />
        </Space>
      }
      data-testid={testId}
      data-status={status}
      styles={{ body: { background: '#fafafa', minHeight: 200 } }}
    >
      <Flex vertical gap={8}>
        {body}
      </Flex>
    </Card>
  );
}
