import { Card, Space, Table, Tag } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import EmptyState from '../../../../components/EmptyState';
import type { ResidentUnitDetailQuery } from '../../../../graphql/graphql';
import { t } from '../../../../locales';
import { formatDate, orNone, statusColor } from '../../../../utils/format';

type Unit = Extract<NonNullable<ResidentUnitDetailQuery['node']>, { __typename: 'ResidentUnit' }>;
type Registration = Unit['registrations'][number];

export default function RegistrationsCard({ registrations }: { registrations: Registration[] }) {
  return (
    <Card
      title={
        <Space>
          <CheckCircleOutlined />
          <span>{t('pages.units.registrations')}</span>
          <Tag>{registrations.length}</Tag>
        </Space>
      }
      data-testid="unit-registrations"
    >
      <Table<Registration>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={registrations}
        locale={{ emptyText: <EmptyState description={t('pages.units.registrations.empty')} /> }}
        columns={[
          { title: t('pages.units.registration.kind'), dataIndex: 'kindLabel' },
          {
            title: t('pages.units.registration.community'),
            key: 'community',
            render: (_, r) => orNone(r.community?.name),
          },
          {
            title: t('pages.units.registration.registeredOn'),
            dataIndex: 'registeredOn',
            render: (v: string) => formatDate(v),
          },
          {
            title: t('pages.units.registration.status'),
            key: 'status',
            render: (_, r) => <Tag color={statusColor(r.status)}>{r.statusLabel}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
