import { useState } from 'react';
import { Button, Form, Input, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import FormModal from '../../../../components/FormModal';
import { useMutation } from 'urql';
import { t } from '../../../../locales';
import { payloadSucceeded } from '../../../../utils/fieldErrors';
import { INPUT_LIMITS, counter, lengthRule } from '../../../../utils/limits';
import { MicroWishFulfilMutation } from '../queries';
import type { Wish } from './WishCard';

interface Values {
  note?: string;
  evidence?: UploadFile[];
}
const FIELDS = ['note', 'evidence'];
const ACCEPT = '.jpg,.jpeg,.png,.pdf,.docx,.xlsx';

/** 登记实现 (the claimant): what was done, with photos or files as evidence. */
export default function WishFulfilModal({
  wish,
  onClose,
  onFulfilled,
}: {
  wish: Wish | null;
  onClose: () => void;
  onFulfilled: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, fulfil] = useMutation(MicroWishFulfilMutation);

  const close = () => {
    form.resetFields();
    setFormError(null);
    onClose();
  };

  const onFinish = async (values: Values) => {
    if (!wish) return;
    setFormError(null);
    const result = await fulfil({
      input: {
        wish: wish.id,
        note: values.note?.trim() || null,
        // File objects in the variables: urql sends a GraphQL multipart request.
        evidence: (values.evidence ?? []).flatMap((f) => (f.originFileObj ? [f.originFileObj] : [])),
      },
    });
    if (
      payloadSucceeded(result, result.data?.microWishFulfil, setFormError, {
        instance: form,
        fields: FIELDS,
      })
    ) {
      form.resetFields();
      setFormError(null);
      onFulfilled();
    }
  };

  return (
    <FormModal
      open={wish !== null}
      title={t('pages.wishes.fulfil.title', { title: wish?.title ?? '' })}
      okText={t('pages.common.submit')}
      busy={fetching}
      error={formError}
      onOk={() => form.submit()}
      onCancel={close}
      width={560}
      testId="wish-fulfil-modal"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        name="wishFulfil"
        onFinish={onFinish}
        initialValues={{ evidence: [] }}
      >
        <Form.Item
          name="note"
          label={t('pages.wishes.fulfil.note')}
          rules={[lengthRule(INPUT_LIMITS.MicroWishFulfilInput.note)]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3 }}
            count={counter(INPUT_LIMITS.MicroWishFulfilInput.note)}
            placeholder={t('pages.wishes.fulfil.note.placeholder')}
            data-testid="wish-fulfil-note"
          />
        </Form.Item>
        <Form.Item
          name="evidence"
          label={t('pages.wishes.fulfil.evidence')}
          extra={t('pages.wishes.fulfil.evidence.hint')}
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
          rules={[
            {
              required: true,
              type: 'array',
              min: 1,
              message: t('pages.wishes.fulfil.evidence.required'),
            },
          ]}
        >
          <Upload
            beforeUpload={() => false}
            accept={ACCEPT}
            multiple
            maxCount={5}
            listType="picture"
            data-testid="wish-fulfil-evidence"
          >
            <Button icon={<UploadOutlined />}>{t('pages.wishes.fulfil.evidence.choose')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </FormModal>
  );
}
