import { useMemo, useState } from 'react';
import { Alert, Checkbox, DatePicker, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation } from 'urql';
import type { ApiTokenCreateInput } from '../../../../graphql/graphql';
import { useAllNodes } from '../../../../hooks/useAllNodes';
import { useAuth } from '../../../../providers/AuthProvider';
import { describeError } from '../../../../providers/errorHandler';
import { t } from '../../../../locales';
import { ApiTokenCreateMutation, TokenOrganisationOptionsQuery } from '../queries';
import { API_SCOPES, scopeDescription } from './scopes';
import { dayRange } from '../../../../utils/dateRules';
import { INPUT_LIMITS, counter, itemsRule, lengthRule } from '../../../../utils/limits';

const LIMITS = INPUT_LIMITS.ApiTokenCreateInput;

interface Values {
  name: string;
  scopes: string[];
  organisation: string;
  expiresAt: Dayjs;
}
const FIELDS: ReadonlyArray<keyof ApiTokenCreateInput> = ['name', 'scopes', 'organisation', 'expiresAt'];
const isField = (field: string | null): field is keyof ApiTokenCreateInput =>
  field !== null && (FIELDS as readonly string[]).includes(field);

const DEFAULT_DAYS = 90;

/** The days a token may expire on: from tomorrow to a year ahead. */
const EXPIRY_RANGE = dayRange({
  earliest: () => dayjs().add(1, 'day'),
  latest: () => dayjs().add(1, 'year'),
  tooEarly: (day) => t('pages.tokens.form.expiresAt.tooEarly', { day }),
  tooLate: (day) => t('pages.tokens.form.expiresAt.tooLate', { day }),
});

/** The token expires at the end of the picked day, and never more than a year from now. */
function expiryOf(day: Dayjs): string {
  const latest = dayjs().add(1, 'year');
  const end = day.endOf('day');
  return (end.isAfter(latest) ? latest : end).toISOString();
}

export interface CreatedToken {
  name: string;
  secret: string;
}

/** 创建 API 令牌: name, scopes, the organisation subtree it may read, expiry. */
export default function TokenCreateModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (token: CreatedToken) => void;
}) {
  const { me } = useAuth();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, create] = useMutation(ApiTokenCreateMutation);
  const organisations = useAllNodes(TokenOrganisationOptionsQuery, (d) => d.organisations);

  // By default the organisation the administrator administers (the street, 湖寮镇党委).
  const home = me?.roles.find((g) => g.role === 'STREET_ADMIN')?.organisation ?? null;
  const options = useMemo(() => {
    const list = organisations.nodes.map((n) => ({ value: n.id, label: n.name, kind: n.kindLabel }));
    if (home && !list.some((o) => o.value === home.id))
      list.unshift({ value: home.id, label: home.name, kind: '' });
    return list;
  }, [organisations.nodes, home]);

  const close = () => {
    form.resetFields();
    setFormError(null);
    onClose();
  };

  const onFinish = async (values: Values) => {
    setFormError(null);
    const result = await create({
      input: {
        name: values.name.trim(),
        scopes: values.scopes,
        organisation: values.organisation,
        expiresAt: expiryOf(values.expiresAt),
      },
    });
    const payload = result.data?.apiTokenCreate;
    if (!payload) {
      setFormError(result.error ? describeError(result.error).description : t('pages.common.error.unknown'));
      return;
    }
    if (payload.errors.length > 0) {
      form.setFields(
        payload.errors.flatMap((e) => (isField(e.field) ? [{ name: e.field, errors: [e.message] }] : [])),
      );
      const general = payload.errors.filter((e) => !isField(e.field));
      if (general.length > 0) setFormError(general.map((e) => e.message).join('；'));
      return;
    }
    if (payload.apiToken && payload.secret) {
      form.resetFields();
      onCreated({ name: payload.apiToken.name, secret: payload.secret });
    }
  };

  return (
    <Modal
      open={open}
      title={t('pages.tokens.form.title')}
      okText={t('pages.tokens.form.submit')}
      cancelText={t('pages.common.cancel')}
      confirmLoading={fetching}
      onOk={() => form.submit()}
      onCancel={close}
      width={640}
      destroyOnHidden
      data-testid="token-create-modal"
    >
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        name="apiTokenCreate"
        onFinish={onFinish}
        initialValues={{ scopes: [], organisation: home?.id, expiresAt: dayjs().add(DEFAULT_DAYS, 'day') }}
      >
        <Form.Item
          name="name"
          label={t('pages.tokens.form.name')}
          rules={[
            { required: true, whitespace: true, message: t('pages.tokens.form.name.required') },
            lengthRule(LIMITS.name),
          ]}
        >
          <Input
            placeholder={t('pages.tokens.form.name.placeholder')}
            count={counter(LIMITS.name)}
            data-testid="token-name"
          />
        </Form.Item>
        <Form.Item
          name="scopes"
          label={t('pages.tokens.form.scopes')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('pages.tokens.form.scopes.required') },
            itemsRule(LIMITS.scopes),
          ]}
        >
          <Checkbox.Group style={{ width: '100%' }} data-testid="token-scopes">
            <Flex vertical gap={6}>
              {API_SCOPES.map((scope) => (
                <Checkbox key={scope} value={scope} data-scope={scope}>
                  <Typography.Text code>{scope}</Typography.Text>
                  <Typography.Text type="secondary">{scopeDescription(scope)}</Typography.Text>
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item
          name="organisation"
          label={t('pages.tokens.form.organisation')}
          rules={[{ required: true, message: t('pages.tokens.form.organisation.required') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={organisations.loading}
            status={organisations.error ? 'error' : undefined}
            options={options}
            optionRender={(option) => (
              <Flex justify="space-between" gap={8}>
                <span>{option.data.label}</span>
                <Typography.Text type="secondary">{option.data.kind}</Typography.Text>
              </Flex>
            )}
            data-testid="token-organisation"
          />
        </Form.Item>
        <Form.Item
          name="expiresAt"
          label={t('pages.tokens.form.expiresAt')}
          extra={t('pages.tokens.form.expiresAt.extra')}
          rules={[{ required: true, message: t('pages.tokens.form.expiresAt.required') }, EXPIRY_RANGE]}
        >
          <DatePicker allowClear={false} data-testid="token-expires-at" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
