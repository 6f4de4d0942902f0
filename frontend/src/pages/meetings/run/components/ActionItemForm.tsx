import { Button, DatePicker, Form, Input, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { t } from '../../../../locales';
import { showFieldErrors, type ApiErrors } from '../../../../utils/fieldErrors';
import { dayRange, today } from '../../../../utils/dateRules';
import { INPUT_LIMITS, counter, lengthRule } from '../../../../utils/limits';

export interface ActionItemValues {
  title: string;
  ownerUnit?: string;
  dueOn: Dayjs;
  expectedResult?: string;
}
const LIMITS = INPUT_LIMITS.ActionItemCreateInput;
const FIELDS = ['title', 'ownerUnit', 'dueOn', 'expectedResult'];

/** 分派督办事项 from a recorded decision: title, owner unit, due date, expected result. */
export default function ActionItemForm({
  units,
  unitsLoading,
  busy,
  onSubmit,
}: {
  units: ReadonlyArray<{ id: string; name: string }>;
  unitsLoading: boolean;
  busy: boolean;
  onSubmit: (values: ActionItemValues) => Promise<ApiErrors>;
}) {
  const [form] = Form.useForm<ActionItemValues>();
  return (
    <Form<ActionItemValues>
      form={form}
      layout="vertical"
      name="actionItemCreate"
      size="large"
      onFinish={async (values) => {
        const errors = await onSubmit({
          ...values,
          title: values.title.trim(),
          expectedResult: values.expectedResult?.trim() || undefined,
        });
        if (errors.length === 0) form.resetFields();
        else showFieldErrors(form, FIELDS, errors);
      }}
      data-testid="action-item-form"
    >
      <Form.Item
        name="title"
        label={t('pages.meetingRun.action.title')}
        rules={[
          { required: true, whitespace: true, message: t('pages.meetingRun.action.title.required') },
          lengthRule(LIMITS.title),
        ]}
      >
        <Input count={counter(LIMITS.title)} data-testid="action-item-title" />
      </Form.Item>
      <Form.Item
        name="ownerUnit"
        label={t('pages.meetingRun.action.ownerUnit')}
        rules={[{ required: true, message: t('pages.meetingRun.action.ownerUnit.required') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={unitsLoading}
          options={units.map((u) => ({ value: u.id, label: u.name }))}
          data-testid="action-item-owner"
        />
      </Form.Item>
      <Form.Item
        name="dueOn"
        label={t('pages.meetingRun.action.dueOn')}
        rules={[
          { required: true, message: t('pages.meetingRun.action.dueOn.required') },
          dayRange({
            earliest: today,
            tooEarly: (day) => t('pages.meetingRun.action.dueOn.past', { day }),
          }),
        ]}
      >
        <DatePicker style={{ width: 200 }} data-testid="action-item-due" />
      </Form.Item>
      <Form.Item
        name="expectedResult"
        label={t('pages.meetingRun.action.expectedResult')}
        rules={[lengthRule(LIMITS.expectedResult)]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 5 }}
          count={counter(LIMITS.expectedResult)}
          data-testid="action-item-expected"
        />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        icon={<PlusOutlined />}
        loading={busy}
        data-testid="action-item-submit"
      >
        {t('pages.meetingRun.action.submit')}
      </Button>
    </Form>
  );
}
