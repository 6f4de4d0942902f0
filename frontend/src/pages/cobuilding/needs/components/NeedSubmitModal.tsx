import { useState } from 'react';
import { AutoComplete, Button, Form, Input, Radio, Select, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import FormModal from '../../../../components/FormModal';
import { useMutation } from 'urql';
import type { NeedSource, Urgency } from '../../../../graphql/graphql';
import { ENUM_LABELS } from '../../../../graphql/enumLabels';
import { useAllNodes } from '../../../../hooks/useAllNodes';
import { useActingOrganisations, useChooseOnly } from '../../../../hooks/useActingOrganisations';
import { t } from '../../../../locales';
import { payloadSucceeded } from '../../../../utils/fieldErrors';
import { INPUT_LIMITS, counter, lengthRule } from '../../../../utils/limits';
import { NeedGridsQuery, NeedSubmitMutation } from '../queries';
import { useIssueCategories } from '../../../../hooks/useIssueCategories';

interface Values {
  community: string;
  grid?: string;
  title: string;
  description: string;
  category: string;
  urgency: Urgency;
  source: NeedSource;
  photos?: UploadFile[];
}
const FIELDS = ['community', 'grid', 'title', 'description', 'category', 'urgency', 'source', 'photos'];
const LIMITS = INPUT_LIMITS.NeedSubmitInput;
const ACCEPT = '.jpg,.jpeg,.png,.pdf,.docx,.xlsx';

/** 登记需求 (群众点单): raised by a resident, through a grid worker, or by staff, with photos. */
export default function NeedSubmitModal({
  open,
  onClose,
  onSubmitted,
}: {
  open: boolean;
  onClose: () => void;
  onSubmitted: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const categories = useIssueCategories();
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, submit] = useMutation(NeedSubmitMutation);
  const communities = useActingOrganisations('SUBMIT_NEEDS', { active: open, kind: 'COMMUNITY_COMMITTEE' });
  useChooseOnly(form, 'community', communities.only, open);
  const community = Form.useWatch('community', form);
  const grids = useAllNodes(NeedGridsQuery, (d) => d.grids, undefined, { pause: !open });

  const close = () => {
    form.resetFields();
    setFormError(null);
    onClose();
  };

  const onFinish = async (values: Values) => {
    setFormError(null);
    const result = await submit({
      input: {
        community: values.community,
        grid: values.grid ?? null,
        title: values.title.trim(),
        description: values.description.trim(),
        category: values.category.trim(),
        urgency: values.urgency,
        source: values.source,
        photos: (values.photos ?? []).flatMap((f) => (f.originFileObj ? [f.originFileObj] : [])),
      },
    });
    if (
      payloadSucceeded(result, result.data?.needSubmit, setFormError, {
        instance: form,
        fields: FIELDS,
      })
    ) {
      form.resetFields();
      onSubmitted();
    }
  };

  return (
    <FormModal
      open={open}
      title={t('pages.needs.submit.title')}
      okText={t('pages.common.submit')}
      busy={fetching}
      error={formError}
      onOk={() => form.submit()}
      onCancel={close}
      width={640}
      testId="need-submit-modal"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="needSubmit"
        onFinish={onFinish}
        onValuesChange={(changed: Partial<Values>) => {
          if ('community' in changed) form.setFieldValue('grid', undefined);
        }}
        initialValues={{ community: communities.only, urgency: 'MEDIUM', source: 'GRID_WORKER', photos: [] }}
      >
        <Form.Item name="community" label={t('pages.needs.field.community')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={communities.options}
            loading={communities.loading}
          />
        </Form.Item>
        <Form.Item name="grid" label={t('pages.needs.field.grid')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={grids.loading}
            options={grids.nodes
              .filter((g) => !community || g.community.id === community)
              .map((g) => ({ value: g.id, label: g.name }))}
            data-testid="need-grid"
          />
        </Form.Item>
        <Form.Item name="source" label={t('pages.needs.field.source')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={Object.entries(ENUM_LABELS.NeedSource).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('pages.needs.field.title')}
          rules={[{ required: true, whitespace: true }, lengthRule(LIMITS.title)]}
        >
          {/* A counter, never a cut: a pasted text longer than the limit stays for the user to shorten. */}
          <Input count={counter(LIMITS.title)} data-testid="need-title" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('pages.needs.field.description')}
          rules={[{ required: true, whitespace: true }, lengthRule(LIMITS.description)]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3 }}
            count={counter(LIMITS.description)}
            data-testid="need-description"
          />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('pages.needs.field.category')}
          rules={[{ required: true, whitespace: true }, lengthRule(LIMITS.category)]}
        >
          <AutoComplete
            options={categories}
            filterOption={(input, option) => (option?.value ?? '').includes(input)}
            data-testid="need-category"
          />
        </Form.Item>
        <Form.Item name="urgency" label={t('pages.needs.field.urgency')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={Object.entries(ENUM_LABELS.Urgency).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item
          name="photos"
          label={t('pages.needs.field.photos')}
          extra={t('pages.needs.field.photos.hint')}
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
        >
          <Upload beforeUpload={() => false} accept={ACCEPT} multiple maxCount={5} listType="picture">
            <Button icon={<UploadOutlined />}>{t('pages.needs.field.photos.choose')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </FormModal>
  );
}
