import { Flex, Form, Input, InputNumber, Select } from 'antd';
import { t } from '../../../../locales';
import { INPUT_LIMITS, counter, lengthRule, rangeRule } from '../../../../utils/limits';

const LIMITS = INPUT_LIMITS.AgendaItemCreateInput;

export interface AgendaItemValues {
  title: string;
  description?: string;
  minutesAllotted: number;
  presenter?: string | null;
}
const FIELDS: ReadonlyArray<keyof AgendaItemValues> = [
  'title',
  'description',
  'minutesAllotted',
  'presenter',
];
export const isAgendaItemField = (field: string | null): field is keyof AgendaItemValues =>
  field !== null && (FIELDS as readonly string[]).includes(field);

/** What the form sends: trimmed text, an empty description as none. */
export const cleanAgendaItem = (values: AgendaItemValues): AgendaItemValues => ({
  ...values,
  title: values.title.trim(),
  description: values.description?.trim() || undefined,
});

/**
 * An agenda item's fields, as it is added by hand and as it is edited later: title,
 * description, minutes, and a presenter from the invitees. `testId` prefixes each field's id.
 */
export default function AgendaItemFields({
  presenters,
  testId,
}: {
  presenters: ReadonlyArray<{ value: string; label: string }>;
  testId: string;
}) {
  return (
    <>
      <Form.Item
        name="title"
        label={t('pages.meetingDetail.manual.title')}
        rules={[
          { required: true, whitespace: true, message: t('pages.meetingDetail.manual.title.required') },
          lengthRule(LIMITS.title),
        ]}
      >
        <Input count={counter(LIMITS.title)} data-testid={`${testId}-title`} />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('pages.meetingDetail.manual.description')}
        rules={[lengthRule(LIMITS.description)]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 5 }}
          count={counter(LIMITS.description)}
          data-testid={`${testId}-description`}
        />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item
          name="minutesAllotted"
          label={t('pages.meetingDetail.manual.minutes')}
          rules={[
            { required: true, message: t('pages.meetingDetail.manual.minutes.required') },
            rangeRule(LIMITS.minutesAllotted),
          ]}
        >
          <InputNumber style={{ width: 120 }} data-testid={`${testId}-minutes`} />
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
            data-testid={`${testId}-presenter`}
          />
        </Form.Item>
      </Flex>
    </>
  );
}
