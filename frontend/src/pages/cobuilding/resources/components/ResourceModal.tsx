import { useMemo, useState } from 'react';
import { AutoComplete, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import FormModal from '../../../../components/FormModal';
import { useMutation, useQuery } from 'urql';
import type { ResourceKind, ResourceRowFragment } from '../../../../graphql/graphql';
import { ENUM_LABELS } from '../../../../graphql/enumLabels';
import { t } from '../../../../locales';
import { useAuth } from '../../../../providers/AuthProvider';
import { payloadSucceeded } from '../../../../utils/fieldErrors';
import { INPUT_LIMITS, counter, lengthRule, rangeRule } from '../../../../utils/limits';
import { ResourcePublishMutation, ResourceUnitOptionsQuery, ResourceUpdateMutation } from '../queries';
import { useIssueCategories } from '../../../../hooks/useIssueCategories';
import { useTypeahead } from '../../../../hooks/useTypeahead';

export type Resource = ResourceRowFragment;

interface Values {
  unit: string;
  kind: ResourceKind;
  title: string;
  description: string;
  category: string;
  capacity?: number | null;
  availability?: string;
  conditions?: string;
}
const FIELDS = ['unit', 'kind', 'title', 'description', 'category', 'capacity', 'availability', 'conditions'];

/**
 * 发布资源 / 修改资源: a unit's venue, funds, expertise, staff hours, goods or services. A unit
 * liaison publishes for its own unit; staff pick the unit. `editing` null: a new resource.
 */
export default function ResourceModal({
  open,
  editing,
  onClose,
  onSaved,
}: {
  open: boolean;
  editing: Resource | null;
  onClose: () => void;
  onSaved: (resource: Resource, created: boolean) => void;
}) {
  const { me } = useAuth();
  const [form] = Form.useForm<Values>();
  const categories = useIssueCategories();
  const [formError, setFormError] = useState<string | null>(null);
  const unitSearch = useTypeahead(INPUT_LIMITS.ResidentUnitFilter.search);
  const [{ fetching: publishing }, publish] = useMutation(ResourcePublishMutation);
  const [{ fetching: updating }, update] = useMutation(ResourceUpdateMutation);
  // The same limits either way; these are the ones of the input the form is sent as.
  const limits = editing ? INPUT_LIMITS.ResourceUpdateInput : INPUT_LIMITS.ResourcePublishInput;

  // A liaison's one unit comes with the sign-in; staff search the units of their communities.
  const ownUnit = useMemo(
    () => (me?.liaisonUnit ? { value: me.liaisonUnit.id, label: me.liaisonUnit.name } : null),
    [me],
  );
  const [units] = useQuery({
    query: ResourceUnitOptionsQuery,
    variables: { search: unitSearch.search },
    pause: !open || editing !== null || ownUnit !== null || unitSearch.tooLongMessage !== undefined,
  });
  const unitOptions = ownUnit
    ? [ownUnit]
    : (unitSearch.shown(units.data)?.residentUnits.nodes ?? []).map((u) => ({
        value: u.id,
        label: `${u.name}（${u.community.name}）`,
      }));

  const close = () => {
    form.resetFields();
    setFormError(null);
    unitSearch.onSearch('');
    onClose();
  };

  const onFinish = async (values: Values) => {
    setFormError(null);
    const common = {
      kind: values.kind,
      title: values.title.trim(),
      description: values.description.trim(),
      category: values.category.trim(),
      capacity: values.capacity ?? null,
    };
    if (editing) {
      // Only what is sent changes: an emptied text field is sent as '' to clear it.
      const result = await update({
        input: {
          resource: editing.id,
          ...common,
          availability: values.availability?.trim() ?? '',
          conditions: values.conditions?.trim() ?? '',
        },
      });
      const payload = result.data?.resourceUpdate;
      if (payloadSucceeded(result, payload, setFormError, { instance: form, fields: FIELDS })) {
        form.resetFields();
        if (payload.resource) onSaved(payload.resource, false);
      }
      return;
    }
    const result = await publish({
      input: {
        unit: values.unit,
        ...common,
        availability: values.availability?.trim() || null,
        conditions: values.conditions?.trim() || null,
      },
    });
    const payload = result.data?.resourcePublish;
    if (payloadSucceeded(result, payload, setFormError, { instance: form, fields: FIELDS })) {
      form.resetFields();
      unitSearch.onSearch('');
      if (payload.resource) onSaved(payload.resource, true);
    }
  };

  const initialValues: Partial<Values> = editing
    ? {
        unit: editing.unit.id,
        kind: editing.kind,
        title: editing.title,
        description: editing.description,
        category: editing.category,
        capacity: editing.capacity,
        availability: editing.availability ?? '',
        conditions: editing.conditions ?? '',
      }
    : { unit: ownUnit?.value };

  return (
    <FormModal
      open={open}
      title={
        editing
          ? t('pages.resources.edit.title', { title: editing.title })
          : t('pages.resources.publish.title')
      }
      okText={editing ? t('pages.resources.edit.ok') : t('pages.resources.publish.ok')}
      busy={publishing || updating}
      error={formError}
      onOk={() => form.submit()}
      onCancel={close}
      width={640}
      testId="resource-modal"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        name="resource"
        onFinish={onFinish}
        initialValues={initialValues}
      >
        {editing ? (
          <Form.Item label={t('pages.resources.field.unit')}>
            <Typography.Text data-testid="resource-unit-fixed">{editing.unit.name}</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item name="unit" label={t('pages.resources.field.unit')} rules={[{ required: true }]}>
            <Select
              showSearch={ownUnit ? undefined : { filterOption: false, onSearch: unitSearch.onSearch }}
              notFoundContent={unitSearch.tooLongMessage}
              disabled={ownUnit !== null}
              placeholder={t('pages.resources.field.unit.placeholder')}
              loading={units.fetching}
              options={unitOptions}
              data-testid="resource-unit"
            />
          </Form.Item>
        )}
        <Form.Item name="kind" label={t('pages.resources.field.kind')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={Object.entries(ENUM_LABELS.ResourceKind).map(([value, label]) => ({ value, label }))}
            data-testid="resource-kind"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('pages.resources.field.title')}
          rules={[{ required: true, whitespace: true }, lengthRule(limits.title)]}
        >
          <Input
            placeholder={t('pages.resources.field.title.placeholder')}
            count={counter(limits.title)}
            data-testid="resource-title"
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('pages.resources.field.description')}
          rules={[{ required: true, whitespace: true }, lengthRule(limits.description)]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3 }}
            count={counter(limits.description)}
            data-testid="resource-description"
          />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('pages.resources.field.category')}
          rules={[{ required: true, whitespace: true }, lengthRule(limits.category)]}
        >
          <AutoComplete
            options={categories}
            filterOption={(input, option) => (option?.value ?? '').includes(input)}
            data-testid="resource-category"
          />
        </Form.Item>
        <Form.Item
          name="capacity"
          label={t('pages.resources.field.capacity')}
          extra={
            editing ? t('pages.resources.field.capacity.keep') : t('pages.resources.field.capacity.hint')
          }
          rules={[rangeRule(limits.capacity)]}
        >
          <InputNumber style={{ width: 200 }} data-testid="resource-capacity" />
        </Form.Item>
        <Form.Item
          name="availability"
          label={t('pages.resources.field.availability')}
          rules={[lengthRule(limits.availability)]}
        >
          <Input
            placeholder={t('pages.resources.field.availability.placeholder')}
            count={counter(limits.availability)}
            data-testid="resource-availability"
          />
        </Form.Item>
        <Form.Item
          name="conditions"
          label={t('pages.resources.field.conditions')}
          rules={[lengthRule(limits.conditions)]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2 }}
            count={counter(limits.conditions)}
            data-testid="resource-conditions"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
