import { useMemo, useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from 'urql';
import ListTable from '../../../components/ListTable';
import PageContainer from '../../../components/PageContainer';
import type { MerchantListQuery as Result } from '../../../graphql/graphql';
import { useListParams } from '../../../hooks/useListParams';
import { useActingOrganisations } from '../../../hooks/useActingOrganisations';
import { usePagedConnection } from '../../../hooks/usePagedConnection';
import { t } from '../../../locales';
import { orNone } from '../../../utils/format';
import { payloadSucceeded } from '../../../utils/fieldErrors';
import { INPUT_LIMITS, counter, inRange, lengthRule, rangeMessage } from '../../../utils/limits';
import { MerchantCreateMutation, MerchantListQuery, PointsRateQuery, PointsRuleSetMutation } from './queries';

const RATE_LIMIT = INPUT_LIMITS.PointsRuleSetInput.pointsPerHour;
const MERCHANT_LIMITS = INPUT_LIMITS.PartnerMerchantCreateInput;

type Merchant = Result['partnerMerchants']['edges'][number]['node'];
interface MerchantValues {
  community: string;
  name: string;
  address?: string;
  offer?: string;
}

/** 积分规则与商家: how many points an hour of service earns, and where points are redeemed. */
export default function VolunteeringSettingsPage() {
  const { message } = App.useApp();
  const communities = useActingOrganisations('MANAGE_VOLUNTEERING', {
    active: true,
    kind: 'COMMUNITY_COMMITTEE',
  });
  const [community, setCommunity] = useState<string | undefined>();
  const chosen = community ?? communities.only ?? communities.options[0]?.value;
  const [rate, reloadRate] = useQuery({
    query: PointsRateQuery,
    variables: { organisation: chosen ?? '' },
    pause: !chosen,
  });
  const [{ fetching: saving }, setRule] = useMutation(PointsRuleSetMutation);
  const [newRate, setNewRate] = useState<number | null>(null);
  // The new rate stays as typed; one out of range is marked and cannot be saved.
  const rateInvalid = newRate !== null && !inRange(RATE_LIMIT, newRate);
  const list = useListParams([] as const);
  const merchants = usePagedConnection({
    query: MerchantListQuery,
    variables: useMemo(() => ({}), []),
    select: (d) => d.partnerMerchants,
    page: list.page,
    pageSize: list.pageSize,
  });
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<MerchantValues>();
  const [{ fetching: adding }, createMerchant] = useMutation(MerchantCreateMutation);
  const fail = (text: string) => message.error(`${t('pages.needs.saveFailed')}：${text}`);

  const onSaveRate = async () => {
    if (!chosen || newRate === null || rateInvalid) return;
    const result = await setRule({ input: { organisation: chosen, pointsPerHour: newRate } });
    if (payloadSucceeded(result, result.data?.pointsRuleSet, fail)) {
      message.success(t('pages.pointsSettings.saved'));
      setNewRate(null);
      reloadRate({ requestPolicy: 'network-only' });
    }
  };

  const onCreate = async (values: MerchantValues) => {
    const result = await createMerchant({
      input: {
        community: values.community,
        name: values.name.trim(),
        address: values.address?.trim() || null,
        offer: values.offer?.trim() || null,
      },
    });
    if (
      payloadSucceeded(result, result.data?.partnerMerchantCreate, fail, {
        instance: form,
        fields: ['name', 'address', 'offer'],
      })
    ) {
      message.success(t('pages.pointsSettings.merchantAdded'));
      setCreating(false);
      form.resetFields();
      merchants.retry();
    }
  };

  const columns: TableProps<Merchant>['columns'] = [
    { title: t('pages.pointsSettings.merchant.name'), dataIndex: 'name' },
    { title: t('pages.common.community'), key: 'community', render: (_, m) => m.community.name },
    { title: t('pages.pointsSettings.merchant.offer'), key: 'offer', render: (_, m) => orNone(m.offer) },
    {
      title: t('pages.pointsSettings.merchant.address'),
      key: 'address',
      render: (_, m) => orNone(m.address),
    },
  ];

  return (
    <PageContainer
      title={t('menu.volunteering.settings')}
      breadcrumb={[{ title: t('menu.volunteering') }, { title: t('menu.volunteering.settings') }]}
      testId="points-settings-page"
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('pages.pointsSettings.rule')}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Select
                value={chosen}
                onChange={setCommunity}
                options={communities.options}
                loading={communities.loading}
                style={{ width: '100%' }}
                aria-label={t('pages.needs.field.community')}
              />
              <Statistic
                title={t('pages.pointsSettings.current')}
                value={rate.data?.pointsPerHour ?? '—'}
                suffix={t('pages.pointsSettings.unit')}
                data-testid="points-rate"
              />
              <Space>
                <InputNumber
                  value={newRate}
                  status={rateInvalid ? 'error' : undefined}
                  onChange={setNewRate}
                  placeholder={t('pages.pointsSettings.new')}
                  data-testid="points-rate-input"
                />
                <Button
                  type="primary"
                  loading={saving}
                  // Until the viewer's communities have loaded there is no rule to change.
                  disabled={newRate === null || rateInvalid || !chosen}
                  onClick={() => void onSaveRate()}
                  data-testid="points-rate-save"
                >
                  {t('pages.pointsSettings.save')}
                </Button>
              </Space>
              {rateInvalid ? (
                <Typography.Text type="danger" role="alert" data-testid="points-rate-error">
                  {rangeMessage(RATE_LIMIT)}
                </Typography.Text>
              ) : null}
              <Typography.Text type="secondary">{t('pages.pointsSettings.hint')}</Typography.Text>
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card
            size="small"
            title={t('pages.pointsSettings.merchants')}
            extra={
              <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="merchant-create">
                {t('pages.pointsSettings.merchant.add')}
              </Button>
            }
          >
            <ListTable<Merchant>
              testId="merchants-table"
              rows={merchants.rows}
              total={merchants.total}
              page={list.page}
              pageSize={merchants.pageSize}
              loading={merchants.loading}
              error={merchants.error}
              onRetry={merchants.retry}
              onPageChange={list.setPage}
              columns={columns}
            />
          </Card>
        </Col>
      </Row>
      <Modal
        open={creating}
        title={t('pages.pointsSettings.merchant.add')}
        okText={t('pages.common.confirm')}
        cancelText={t('pages.common.cancel')}
        confirmLoading={adding}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form<MerchantValues>
          form={form}
          layout="vertical"
          onFinish={(v) => void onCreate(v)}
          initialValues={{ community: chosen }}
        >
          <Form.Item name="community" label={t('pages.needs.field.community')} rules={[{ required: true }]}>
            <Select options={communities.options} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('pages.pointsSettings.merchant.name')}
            rules={[{ required: true, whitespace: true }, lengthRule(MERCHANT_LIMITS.name)]}
          >
            <Input count={counter(MERCHANT_LIMITS.name)} />
          </Form.Item>
          <Form.Item
            name="offer"
            label={t('pages.pointsSettings.merchant.offer')}
            rules={[lengthRule(MERCHANT_LIMITS.offer)]}
          >
            <Input count={counter(MERCHANT_LIMITS.offer)} />
          </Form.Item>
          <Form.Item
            name="address"
            label={t('pages.pointsSettings.merchant.address')}
            rules={[lengthRule(MERCHANT_LIMITS.address)]}
          >
            <Input count={counter(MERCHANT_LIMITS.address)} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
