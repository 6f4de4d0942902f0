import { useImperativeHandle, type Ref } from 'react';
import { Button, Flex, Form, Input, InputNumber, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { t } from '../../../../locales';

export interface ManualItemValues {
  title: string;
  description?: string;
  minutesAllotted: number;
  presenter?: string;
}
const FIELDS: ReadonlyArray<keyof ManualItemValues> = [
  'title',
  'description',
  'minutesAllotted',
  'presenter',
];
export const isManualItemField = (field: string | null): field is keyof ManualItemValues =>
  field !== null && (FIELDS as readonly string[]).includes(field);

export interface ManualItemFormHandle {
  /** show the API's field errors under their form items */
  setErrors: (errors: ReadonlyArray<{ field: keyof ManualItemValues; message: string }>) => void;
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
  onSubmit: (values: ManualItemValues) => void;
}) {
  const [form] = Form.useForm<ManualItemValues>();
  useImperativeHandle(
    ref,
    () => ({
      setErrors: (errors) => form.setFields(errors.map((e) => ({ name: e.field, errors: [e.message] }))),
      reset: () => form.resetFields(),
    }),
    [form],
  );
  return (
    <Form<ManualItemValues>
      form={form}
      layout="vertical"
      name="agendaItemCreate"
      initialValues={{ minutesAllotted: 10 }}
      onFinish={(values) =>
        onSubmit({
          ...values,
          title: values.title.trim(),
          description: values.description?.trim() || undefined,
        })
      }
      data-testid="manual-item-form"
    >
      <Form.Item
        name="title"
        label={t('pages.meetingDetail.manual.title')}
        rules={[
          { required: true, whitespace: true, message: t('pages.meetingDetail.manual.title.required') },
          { max: 200 },
        ]}
      >
        <Input maxLength={200} data-testid="manual-item-title" />
      </Form.Item>
      <Form.Item name="description" label={t('pages.meetingDetail.manual.description')}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 5 }}
          maxLength={2000}
          data-testid="manual-item-description"
        />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item
          name="minutesAllotted"
          label={t('pages.meetingDetail.manual.minutes')}
          rules={[{ required: true, message: t('pages.meetingDetail.manual.minutes.required') }]}
        >
          <InputNumber
            min={1}
            max={480}
            precision={0}
            style={{ width: 120 }}
            data-testid="manual-item-minutes"
          />
        </Form.Item>
        <Form.Item
          name="presenter"
          label={t('pages.meetingDetail.manual.presenter')}
          style={{ flex: 1, minWidth: 200 }}
        >
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('pages.meetingDetail.manual.presenter.placeholder')}
            options={[...presenters]}
            data-testid="manual-item-presenter"
          />
        </Form.Item>
      </Flex>
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
