import { Card, Collapse, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { FileProtectOutlined } from '@ant-design/icons';
import EmptyState from '../../../../components/EmptyState';
import type { ResidentUnitDetailQuery } from '../../../../graphql/graphql';
import { t } from '../../../../locales';
import { formatDate, formatRange, orNone, statusColor } from '../../../../utils/format';

type Unit = Extract<NonNullable<ResidentUnitDetailQuery['node']>, { __typename: 'ResidentUnit' }>;
type Agreement = Unit['agreements'][number];
type Commitment = Agreement['commitments'][number];

export default function AgreementsCard({ agreements }: { agreements: Agreement[] }) {
  return (
    <Card
      title={
        <Space>
          <FileProtectOutlined />
          <span>{t('pages.units.agreements')}</span>
          <Tag>{agreements.length}</Tag>
        </Space>
      }
      data-testid="unit-agreements"
    >
      {agreements.length === 0 ? (
        <EmptyState description={t('pages.units.agreements.empty')} />
      ) : (
        <Collapse
          defaultActiveKey={agreements.map((a) => a.id)}
          items={agreements.map((a) => ({
            key: a.id,
            label: (
              <Space wrap>
                <Typography.Text strong data-testid="agreement-title">
                  {a.title}
                </Typography.Text>
                <Tag color={statusColor(a.status)}>{a.statusLabel}</Tag>
              </Space>
            ),
            extra: <Typography.Text type="secondary">{formatRange(a.startsOn, a.endsOn)}</Typography.Text>,
            children: (
              <>
                <Descriptions
                  size="small"
                  column={{ xs: 1, md: 3 }}
                  style={{ marginBottom: 12 }}
                  items={[
                    {
                      key: '0',
                      label: t('pages.units.agreement.signedOn'),
                      children: formatDate(a.signedOn),
                    },
                    {
                      key: '1',
                      label: t('pages.units.agreement.term'),
                      children: formatRange(a.startsOn, a.endsOn),
                    },
                    { key: '2', label: t('pages.common.community'), children: orNone(a.community?.name) },
                  ]}
                />
                <Table<Commitment>
                  size="small"
                  rowKey="position"
                  pagination={false}
                  dataSource={a.commitments}
                  locale={{ emptyText: <EmptyState /> }}
                  title={() => t('pages.units.agreement.commitments')}
                  columns={[
                    { title: '#', dataIndex: 'position', width: 48 },
                    {
                      title: t('pages.units.commitment.category'),
                      dataIndex: 'category',
                      render: (v: string) => <Tag>{v}</Tag>,
                    },
                    { title: t('pages.units.commitment.description'), dataIndex: 'description' },
                    {
                      title: t('pages.units.commitment.quantity'),
                      key: 'quantity',
                      align: 'right',
                      render: (_, c) =>
                        c.quantity === null || c.quantity === undefined
                          ? t('pages.common.none')
                          : `${c.quantity}${c.unitOfMeasure ?? ''}`,
                    },
                  ]}
                />
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
