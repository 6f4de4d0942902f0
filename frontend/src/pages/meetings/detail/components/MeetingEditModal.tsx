import { Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import FormModal from '../../../../components/FormModal';
import type { JointMeetingUpdateInput } from '../../../../graphql/graphql';
import { t } from '../../../../locales';
import { INPUT_LIMITS, counter, lengthRule } from '../../../../utils/limits';
import ChairSelect from '../../components/ChairSelect';
import type { Meeting, MeetingErrors } from '../useAgendaEditor';
import MeetingTimeFields, { meetingTime } from '../../components/MeetingTimeFields';

const LIMITS = INPUT_LIMITS.JointMeetingUpdateInput;

interface Values {
  title: string;
  startsAt: Dayjs;
  endsAt: Dayjs;
  venue: string;
  chair: string | null;
}
const FIELDS: readonly string[] = ['title', 'startsAt', 'endsAt', 'venue', 'chair'];

/** 编辑会议信息: name, time, venue and chair (主持人) of a meeting that has not started. */
export default function MeetingEditModal({
  meeting,
  busy,
  onSave,
  onClose,
}: {
  meeting: Meeting;
  busy: boolean;
  onSave: (
    changes: Omit<JointMeetingUpdateInput, 'meeting' | 'version'>,
    showErrors: (errors: MeetingErrors) => MeetingErrors,
  ) => Promise<boolean>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const showErrors = (errors: MeetingErrors) => {
    // Someone changed the meeting meanwhile: the page's conflict notice (with 重新加载) says so.
    if (errors.some((e) => e.code === 'VERSION_CONFLICT')) onClose();
    const mine = errors.filter((e) => e.field !== null && FIELDS.includes(e.field));
    form.setFields(mine.map((e) => ({ name: e.field as keyof Values, errors: [e.message] })));
    return errors.filter((e) => !mine.includes(e));
  };
  const onFinish = async (values: Values) => {
    const changes = {
      title: values.title.trim(),
      startsAt: meetingTime(values.startsAt),
      endsAt: meetingTime(values.endsAt),
      venue: values.venue.trim(),
      chair: values.chair ?? null,
    };
    if (await onSave(changes, showErrors)) onClose();
  };
  return (
    <FormModal
      open
      title={t('pages.meetingDetail.edit.title')}
      okText={t('pages.common.save')}
      busy={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={600}
      testId="meeting-edit-modal"
    >
      {meeting.status === 'PUBLISHED' ? (
        <Typography.Paragraph type="secondary">{t('pages.meetingDetail.edit.hint')}</Typography.Paragraph>
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        name="jointMeetingUpdate"
        initialValues={{
          title: meeting.title,
          startsAt: dayjs(meeting.startsAt),
          endsAt: dayjs(meeting.endsAt),
          venue: meeting.venue,
          chair: meeting.chair?.id ?? null,
        }}
        onFinish={onFinish}
      >
        <Form.Item
          name="title"
          label={t('pages.meetings.create.name')}
          rules={[
            { required: true, whitespace: true, message: t('pages.meetings.create.name.required') },
            lengthRule(LIMITS.title),
          ]}
        >
          <Input count={counter(LIMITS.title)} data-testid="meeting-edit-title" />
        </Form.Item>
        <MeetingTimeFields />
        <Form.Item
          name="venue"
          label={t('pages.meetings.create.venue')}
          rules={[
            { required: true, whitespace: true, message: t('pages.meetings.create.venue.required') },
            lengthRule(LIMITS.venue),
          ]}
        >
          <Input count={counter(LIMITS.venue)} data-testid="meeting-edit-venue" />
        </Form.Item>
        <Form.Item name="chair" label={t('pages.meetings.create.chair')}>
          <ChairSelect
            organisation={meeting.organisation.id}
            active
            initial={meeting.chair ? { value: meeting.chair.id, label: meeting.chair.name } : null}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
