import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Form,
  InputNumber,
  Input,
  List,
  Modal,
  Row,
  Select,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined, GiftOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { useMutation } from 'urql';
import type { ColumnData } from '../../../components/BoardColumn';
import EmptyState from '../../../components/EmptyState';
import NotFound from '../../../components/NotFound';
import PageContainer from '../../../components/PageContainer';
import PageLoading from '../../../components/PageLoading';
import QueryError from '../../../components/QueryError';
import type { LedgerEntriesFragment, LedgerTotalsFragment } from '../../../graphql/graphql';
import { useAllNodes } from '../../../hooks/useAllNodes';
import { useGrowingConnection } from '../../../hooks/useGrowingConnection';
import { t } from '../../../locales';
import { useAccess } from '../../../providers/AuthProvider';
import { isNotFound } from '../../../providers/errorHandler';
import { formatDate, formatDateTime } from '../../../utils/format';
import { payloadSucceeded } from '../../../utils/fieldErrors';
import { INPUT_LIMITS, counter, lengthRule, rangeMessage, rangeRule } from '../../../utils/limits';
import CorrectionModal, { type CorrectedRecord } from './components/CorrectionModal';
import { LedgerMerchantsQuery, MyLedgerQuery, PersonLedgerQuery, PointsRedeemMutation } from './queries';

type Entry = LedgerEntriesFragment['edges'][number]['node'];
const LIMITS = INPUT_LIMITS.PointsRedeemInput;
const PAGE_SIZE = 20;

/** 积分账户: a volunteer's balance, hours, the append-only ledger, and the hours certificate.
 * `/volunteering/people/:id` for staff, `/volunteering/mine` for oneself. */
export default function PointsLedgerPage() {
  const { id } = useParams();
  return id ? <PersonLedger person={id} /> : <MyLedger />;
}

function PersonLedger({ person }: { person: string }) {
  const ledger = useGrowingConnection({
    query: PersonLedgerQuery,
    variables: { person },
    select: (d) => d.pointsLedger.entries,
    pageSize: PAGE_SIZE,
  });
  return <LedgerView ledger={ledger} totals={ledger.data?.pointsLedger ?? null} mine={false} />;
}

function MyLedger() {
  const ledger = useGrowingConnection({
    query: MyLedgerQuery,
    variables: {},
    select: (d) => d.myPointsLedger?.entries,
    pageSize: PAGE_SIZE,
  });
  return <LedgerView ledger={ledger} totals={ledger.data?.myPointsLedger ?? null} mine />;
}

