import { DatePicker, Flex, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { t } from '../../../locales';

const TIME_FORMAT = 'YYYY-MM-DD HH:mm';

/** A meeting's start or end as the API takes it: to the minute. */
export const meetingTime = (value: Dayjs) => value.second(0).millisecond(0).toISOString();

/** 开始时间 and 结束时间 of a meeting, the end after the start, as it is created and edited. */
export default function MeetingTimeFields() {
  return (
    <Flex gap={16} wrap>
      <Form.Item
        name="startsAt"
        label={t('pages.meetings.create.startsAt')}
        rules={[{ required: true, message: t('pages.meetings.create.startsAt.required') }]}
        style={{ flex: 1, minWidth: 220 }}
      >
        <DatePicker
          showTime={{ format: 'HH:mm', minuteStep: 5 }}
          format={TIME_FORMAT}
          needConfirm={false}
          style={{ width: '100%' }}
          data-testid="meeting-starts-at"
        />
      </Form.Item>
      <Form.Item
        name="endsAt"
        label={t('pages.meetings.create.endsAt')}
        dependencies={['startsAt']}
        rules={[
          { required: true, message: t('pages.meetings.create.endsAt.required') },
          ({ getFieldValue }) => ({
            validator(_, value: Dayjs | undefined) {
              const start = getFieldValue('startsAt') as Dayjs | undefined;
              return !value || !start || value.isAfter(start)
                ? Promise.resolve()
                : Promise.reject(new Error(t('pages.meetings.create.endsAt.order')));
            },
          }),
        ]}
        style={{ flex: 1, minWidth: 220 }}
      >
        <DatePicker
          showTime={{ format: 'HH:mm', minuteStep: 5 }}
          format={TIME_FORMAT}
          needConfirm={false}
          style={{ width: '100%' }}
          data-testid="meeting-ends-at"
        />
      </Form.Item>
    </Flex>
  );
}
