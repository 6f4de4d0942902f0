import { Form } from 'antd';
import FormModal from '../../../../components/FormModal';
import { t } from '../../../../locales';
import type { MeetingErrors } from '../useAgendaEditor';
import AgendaItemFields, {
  cleanAgendaItem,
  isAgendaItemField,
  type AgendaItemValues,
} from './AgendaItemFields';
import type { AgendaItem } from './AgendaList';

/** 编辑议题: an item's title, description, minutes and presenter, after it was added. */
export default function AgendaItemEditModal({
  item,
  presenters,
  busy,
  onSave,
  onClose,
}: {
  item: AgendaItem;
  presenters: ReadonlyArray<{ value: string; label: string }>;
  busy: boolean;
  onSave: (
    values: AgendaItemValues,
    showErrors: (errors: MeetingErrors) => MeetingErrors,
  ) => Promise<boolean>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<AgendaItemValues>();
  const showErrors = (errors: MeetingErrors) => {
    // Someone changed the meeting meanwhile: the page's conflict notice (with 重新加载) says so.
    if (errors.some((e) => e.code === 'VERSION_CONFLICT')) onClose();
    form.setFields(
      errors
        .filter((e) => isAgendaItemField(e.field))
        .map((e) => ({ name: e.field as never, errors: [e.message] })),
    );
    return errors.filter((e) => !isAgendaItemField(e.field));
  };
  return (
    <FormModal
      open
      title={t('pages.meetingDetail.agenda.edit.title')}
      okText={t('pages.common.save')}
      busy={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      testId="agenda-item-edit-modal"
    >
      <Form<AgendaItemValues>
        form={form}
        layout="vertical"
        name="agendaItemUpdate"
        initialValues={{
          title: item.title,
          description: item.description ?? undefined,
          minutesAllotted: item.minutesAllotted,
          presenter: item.presenter?.id ?? null,
        }}
        onFinish={async (values) => {
          if (await onSave(cleanAgendaItem(values), showErrors)) onClose();
        }}
      >
        <AgendaItemFields presenters={presenters} testId="agenda-edit" />
      </Form>
    </FormModal>
  );
}
