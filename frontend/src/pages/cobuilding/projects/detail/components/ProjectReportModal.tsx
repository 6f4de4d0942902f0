import { Button, Form, Input, InputNumber, Modal, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { t } from '../../../../../locales';
import { INPUT_LIMITS, counter, lengthRule, rangeRule } from '../../../../../utils/limits';

const LIMITS = INPUT_LIMITS.ProjectReportInput;

export interface ReportValues {
  note: string;
  spent?: number;
  photos?: UploadFile[];
}
export const REPORT_FIELDS = ['note', 'spent', 'photos'];

/** 报告进展: a note, what was spent, and photos from the site. */
export default function ProjectReportModal({
  open,
  busy,
  form,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  busy: boolean;
  form: ReturnType<typeof Form.useForm<ReportValues>>[0];
  onCancel: () => void;
  onSubmit: (values: ReportValues) => void;
}) {
  return (
    <Modal
      open={open}
      title={t('pages.projects.report')}
      okText={t('pages.common.submit')}
      cancelText={t('pages.common.cancel')}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'project-report-ok' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={onSubmit} initialValues={{ spent: 0, photos: [] }}>
        <Form.Item
          name="note"
          label={t('pages.projects.report.note')}
          rules={[{ required: true, whitespace: true }, lengthRule(LIMITS.note)]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3 }}
            count={counter(LIMITS.note)}
            data-testid="project-report-note"
          />
        </Form.Item>
        <Form.Item
          name="spent"
          label={t('pages.projects.report.spent')}
          rules={[rangeRule(LIMITS.spent, { decimals: 2 })]}
        >
          <InputNumber style={{ width: 200 }} addonAfter="元" data-testid="project-report-spent" />
        </Form.Item>
        <Form.Item
          name="photos"
          label={t('pages.needs.field.photos')}
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
        >
          <Upload
            beforeUpload={() => false}
            accept=".jpg,.jpeg,.png,.pdf,.docx,.xlsx"
            multiple
            maxCount={5}
            listType="picture"
          >
            <Button icon={<UploadOutlined />}>{t('pages.needs.field.photos.choose')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
