import {
  App,
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  List,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import Forbidden from '../../../components/Forbidden';
import NotFound from '../../../components/NotFound';
import PageContainer from '../../../components/PageContainer';
import PageLoading from '../../../components/PageLoading';
import QueryError from '../../../components/QueryError';
import { useAllNodes } from '../../../hooks/useAllNodes';
import { t } from '../../../locales';
import { isNotFound } from '../../../providers/errorHandler';
import { payloadSucceeded } from '../../../utils/fieldErrors';
import { INPUT_LIMITS, counter, lengthRule } from '../../../utils/limits';
import {
  DispatchNeedQuery,
  DispatchProjectsQuery,
  DispatchUnitsQuery,
  NeedDispatchMutation,
} from './queries';

interface Values {
  unit: string;
  resource?: string;
  project?: string;
  note?: string;
}
const FIELDS = ['unit', 'resource', 'project', 'note'];

/** 派单 (社区下单): the resources that could meet the need, ranked with reasons; send to a unit. */
export default function DispatchPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: DispatchNeedQuery, variables: { id } });
  const need = data?.node && 'title' in data.node ? data.node : null;
  const community = need?.community.id;
  const units = useAllNodes(
    DispatchUnitsQuery,
    (d) => d.residentUnits,
    { filter: { organisation: community ?? null } },
    {
      pause: !community,
    },
  );
  const projects = useAllNodes(
    DispatchProjectsQuery,
    (d) => d.projects,
    { filter: { organisation: community ?? null } },
    {
      pause: !community,
    },
  );
  const [{ fetching: sending }, dispatch] = useMutation(NeedDispatchMutation);
  const unit = Form.useWatch('unit', form);
  const suggestions = data?.needSuggestions ?? [];

  const onFinish = async (values: Values) => {
    const result = await dispatch({
      input: {
        need: id,
        unit: values.unit,
        resource: values.resource ?? null,
        project: values.project ?? null,
        note: values.note?.trim() || null,
      },
    });
    const payload = result.data?.needDispatch;
    const notify = (text: string) => message.error(`${t('pages.needs.saveFailed')}：${text}`);
    if (payloadSucceeded(result, payload, notify, { instance: form, fields: FIELDS })) {
      message.success(t('pages.dispatch.done', { unit: payload.dispatch?.unit.name ?? '' }));
      navigate('/cobuilding/needs');
    }
  };

  let body;
  if (fetching && !data) body = <PageLoading rows={8} />;
  else if (error && isNotFound(error)) body = <NotFound backTo="/cobuilding/needs" />;
  else if (error && !data)
    body = <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  else if (!need) body = <NotFound backTo="/cobuilding/needs" />;
  else if (!need.viewerCanHandle) body = <Forbidden />;
  else
    body = (
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={need.title}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('pages.needs.field.description')}>
                {need.description}
              </Descriptions.Item>
              <Descriptions.Item label={t('pages.needs.field.category')}>{need.category}</Descriptions.Item>
              <Descriptions.Item label={t('pages.needs.field.grid')}>
                {[need.community.name, need.grid?.name].filter(Boolean).join(' · ')}
              </Descriptions.Item>
              <Descriptions.Item label={t('pages.needs.field.urgency')}>
                {need.urgencyLabel}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card
            size="small"
            title={t('pages.dispatch.suggestions')}
            extra={<Typography.Text type="secondary">{t('pages.dispatch.suggestions.hint')}</Typography.Text>}
            style={{ marginTop: 16 }}
          >
            <List
              dataSource={suggestions}
              rowKey={(s) => s.resource.id}
              locale={{ emptyText: t('pages.dispatch.suggestions.empty') }}
              data-testid="dispatch-suggestions"
              renderItem={(s) => (
                <List.Item
                  data-testid="dispatch-suggestion"
                  data-unit={s.resource.unit.name}
                  actions={[
                    <Button
                      key="choose"
                      type={unit === s.resource.unit.id ? 'primary' : 'default'}
                      onClick={() =>
                        form.setFieldsValue({ unit: s.resource.unit.id, resource: s.resource.id })
                      }
                      data-testid="dispatch-choose"
                    >
                      {t('pages.dispatch.choose')}
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        {s.resource.unit.name}
                        <Tag>{s.resource.kindLabel}</Tag>
                        <Typography.Text type="secondary">{s.resource.title}</Typography.Text>
                      </Space>
                    }
                    description={
                      <Space size={[4, 4]} wrap>
                        {s.reasons.map((r) => (
                          <Tag key={r} color="blue" bordered={false}>
                            {r}
                          </Tag>
                        ))}
                      </Space>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('pages.dispatch.form')}>
            {need.status !== 'ACCEPTED' ? (
              <Alert
                type="warning"
                showIcon
                title={t('pages.dispatch.notAccepted', { status: need.statusLabel })}
                style={{ marginBottom: 16 }}
              />
            ) : null}
            <Form<Values> form={form} layout="vertical" onFinish={onFinish} data-testid="dispatch-form">
              <Form.Item name="unit" label={t('pages.dispatch.unit')} rules={[{ required: true }]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={units.loading}
                  options={units.nodes.map((u) => ({ value: u.id, label: u.name }))}
                  onChange={() => form.setFieldValue('resource', undefined)}
                  data-testid="dispatch-unit"
                />
              </Form.Item>
              <Form.Item name="resource" label={t('pages.dispatch.resource')}>
                <Select
                  allowClear
                  options={suggestions
                    .filter((s) => s.resource.unit.id === unit)
                    .map((s) => ({ value: s.resource.id, label: s.resource.title }))}
                />
              </Form.Item>
              <Form.Item
                name="project"
                label={t('pages.dispatch.project')}
                extra={t('pages.dispatch.project.hint')}
              >
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={projects.loading}
                  options={projects.nodes
                    .filter((p) => p.status === 'PLANNED' || p.status === 'IN_PROGRESS')
                    .map((p) => ({ value: p.id, label: `${p.title}（${p.statusLabel}）` }))}
                  data-testid="dispatch-project"
                />
              </Form.Item>
              <Form.Item
                name="note"
                label={t('pages.dispatch.note')}
                rules={[lengthRule(INPUT_LIMITS.NeedDispatchInput.note)]}
              >
                <Input.TextArea
                  autoSize={{ minRows: 2 }}
                  count={counter(INPUT_LIMITS.NeedDispatchInput.note)}
                  data-testid="dispatch-note"
                />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                icon={<SendOutlined />}
                loading={sending}
                block
                size="large"
                data-testid="dispatch-submit"
              >
                {t('pages.dispatch.submit')}
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
    );

  return (
    <PageContainer
      title={need ? t('pages.dispatch.title', { title: need.title }) : t('menu.cobuilding.dispatch')}
      breadcrumb={[
        { title: t('menu.cobuilding') },
        { title: t('menu.cobuilding.needs'), to: '/cobuilding/needs' },
        { title: t('menu.cobuilding.dispatch') },
      ]}
      testId="dispatch-page"
    >
      {body}
    </PageContainer>
  );
}
