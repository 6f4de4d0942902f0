import { useState } from 'react';
import { Form, Input, Select } from 'antd';
import FormModal from '../../../../components/FormModal';
import { useMutation, useQuery } from 'urql';
import { useAllNodes } from '../../../../hooks/useAllNodes';
import { useActingOrganisations, useChooseOnly } from '../../../../hooks/useActingOrganisations';
import { t } from '../../../../locales';
import { payloadSucceeded } from '../../../../utils/fieldErrors';
import { INPUT_LIMITS, counter, lengthRule } from '../../../../utils/limits';
import { MicroWishPublishMutation, WishBeneficiarySearchQuery, WishGridsQuery } from '../queries';
import { useTypeahead } from '../../../../hooks/useTypeahead';

interface Values {
  community: string;
  beneficiary: string;
  title: string;
  description: string;
  grid?: string;
}
const LIMITS = INPUT_LIMITS.MicroWishPublishInput;
const FIELDS = ['community', 'beneficiary', 'title', 'description', 'grid'];

/** 发布微心愿 (community staff): for a resident picked by name; the wall shows the name masked. */
export default function WishPublishModal({
  open,
  onClose,
  onPublished,
}: {
  open: boolean;
  onClose: () => void;
  onPublished: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const typeahead = useTypeahead();
  const [{ fetching }, publish] = useMutation(MicroWishPublishMutation);
  const communities = useActingOrganisations('PUBLISH_WISHES', { active: open, kind: 'COMMUNITY_COMMITTEE' });
  useChooseOnly(form, 'community', communities.only, open);
  const community = Form.useWatch('community', form);
  const grids = useAllNodes(WishGridsQuery, (d) => d.grids, undefined, { pause: !open });
  const [people] = useQuery({
    query: WishBeneficiarySearchQuery,
    variables: { search: typeahead.search ?? '' },
    pause: !open || typeahead.search === null,
  });

  const close = () => {
    form.resetFields();
    setFormError(null);
    typeahead.onSearch('');
    onClose();
  };

  const onFinish = async (values: Values) => {
    setFormError(null);
    const result = await publish({
      input: {
        community: values.community,
        beneficiary: values.beneficiary,
        title: values.title.trim(),
        description: values.description.trim(),
        grid: values.grid ?? null,
      },
    });
    if (
      payloadSucceeded(result, result.data?.microWishPublish, setFormError, {
        instance: form,
        fields: FIELDS,
      })
    ) {
      form.resetFields();
      typeahead.onSearch('');
      onPublished();
    }
  };

  return (
    <FormModal
      open={open}
      title={t('pages.wishes.publish.title')}
      okText={t('pages.wishes.publish.ok')}
      busy={fetching}
      error={formError}
      onOk={() => form.submit()}
      onCancel={close}
      width={600}
      testId="wish-publish-modal"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        name="wishPublish"
        onFinish={onFinish}
        onValuesChange={(changed: Partial<Values>) => {
          if ('community' in changed) form.setFieldValue('grid', undefined);
        }}
        initialValues={{ community: communities.only }}
      >
        <Form.Item name="community" label={t('pages.wishes.field.community')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={communities.options}
            loading={communities.loading}
            data-testid="wish-community"
          />
        </Form.Item>
        <Form.Item
          name="beneficiary"
          label={t('pages.wishes.field.beneficiary')}
          extra={t('pages.wishes.field.beneficiary.hint')}
          rules={[{ required: true }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: typeahead.onSearch }}
            placeholder={t('pages.wishes.field.beneficiary.placeholder')}
            loading={people.fetching}
            notFoundContent={
              typeahead.tooLongMessage ?? (typeahead.text ? undefined : t('pages.actions.filter.ownerHint'))
            }
            options={(typeahead.shown(people.data)?.people.nodes ?? []).map((p) => ({
              value: p.id,
              label: p.community ? `${p.name}（${p.community.name}）` : p.name,
            }))}
            data-testid="wish-beneficiary-select"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('pages.wishes.field.title')}
          rules={[{ required: true, whitespace: true }, lengthRule(LIMITS.title)]}
        >
          <Input
            placeholder={t('pages.wishes.field.title.placeholder')}
            count={counter(LIMITS.title)}
            data-testid="wish-title-input"
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('pages.wishes.field.description')}
          rules={[{ required: true, whitespace: true }, lengthRule(LIMITS.description)]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3 }}
            count={counter(LIMITS.description)}
            data-testid="wish-description-input"
          />
        </Form.Item>
        <Form.Item name="grid" label={t('pages.wishes.field.grid')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={grids.loading}
            options={grids.nodes
              .filter((g) => !community || g.community.id === community)
              .map((g) => ({ value: g.id, label: g.name }))}
            data-testid="wish-grid"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
