import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography, theme } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useSearchParams } from 'react-router-dom';
import { useMutation } from 'urql';
import { AuthPending } from '../../components/RouteGuards';
import type { SessionCreateInput } from '../../graphql/graphql';
import { useAuth } from '../../providers/AuthProvider';
import { describeError } from '../../providers/errorHandler';
import { t } from '../../locales';
import { INPUT_LIMITS, lengthRule } from '../../utils/limits';
import { safeRedirect } from '../../utils/redirect';
import { SessionCreateMutation } from './queries';

type Values = SessionCreateInput;
const LIMITS = INPUT_LIMITS.SessionCreateInput;
const FIELDS: ReadonlyArray<keyof Values> = ['username', 'password'];
const isField = (field: string | null): field is keyof Values =>
  field !== null && (FIELDS as readonly string[]).includes(field);

interface Notice {
  type: 'error' | 'warning' | 'info';
  message: string;
}

/** 登录: username or mobile number and password; back to the page the user came from. */
export default function LoginPage() {
  const { status, me, ended, signedIn } = useAuth();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [{ fetching }, sessionCreate] = useMutation(SessionCreateMutation);
  const { token } = theme.useToken();

  if (status !== 'ready') return <AuthPending />;
  if (me) return <Navigate to={safeRedirect(params.get('redirect'))} replace />;

  const onFinish = async (values: Values) => {
    setNotice(null);
    const result = await sessionCreate({
      input: { username: values.username.trim(), password: values.password },
    });
    const payload = result.data?.sessionCreate;
    if (!payload) {
      setNotice({
        type: 'error',
        message: result.error ? describeError(result.error).description : t('pages.common.error.unknown'),
      });
      return;
    }
    if (payload.errors.length > 0) {
      // Errors about one input go under it; the rest (wrong credentials, too many attempts,
      // account locked or disabled) above the form.
      form.setFields(
        payload.errors.flatMap((e) => (isField(e.field) ? [{ name: e.field, errors: [e.message] }] : [])),
      );
      const general = payload.errors.filter((e) => !isField(e.field));
      if (general.length > 0) {
        const throttled = general.some((e) => e.code === 'TRY_LATER' || e.code === 'LOCKED');
        setNotice({
          type: throttled ? 'warning' : 'error',
          message: general.map((e) => e.message).join('；'),
        });
      }
      return;
    }
    if (payload.me) signedIn(payload.me);
  };

  const shown: Notice | null =
    notice ?? (ended === 'expired' ? { type: 'info', message: t('auth.sessionExpired') } : null);

  return (
    <Flex
      justify="center"
      align="center"
      style={{ minHeight: '100vh', padding: 24, background: token.colorBgLayout }}
      data-testid="login-page"
    >
      <main style={{ width: 'min(400px, 100%)' }}>
        <Card>
          <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
            <img src="/favicon.svg" alt="" width={48} height={48} />
            <Typography.Title level={3} style={{ margin: '8px 0 0' }} data-testid="app-title">
              {t('app.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
          </Flex>
          {shown ? (
            <Alert
              type={shown.type}
              showIcon
              title={shown.message}
              style={{ marginBottom: 16 }}
              data-testid="login-alert"
              role="alert"
            />
          ) : null}
          <Form<Values>
            form={form}
            name="login"
            layout="vertical"
            requiredMark={false}
            onFinish={onFinish}
            onValuesChange={() => setNotice(null)}
          >
            <Form.Item
              name="username"
              label={t('pages.login.username')}
              rules={[
                { required: true, whitespace: true, message: t('pages.login.username.required') },
                lengthRule(LIMITS.username),
              ]}
            >
              <Input
                size="large"
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('pages.login.password')}
              rules={[
                { required: true, message: t('pages.login.password.required') },
                lengthRule(LIMITS.password),
              ]}
            >
              <Input.Password
                size="large"
                prefix={<LockOutlined />}
                autoComplete="current-password"
                data-testid="login-password"
              />
            </Form.Item>
            <Form.Item style={{ marginBottom: 0 }}>
              <Button
                type="primary"
                htmlType="submit"
                size="large"
                block
                loading={fetching}
                data-testid="login-submit"
              >
                {t('pages.login.submit')}
              </Button>
            </Form.Item>
          </Form>
        </Card>
      </main>
    </Flex>
  );
}
