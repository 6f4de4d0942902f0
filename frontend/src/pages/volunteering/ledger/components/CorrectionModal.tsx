import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation } from 'urql';
import { t } from '../../../../locales';
import { payloadSucceeded } from '../../../../utils/fieldErrors';
import { INPUT_LIMITS, counter, lengthRule } from '../../../../utils/limits';
import { ServiceRecordCorrectMutation } from '../queries';

export interface CorrectedRecord {
  id: string;
  description: string;
  startedAt: string;
  endedAt: string;
}
interface Values {
  time: [Dayjs, Dayjs];
  reason: string;
}

/** 更正服务记录: new times and the reason; the ledger shows a reversal and the new points. */
export default function CorrectionModal({
  record,
  onClose,
  onCorrected,
}: {
  record: CorrectedRecord | null;
  onClose: () => void;
  onCorrected: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [{ fetching }, correct] = useMutation(ServiceRecordCorrectMutation);

  const onFinish = async (values: Values) => {
    if (!record) return;
    const result = await correct({
      input: {
        serviceRecord: record.id,
        startedAt: values.time[0].toISOString(),
        endedAt: values.time[1].toISOString(),
        reason: values.reason.trim(),
      },
    });
    const notify = (text: string) => message.error(`${t('pages.needs.saveFailed')}：${text}`);
    if (
      payloadSucceeded(result, result.data?.serviceRecordCorrect, notify, {
        instance: form,
        fields: ['reason'],
      })
    ) {
      message.success(t('pages.ledger.corrected'));
      onCorrected();
    }
  };

  return (
    <Modal
      open={record !== null}
      title={t('pages.ledger.correct.title', { description: record?.description ?? '' })}
      okText={t('pages.common.confirm')}
      cancelText={t('pages.common.cancel')}
      confirmLoading={fetching}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {record ? (
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(v) => void onFinish(v)}
          initialValues={{ time: [dayjs(record.startedAt), dayjs(record.endedAt)] }}
        >
          <Form.Item name="time" label={t('pages.ledger.correct.time')} rules={[{ required: true }]}>
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('pages.ledger.correct.reason')}
            rules={[
              { required: true, whitespace: true },
              lengthRule(INPUT_LIMITS.ServiceRecordCorrectInput.reason),
            ]}
          >
            <Input.TextArea
              autoSize={{ minRows: 2 }}
              count={counter(INPUT_LIMITS.ServiceRecordCorrectInput.reason)}
            />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
