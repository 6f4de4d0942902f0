import { useImperativeHandle, type Ref } from 'react';
import { Button, Form } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { t } from '../../../../locales';
import AgendaItemFields, { cleanAgendaItem, type AgendaItemValues } from './AgendaItemFields';

export interface ManualItemFormHandle {
  /** show the API's field errors under their form items */
  setErrors: (errors: ReadonlyArray<{ field: keyof AgendaItemValues; message: string }>) => void;
  reset: () => void;
}

/** 手动添加议题: title, description, minutes, and a presenter from the invitees. */
export default function ManualItemForm({
  ref,
  presenters,
  busy,
  onSubmit,
}: {
  ref?: Ref<ManualItemFormHandle>;
  presenters: ReadonlyArray<{ value: string; label: string }>;
  busy: boolean;
  onSubmit: (values: AgendaItemValues) => void;
}) {
  const [form] = Form.useForm<AgendaItemValues>();
  useImperativeHandle(
    ref,
    () => ({
      setErrors: (errors) => form.setFields(errors.map((e) => ({ name: e.field, errors: [e.message] }))),
      reset: () => form.resetFields(),
    }),
    [form],
  );
  return (
    <Form<AgendaItemValues>
      form={form}
      layout="vertical"
      name="agendaItemCreate"
      initialValues={{ minutesAllotted: 10 }}
      onFinish={(values) => onSubmit(cleanAgendaItem(values))}
      data-testid="manual-item-form"
    >
      <AgendaItemFields presenters={presenters} testId="manual-item" />
      <Button
        type="primary"
        htmlType="submit"
        icon={<PlusOutlined />}
        loading={busy}
        data-testid="manual-item-submit"
      >
        {t('pages.meetingDetail.manual.submit')}
      </Button>
    </Form>
  );
}
