import { Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { t } from '../../../../locales';

export interface Change {
  field: string;
  label: string;
  before?: string | null;
  after?: string | null;
}

function Value({ value }: { value: string | null | undefined }) {
  if (value === null || value === undefined || value === '')
    return <Typography.Text type="secondary">{t('pages.audit.changes.empty')}</Typography.Text>;
  return <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{value}</span>;
}

/**
 * An audit entry's changes, field by field, before and after side by side: the field by its
 * Chinese name and the values as the API formats them (statuses by name, local times, money,
 * referenced rows by their names).
 */
export default function ChangesTable({ changes }: { changes: Change[] }) {
  const columns: TableProps<Change>['columns'] = [
    { title: t('pages.audit.changes.field'), dataIndex: 'label', width: 160 },
    {
      title: t('pages.audit.changes.before'),
      key: 'before',
      render: (_, r) => <Value value={r.before} />,
    },
    {
      title: t('pages.audit.changes.after'),
      key: 'after',
      render: (_, r) => <Value value={r.after} />,
    },
  ];
  return (
    <div data-testid="audit-changes" style={{ maxWidth: 880 }}>
      <Table<Change>
        size="small"
        bordered
        rowKey="field"
        pagination={false}
        columns={columns}
        dataSource={changes}
        title={() => t('pages.audit.changes')}
        onRow={(r) => ({ 'data-field': r.field }) as React.HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}
