import { useState } from 'react';
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation } from 'urql';
import type { JointMeetingCreateInput, MeetingKind } from '../../../../graphql/graphql';
import { ENUM_LABELS } from '../../../../graphql/enumLabels';
import { useActingOrganisations, useChooseOnly } from '../../../../hooks/useActingOrganisations';
import { describeError } from '../../../../providers/errorHandler';
import { t } from '../../../../locales';
import { optionsOf } from '../../labels';
import ChairSelect from '../../components/ChairSelect';
import { JointMeetingCreateMutation } from '../queries';
import { INPUT_LIMITS, counter, lengthRule } from '../../../../utils/limits';
import MeetingTimeFields, { meetingTime } from '../../components/MeetingTimeFields';

interface Values {
  organisation: string;
  kind: MeetingKind;
  title: string;
  startsAt: Dayjs;
  endsAt: Dayjs;
  venue: string;
  chair?: string;
}
const FIELDS: ReadonlyArray<keyof Values> = [
  'organisation',
  'kind',
  'title',
  'startsAt',
  'endsAt',
  'venue',
  'chair',
];
const isField = (field: string | null): field is keyof Values =>
  field !== null && (FIELDS as readonly string[]).includes(field);

const LIMITS = INPUT_LIMITS.JointMeetingCreateInput;
const DEFAULT_HOURS = 2;
const QUARTERS = ['一', '二', '三', '四'];

/** A title in the manner of the demo data: 城西社区大党委2026年第四季度联席会议. */
function suggestTitle(organisation: string | undefined, kind: MeetingKind | undefined, start: Dayjs | null) {
  if (!organisation || !start) return null;
  const host = `${organisation.replace(/党委$/, '')}大党委`;
  if (kind === 'REGULAR_QUARTERLY')
    return `${host}${start.year()}年第${QUARTERS[Math.floor(start.month() / 3)]}季度联席会议`;
  if (kind === 'REGULAR_MONTHLY') return `${host}${start.year()}年${start.month() + 1}月例会`;
  return null;
}

export interface CreatedMeeting {
  id: string;
  title: string;
  warnings: string[];
}

/** 新建联席会议: organisation, kind, title, start and end, venue; invitees are added by the API. */
export default function MeetingCreateModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (meeting: CreatedMeeting) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, create] = useMutation(JointMeetingCreateMutation);

  // The organisations the server lets this viewer convene in (a street administrator's
  // street and its communities, a convener's own).
  const organisations = useActingOrganisations('PREPARE_MEETINGS', { active: open });
  useChooseOnly(form, 'organisation', organisations.only, open);

  const close = () => {
    form.resetFields();
    setFormError(null);
    onClose();
  };

  const onFinish = async (values: Values) => {
    setFormError(null);
    const input: JointMeetingCreateInput = {
      organisation: values.organisation,
      kind: values.kind,
      title: values.title.trim(),
      startsAt: meetingTime(values.startsAt),
      endsAt: meetingTime(values.endsAt),
      venue: values.venue.trim(),
      chair: values.chair ?? null,
    };
    const result = await create({ input });
    const payload = result.data?.jointMeetingCreate;
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
    if (payload.meeting) {
      form.resetFields();
      onCreated({ id: payload.meeting.id, title: payload.meeting.title, warnings: payload.warnings });
    }
  };

  /** Keep the end after the start, and suggest a title for regular meetings until one is typed. */
  const onValuesChange = (changed: Partial<Values>, all: Values) => {
    if (changed.startsAt) {
      const end = all.endsAt;
      if (!end || !end.isAfter(changed.startsAt)) {
        form.setFieldValue('endsAt', changed.startsAt.add(DEFAULT_HOURS, 'hour'));
      }
    }
    if ((changed.startsAt || changed.kind || changed.organisation) && !form.isFieldTouched('title')) {
      const name = optionName(all.organisation);
      const suggestion = suggestTitle(name, all.kind, all.startsAt ?? null);
      if (suggestion) form.setFieldValue('title', suggestion);
    }
  };

  const organisation = Form.useWatch('organisation', form);

  const options = organisations.options;
  const optionName = (id: string | undefined) => options.find((o) => o.value === id)?.label;

  return (
    <Modal
      open={open}
      title={t('pages.meetings.create.title')}
      okText={t('pages.meetings.create.submit')}
      cancelText={t('pages.common.cancel')}
      confirmLoading={fetching}
      onOk={() => form.submit()}
      onCancel={close}
      width={600}
      destroyOnHidden
      data-testid="meeting-create-modal"
    >
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        name="jointMeetingCreate"
        onFinish={onFinish}
        onValuesChange={onValuesChange}
        initialValues={{ organisation: organisations.only }}
      >
        <Form.Item
          name="organisation"
          label={t('pages.meetings.create.organisation')}
          rules={[{ required: true, message: t('pages.meetings.create.organisation.required') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={options}
            loading={organisations.loading}
            data-testid="meeting-organisation"
          />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('pages.meetings.create.kind')}
          rules={[{ required: true, message: t('pages.meetings.create.kind.required') }]}
        >
          <Select options={optionsOf(ENUM_LABELS.MeetingKind)} data-testid="meeting-kind" />
        </Form.Item>
        <MeetingTimeFields />
        <Form.Item
          name="title"
          label={t('pages.meetings.create.name')}
          rules={[
            { required: true, whitespace: true, message: t('pages.meetings.create.name.required') },
            lengthRule(LIMITS.title),
          ]}
        >
          <Input
            placeholder={t('pages.meetings.create.name.placeholder')}
            count={counter(LIMITS.title)}
            data-testid="meeting-title"
          />
        </Form.Item>
        <Form.Item
          name="venue"
          label={t('pages.meetings.create.venue')}
          rules={[
            { required: true, whitespace: true, message: t('pages.meetings.create.venue.required') },
            lengthRule(LIMITS.venue),
          ]}
        >
          <Input count={counter(LIMITS.venue)} data-testid="meeting-venue" />
        </Form.Item>
        <Form.Item
          name="chair"
          label={t('pages.meetings.create.chair')}
          extra={t('pages.meetings.create.chair.hint')}
        >
          <ChairSelect organisation={organisation} active={open} />
        </Form.Item>
        <Typography.Text type="secondary">{t('pages.meetings.create.invitees')}</Typography.Text>
      </Form>
    </Modal>
  );
}