function LedgerView({
  ledger,
  totals,
  mine,
}: {
  ledger: ColumnData<Entry>;
  totals: LedgerTotalsFragment | null;
  mine: boolean;
}) {
  const { message } = App.useApp();
  const { canManageVolunteering } = useAccess();
  const [redeeming, setRedeeming] = useState(false);
  const [correcting, setCorrecting] = useState<CorrectedRecord | null>(null);
  const [form] = Form.useForm<{ merchant: string; points: number; note?: string }>();
  const merchants = useAllNodes(LedgerMerchantsQuery, (d) => d.partnerMerchants, undefined, {
    pause: !redeeming,
  });
  const [{ fetching }, redeem] = useMutation(PointsRedeemMutation);

  const onRedeem = async (values: { merchant: string; points: number; note?: string }) => {
    if (!totals) return;
    const result = await redeem({
      input: {
        person: totals.person.id,
        merchant: values.merchant,
        points: values.points,
        note: values.note?.trim() || null,
      },
    });
    const notify = (text: string) => message.error(`${t('pages.needs.saveFailed')}：${text}`);
    if (
      payloadSucceeded(result, result.data?.pointsRedeem, notify, {
        instance: form,
        fields: ['merchant', 'points', 'note'],
      })
    ) {
      message.success(t('pages.ledger.redeemed'));
      setRedeeming(false);
      form.resetFields();
      ledger.reload();
    }
  };

  const columns: TableProps<Entry>['columns'] = [
    { title: t('pages.ledger.time'), key: 'time', render: (_, e) => formatDateTime(e.createdAt) },
    {
      title: t('pages.ledger.kind'),
      key: 'kind',
      render: (_, e) => (
        <Tag color={e.kind === 'EARNED' ? 'green' : e.kind === 'REDEEMED' ? 'blue' : 'orange'}>
          {e.kindLabel}
        </Tag>
      ),
    },
    { title: t('pages.ledger.note'), dataIndex: 'note' },
    {
      title: t('pages.ledger.points'),
      key: 'points',
      align: 'right',
      render: (_, e) => (
        <Typography.Text type={e.points < 0 ? 'danger' : 'success'}>
          {e.points > 0 ? `+${e.points}` : e.points}
        </Typography.Text>
      ),
    },
    { title: t('pages.ledger.balance'), dataIndex: 'balance', align: 'right' },
  ];

  let body;
  if (ledger.loading && !ledger.hasData) body = <PageLoading rows={6} />;
  else if (ledger.error && isNotFound(ledger.error)) body = <NotFound backTo="/volunteering" />;
  else if (ledger.error && !ledger.hasData)
    body = <QueryError error={ledger.error} onRetry={ledger.reload} />;
  else if (!totals) body = <EmptyState description={t('pages.ledger.noPerson')} />;
  else
    body = (
      <>
        <Row gutter={[16, 16]}>
          {[
            ['pages.ledger.balance', totals.balance, 'ledger-balance'],
            ['pages.ledger.hours', totals.hours, 'ledger-hours'],
            ['pages.ledger.earned', totals.earned, 'ledger-earned'],
            ['pages.ledger.spent', totals.spent, 'ledger-spent'],
          ].map(([label, value, testId]) => (
            <Col key={String(testId)} xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t(label as 'pages.ledger.balance')}
                  value={Number(value)}
                  valueStyle={{ fontSize: 28 }}
                  data-testid={String(testId)}
                />
              </Card>
            </Col>
          ))}
        </Row>
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col xs={24} lg={15}>
            <Card size="small" title={t('pages.ledger.entries')}>
              <Table<Entry>
                rowKey="id"
                size="middle"
                pagination={false}
                dataSource={ledger.nodes}
                columns={columns}
                data-testid="ledger-entries"
              />
              {ledger.hasMore ? (
                <Button
                  block
                  type="dashed"
                  style={{ marginTop: 8 }}
                  loading={ledger.loadingMore}
                  onClick={() => void ledger.loadMore()}
                >
                  {t('pages.actions.loadMore', { shown: ledger.nodes.length, total: ledger.total })}
                </Button>
              ) : null}
            </Card>
          </Col>
          <Col xs={24} lg={9}>
            <Card
              size="small"
              title={t('pages.ledger.services', { count: totals.serviceRecords.totalCount })}
            >
              <List
                size="small"
                dataSource={totals.serviceRecords.nodes}
                rowKey="id"
                locale={{ emptyText: <EmptyState /> }}
                renderItem={(r) => (
                  <List.Item
                    data-testid="ledger-service"
                    actions={
                      canManageVolunteering && !mine
                        ? [
                            <Typography.Link key="correct" onClick={() => setCorrecting(r)}>
                              {t('pages.ledger.correct')}
                            </Typography.Link>,
                          ]
                        : undefined
                    }
                  >
                    <span>
                      {formatDate(r.startedAt)} {r.description}
                    </span>
                    <Typography.Text type="secondary">
                      {t('pages.activities.serviceSummary', { hours: r.hours, points: r.points })}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            </Card>
          </Col>
        </Row>
      </>
    );

  const name = totals?.person.name ?? '';
  return (
    <PageContainer
      title={mine ? t('menu.volunteering.mine') : t('pages.ledger.title', { name })}
      breadcrumb={[
        { title: t('menu.volunteering') },
        { title: mine ? t('menu.volunteering.mine') : t('pages.ledger.title', { name }) },
      ]}
      extra={
        totals ? (
          <>
            <a
              href={`/volunteers/${encodeURIComponent(totals.person.id)}/certificate.pdf`}
              data-testid="ledger-certificate"
            >
              <Button icon={<DownloadOutlined />}>{t('pages.ledger.certificate')}</Button>
            </a>
            {canManageVolunteering && !mine ? (
              <Button
                type="primary"
                icon={<GiftOutlined />}
                onClick={() => setRedeeming(true)}
                data-testid="ledger-redeem"
              >
                {t('pages.ledger.redeem')}
              </Button>
            ) : null}
          </>
        ) : null
      }
      testId="ledger-page"
    >
      {body}
      <CorrectionModal
        record={correcting}
        onClose={() => setCorrecting(null)}
        onCorrected={() => {
          setCorrecting(null);
          ledger.reload();
        }}
      />
      <Modal
        open={redeeming}
        title={t('pages.ledger.redeem.title', { name })}
        okText={t('pages.common.confirm')}
        cancelText={t('pages.common.cancel')}
        confirmLoading={fetching}
        onCancel={() => setRedeeming(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void onRedeem(v)}>
          <Form.Item name="merchant" label={t('pages.ledger.merchant')} rules={[{ required: true }]}>
            <Select
              loading={merchants.loading}
              options={merchants.nodes.map((m) => ({
                value: m.id,
                label: m.offer ? `${m.name}（${m.offer}）` : m.name,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="points"
            label={t('pages.ledger.redeem.points')}
            rules={[
              { required: true },
              rangeRule(LIMITS.points),
              {
                // Not more than the volunteer has; the server checks it again.
                validator: async (_rule, value: number | null | undefined) => {
                  const balance = totals?.balance;
                  if (value === null || value === undefined || balance === undefined || value <= balance)
                    return;
                  throw new Error(
                    `${rangeMessage({ max: balance })}（${t('pages.ledger.balance')} ${balance}）`,
                  );
                },
              },
            ]}
          >
            <InputNumber />
          </Form.Item>
          <Form.Item name="note" label={t('pages.ledger.note')} rules={[lengthRule(LIMITS.note)]}>
            <Input count={counter(LIMITS.note)} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
