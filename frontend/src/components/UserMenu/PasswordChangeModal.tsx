import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useMutation } from 'urql';
import type { PasswordChangeInput } from '../../graphql/graphql';
import { describeError } from '../../providers/errorHandler';
import { t } from '../../locales';
import { INPUT_LIMITS, lengthRule } from '../../utils/limits';
import { PasswordChangeMutation } from './queries';

const LIMITS = INPUT_LIMITS.PasswordChangeInput;

interface Values extends PasswordChangeInput {
  confirm: string;
}
const FIELDS: ReadonlyArray<keyof PasswordChangeInput> = ['currentPassword', 'newPassword'];
const isField = (field: string | null): field is keyof PasswordChangeInput =>
  field !== null && (FIELDS as readonly string[]).includes(field);

/** 修改密码: the current password, the new one twice; other signed-in browsers are signed out. */
export default function PasswordChangeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, passwordChange] = useMutation(PasswordChangeMutation);

  const close = () => {
    form.resetFields();
    setFormError(null);
    onClose();
  };

  const onFinish = async ({ currentPassword, newPassword }: Values) => {
    setFormError(null);
    const result = await passwordChange({ input: { currentPassword, newPassword } });
    const payload = result.data?.passwordChange;
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
    message.success(t('pages.passwordChange.success'));
    close();
  };

  return (
    <Modal
      open={open}
      title={t('pages.passwordChange.title')}
      okText={t('pages.common.submit')}
      cancelText={t('pages.common.cancel')}
      confirmLoading={fetching}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
      data-testid="password-change-modal"
    >
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      <Form<Values> form={form} layout="vertical" name="passwordChange" onFinish={onFinish}>
        <Form.Item
          name="currentPassword"
          label={t('pages.passwordChange.current')}
          rules={[
            { required: true, message: t('pages.passwordChange.current.required') },
            lengthRule(LIMITS.currentPassword),
          ]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('pages.passwordChange.new')}
          extra={t('pages.passwordChange.new.hint')}
          rules={[
            { required: true, message: t('pages.passwordChange.new.required') },
            lengthRule(LIMITS.newPassword),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('pages.passwordChange.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('pages.passwordChange.confirm.required') },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('pages.passwordChange.confirm.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
