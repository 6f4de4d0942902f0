import type { CombinedError } from 'urql';
import { Table, type TableProps } from 'antd';
import { PAGE_SIZE_OPTIONS } from '../hooks/useCursorPagination';
import { t } from '../locales';
import EmptyState from './EmptyState';
import QueryError from './QueryError';

/** antd Table with server-side pagination and the common loading / empty / error states. */
export default function ListTable<T extends { id: string }>({
  rows,
  total,
  page,
  pageSize,
  loading,
  error,
  onRetry,
  onPageChange,
  onRowClick,
  columns,
  emptyText,
  testId,
  ...rest
}: {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  error: CombinedError | Error | null;
  onRetry: () => void;
  onPageChange: (page: number, pageSize: number) => void;
  onRowClick?: (row: T) => void;
  columns: TableProps<T>['columns'];
  emptyText?: string;
  testId: string;
} & Omit<TableProps<T>, 'columns' | 'dataSource' | 'pagination' | 'loading'>) {
  if (error && rows.length === 0) {
    return <QueryError error={error} onRetry={onRetry} />;
  }
  return (
    <div data-testid={testId} aria-busy={loading}>
      <Table<T>
        {...rest}
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={loading}
        locale={{ emptyText: loading ? <span /> : <EmptyState description={emptyText} /> }}
        onRow={
          onRowClick
            ? (row) => ({
                onClick: () => onRowClick(row),
                style: { cursor: 'pointer' },
                'data-testid': 'table-row',
              })
            : undefined
        }
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZE_OPTIONS,
          showTotal: (n) => t('pages.common.total', { total: n }),
          onChange: onPageChange,
        }}
        scroll={{ x: 'max-content' }}
      />
    </div>
  );
}
