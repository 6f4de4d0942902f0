import { Button, Form, Input, Modal, Radio, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { ActionItemStatus } from '../../../../graphql/graphql';
import { ENUM_LABELS } from '../../../../graphql/enumLabels';
import { t } from '../../../../locales';
import type { ActionItem } from '../../actions/components/ActionCard';
import { INPUT_LIMITS, counter, lengthRule } from '../../../../utils/limits';

export type ReportStatus = Extract<ActionItemStatus, 'IN_PROGRESS' | 'DONE' | 'BLOCKED'>;
export interface ProgressValues {
  status: ReportStatus;
  note: string;
  evidence: File[];
}
export type FieldErrors = ReadonlyArray<{ field: 'status' | 'note' | 'evidence'; message: string }>;

const REPORTABLE: ReadonlySet<ActionItemStatus> = new Set(['IN_PROGRESS', 'DONE', 'BLOCKED']);
const isReportStatus = (status: ActionItemStatus): status is ReportStatus => REPORTABLE.has(status);
const ACCEPT = '.jpg,.jpeg,.png,.pdf,.docx,.xlsx';
const MAX_BYTES = 5 * 1024 * 1024;

/** 报告进展: status, note and evidence files (DONE needs at least one). */
export default function ProgressForm({
  item,
  busy,
  onCancel,
  onSubmit,
}: {
  item: ActionItem | null;
  busy: boolean;
  onCancel: () => void;
  /** returns the API's field errors (empty when saved) */
  onSubmit: (item: ActionItem, values: ProgressValues) => Promise<FieldErrors>;
}) {
  const [form] = Form.useForm<{ status: ReportStatus; note: string; evidence?: UploadFile[] }>();
  const status = Form.useWatch('status', form);
  // The moves the server allows from the item's status (a blocked item cannot be done at once).
  const statuses = (item?.viewerReportStatuses ?? []).filter(isReportStatus);
  const initialStatus = statuses.includes('IN_PROGRESS') ? 'IN_PROGRESS' : statuses[0];
  return (
    <Modal
      open={item !== null}
      title={t('pages.myActions.report.title', { title: item?.title ?? '' })}
      okText={t('pages.common.submit')}
      cancelText={t('pages.common.cancel')}
      okButtonProps={{ 'data-testid': 'progress-submit' }}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="actionItemProgress"
        initialValues={{ status: initialStatus, note: '', evidence: [] }}
        onFinish={async (values) => {
          if (!item) return;
          const errors = await onSubmit(item, {
            status: values.status,
            note: values.note.trim(),
            evidence: (values.evidence ?? []).flatMap((f) => (f.originFileObj ? [f.originFileObj] : [])),
          });
          form.setFields(errors.map((e) => ({ name: e.field, errors: [e.message] })));
        }}
        data-testid="progress-form"
      >
        <Form.Item name="status" label={t('pages.myActions.report.status')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            size="large"
            options={statuses.map((s) => ({ value: s, label: ENUM_LABELS.ActionItemStatus[s] }))}
            data-testid="progress-status"
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('pages.myActions.report.note')}
          rules={[
            { required: true, whitespace: true, message: t('pages.myActions.report.note.required') },
            lengthRule(INPUT_LIMITS.ActionItemProgressInput.note),
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            count={counter(INPUT_LIMITS.ActionItemProgressInput.note)}
            data-testid="progress-note"
          />
        </Form.Item>
        <Form.Item
          name="evidence"
          label={t('pages.myActions.report.evidence')}
          extra={t('pages.myActions.report.evidence.hint')}
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
          rules={[
            {
              validator: (_, files?: UploadFile[]) => {
                if (status === 'DONE' && (!files || files.length === 0))
                  return Promise.reject(new Error(t('pages.myActions.report.evidence.required')));
                if (files?.some((f) => (f.size ?? 0) > MAX_BYTES))
                  return Promise.reject(new Error(t('pages.myActions.report.evidence.tooLarge')));
                return Promise.resolve();
              },
            },
          ]}
        >
          <Upload beforeUpload={() => false} accept={ACCEPT} multiple data-testid="progress-upload">
            <Button icon={<UploadOutlined />}>{t('pages.myActions.report.evidence.choose')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
