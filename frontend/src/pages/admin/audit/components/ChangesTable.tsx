import { Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { t, type MessageKey } from '../../../../locales';
import { formatDateTime } from '../../../../utils/format';

type Pair = [unknown, unknown];
const isPair = (value: unknown): value is Pair => Array.isArray(value) && value.length === 2;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const FIELD_LABELS: Record<string, MessageKey> = {
  name: 'pages.audit.fields.name',
  scopes: 'pages.audit.fields.scopes',
  organisation_id: 'pages.audit.fields.organisation_id',
  expires_at: 'pages.audit.fields.expires_at',
  revoked_at: 'pages.audit.fields.revoked_at',
  failed_logins: 'pages.audit.fields.failed_logins',
  field: 'pages.audit.fields.field',
};

function Value({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === '')
    return <Typography.Text type="secondary">{t('pages.audit.changes.empty')}</Typography.Text>;
  if (typeof value === 'string') return <>{ISO_DATETIME.test(value) ? formatDateTime(value) : value}</>;
  if (typeof value === 'number' || typeof value === 'boolean') return <>{String(value)}</>;
  return <Typography.Text code>{JSON.stringify(value)}</Typography.Text>;
}

function Field({ name }: { name: string }) {
  const label = FIELD_LABELS[name];
  return label ? (
    <span>
      {t(label)} <Typography.Text type="secondary">{name}</Typography.Text>
    </span>
  ) : (
    <Typography.Text code>{name}</Typography.Text>
  );
}

interface Row {
  field: string;
  before?: unknown;
  after: unknown;
}

/**
 * An audit entry's `changes`: {field: [before, after]} as a before/after table; other details
 * (e.g. {failed_logins: 3}) as field and value.
 */
export default function ChangesTable({ changes }: { changes: unknown }) {
  if (!changes || typeof changes !== 'object' || Array.isArray(changes)) {
    return <Value value={changes} />;
  }
  const entries = Object.entries(changes as Record<string, unknown>);
  const diff = entries.every(([, value]) => isPair(value));
  const rows: Row[] = entries.map(([field, value]) =>
    diff && isPair(value) ? { field, before: value[0], after: value[1] } : { field, after: value },
  );
  const columns: TableProps<Row>['columns'] = [
    {
      title: t('pages.audit.changes.field'),
      dataIndex: 'field',
      render: (name: string) => <Field name={name} />,
    },
    ...(diff
      ? [
          {
            title: t('pages.audit.changes.before'),
            key: 'before',
            render: (_: unknown, r: Row) => <Value value={r.before} />,
          },
          {
            title: t('pages.audit.changes.after'),
            key: 'after',
            render: (_: unknown, r: Row) => <Value value={r.after} />,
          },
        ]
      : [
          {
            title: t('pages.audit.changes.value'),
            key: 'value',
            render: (_: unknown, r: Row) => <Value value={r.after} />,
          },
        ]),
  ];
  return (
    <div data-testid="audit-changes" style={{ maxWidth: 880 }}>
      <Table<Row>
        size="small"
        bordered
        rowKey="field"
        pagination={false}
        columns={columns}
        dataSource={rows}
        title={() => t('pages.audit.changes')}
      />
    </div>
  );
}
