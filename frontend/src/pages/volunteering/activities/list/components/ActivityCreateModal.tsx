import { useState } from 'react';
import { App, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import FormModal from '../../../../../components/FormModal';
import { useMutation } from 'urql';
import { useAllNodes } from '../../../../../hooks/useAllNodes';
import { useActingOrganisations, useChooseOnly } from '../../../../../hooks/useActingOrganisations';
import { t } from '../../../../../locales';
import { payloadSucceeded } from '../../../../../utils/fieldErrors';
import { INPUT_LIMITS, counter, itemsRule, lengthRule, rangeRule } from '../../../../../utils/limits';
import { ActivityCreateMutation, ActivityTeamsQuery } from '../queries';

interface Values {
  community: string;
  title: string;
  time: [Dayjs, Dayjs];
  place: string;
  slots: number;
  requiredSkills?: string[];
  team?: string;
  description?: string;
}
const LIMITS = INPUT_LIMITS.VolunteerActivityCreateInput;
const FIELDS = ['community', 'title', 'place', 'slots', 'requiredSkills', 'team', 'description'];

/** 发布志愿活动: time, place, slots and skills; from a project when opened on one. */
export default function ActivityCreateModal({
  open,
  preset,
  onClose,
  onCreated,
}: {
  open: boolean;
  preset?: { community: string; project?: { id: string; title: string } };
  onClose: () => void;
  onCreated?: (id: string) => void;
}) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const communities = useActingOrganisations('MANAGE_VOLUNTEERING', {
    active: open,
    kind: 'COMMUNITY_COMMITTEE',
  });
  useChooseOnly(form, 'community', communities.only, open);
  const community = Form.useWatch('community', form);
  const teams = useAllNodes(
    ActivityTeamsQuery,
    (d) => d.volunteerTeams,
    { filter: { organisation: community ?? null } },
    {
      pause: !open || !community,
    },
  );
  const [{ fetching }, create] = useMutation(ActivityCreateMutation);

  const onFinish = async (values: Values) => {
    setFormError(null);
    const result = await create({
      input: {
        community: values.community,
        title: values.title.trim(),
        startsAt: values.time[0].toISOString(),
        endsAt: values.time[1].toISOString(),
        place: values.place.trim(),
        slots: values.slots,
        requiredSkills: values.requiredSkills ?? [],
        team: values.team ?? null,
        description: values.description?.trim() || null,
        project: preset?.project?.id ?? null,
      },
    });
    const payload = result.data?.volunteerActivityCreate;
    if (
      payloadSucceeded(result, payload, setFormError, { instance: form, fields: FIELDS }) &&
      payload.activity
    ) {
      form.resetFields();
      message.success(t('pages.activities.create.published', { title: values.title.trim() }));
      if (onCreated) onCreated(payload.activity.id);
      else navigate(`/volunteering/activities/${encodeURIComponent(payload.activity.id)}`);
    }
  };

  return (
    <FormModal
      open={open}
      title={
        preset?.project
          ? t('pages.activities.createFor', { project: preset.project.title })
          : t('pages.activities.create')
      }
      okText={t('pages.activities.create.ok')}
      busy={fetching}
      error={formError}
      onOk={() => form.submit()}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      width={640}
      testId="activity-create-modal"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          community: preset?.community ?? communities.only,
          slots: 10,
          title: preset?.project ? `${preset.project.title}志愿服务` : undefined,
        }}
      >
        <Form.Item name="community" label={t('pages.needs.field.community')} rules={[{ required: true }]}>
          <Select
            disabled={Boolean(preset)}
            showSearch={{ optionFilterProp: 'label' }}
            options={communities.options}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('pages.activities.field.title')}
          rules={[{ required: true, whitespace: true }, lengthRule(LIMITS.title)]}
        >
          <Input count={counter(LIMITS.title)} data-testid="activity-title" />
        </Form.Item>
        <Form.Item name="time" label={t('pages.activities.field.time')} rules={[{ required: true }]}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            data-testid="activity-time"
          />
        </Form.Item>
        <Form.Item
          name="place"
          label={t('pages.activities.field.place')}
          rules={[{ required: true, whitespace: true }, lengthRule(LIMITS.place)]}
        >
          <Input count={counter(LIMITS.place)} data-testid="activity-place" />
        </Form.Item>
        <Form.Item
          name="slots"
          label={t('pages.activities.field.slots')}
          rules={[{ required: true }, rangeRule(LIMITS.slots)]}
        >
          <InputNumber data-testid="activity-slots" />
        </Form.Item>
        <Form.Item
          name="requiredSkills"
          label={t('pages.activities.field.skills')}
          rules={[itemsRule(LIMITS.requiredSkills)]}
        >
          <Select mode="tags" tokenSeparators={['、', ',', '，']} />
        </Form.Item>
        <Form.Item name="team" label={t('pages.activities.field.team')}>
          <Select
            allowClear
            loading={teams.loading}
            options={teams.nodes.map((n) => ({ value: n.id, label: n.name }))}
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('pages.activities.field.description')}
          rules={[lengthRule(LIMITS.description)]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} count={counter(LIMITS.description)} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
