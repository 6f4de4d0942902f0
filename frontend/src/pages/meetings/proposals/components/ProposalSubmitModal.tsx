import { useMemo, useState } from 'react';
import { Alert, AutoComplete, Form, Input, Modal, Radio, Select } from 'antd';
import { useMutation } from 'urql';
import type { ProposalKind, ProposalOrigin, ProposalSubmitInput, Role } from '../../../../graphql/graphql';
import { ENUM_LABELS } from '../../../../graphql/enumLabels';
import { useAllNodes } from '../../../../hooks/useAllNodes';
import { useActingOrganisations, useChooseOnly } from '../../../../hooks/useActingOrganisations';
import { useAuth } from '../../../../providers/AuthProvider';
import { describeError } from '../../../../providers/errorHandler';
import { t } from '../../../../locales';
import { optionsOf } from '../../labels';
import { ProposalSubmitMutation, ProposalUnitOptionsQuery } from '../queries';
import { INPUT_LIMITS, counter, lengthRule } from '../../../../utils/limits';
import { useIssueCategories } from '../../../../hooks/useIssueCategories';

interface Values {
  community: string;
  kind: ProposalKind;
  origin: ProposalOrigin;
  category: string;
  title: string;
  description: string;
  sourceNote?: string;
  unit?: string;
}
const FIELDS: ReadonlyArray<keyof Values> = [
  'community',
  'kind',
  'origin',
  'category',
  'title',
  'description',
  'sourceNote',
  'unit',
];
const isField = (field: string | null): field is keyof Values =>
  field !== null && (FIELDS as readonly string[]).includes(field);

const LIMITS = INPUT_LIMITS.ProposalSubmitInput;

const ORIGIN_OF_ROLE: Partial<Record<Role, ProposalOrigin>> = {
  UNIT_LIAISON: 'UNIT_LIAISON',
  COMMITTEE_MEMBER: 'COMMITTEE_MEMBER',
};
/** 提交议题建议 / 社情民意 (every role): the community, what it is, where it came from. */
export default function ProposalSubmitModal({
  open,
  onClose,
  onSubmitted,
}: {
  open: boolean;
  onClose: () => void;
  onSubmitted: () => void;
}) {
  const { me } = useAuth();
  const [form] = Form.useForm<Values>();
  const categories = useIssueCategories();
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, submit] = useMutation(ProposalSubmitMutation);

  const grants = useMemo(() => me?.roles ?? [], [me]);
  const communities = useActingOrganisations('SUBMIT_PROPOSALS', {
    active: open,
    kind: 'COMMUNITY_COMMITTEE',
  });
  useChooseOnly(form, 'community', communities.only, open);

  const community = Form.useWatch('community', form);
  const units = useAllNodes(
    ProposalUnitOptionsQuery,
    (d) => d.residentUnits,
    { filter: { organisation: community ?? null } },
    { pause: !open || !community },
  );

  const ownUnit = grants.find((g) => g.role === 'UNIT_LIAISON' && g.unit)?.unit ?? null;
  const defaultOrigin = grants.map((g) => ORIGIN_OF_ROLE[g.role]).find(Boolean) ?? 'STAFF';

  const close = () => {
    form.resetFields();
    setFormError(null);
    onClose();
  };

  const onFinish = async (values: Values) => {
    setFormError(null);
    const input: ProposalSubmitInput = {
      community: values.community,
      kind: values.kind,
      origin: values.origin,
      category: values.category.trim(),
      title: values.title.trim(),
      description: values.description.trim(),
      sourceNote: values.sourceNote?.trim() || null,
      unit: values.unit ?? null,
    };
    const result = await submit({ input });
    const payload = result.data?.proposalSubmit;
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
    form.resetFields();
    onSubmitted();
  };

  return (
    <Modal
      open={open}
      title={t('pages.proposals.submit.title')}
      okText={t('pages.proposals.submit.ok')}
      cancelText={t('pages.common.cancel')}
      confirmLoading={fetching}
      onOk={() => form.submit()}
      onCancel={close}
      width={640}
      destroyOnHidden
      data-testid="proposal-submit-modal"
    >
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        name="proposalSubmit"
        onFinish={onFinish}
        onValuesChange={(changed: Partial<Values>) => {
          if ('community' in changed && form.getFieldValue('unit') !== ownUnit?.id)
            form.setFieldValue('unit', undefined);
        }}
        initialValues={{
          community: communities.only,
          kind: 'PROPOSAL',
          origin: defaultOrigin,
          unit: ownUnit?.id,
        }}
      >
        <Form.Item
          name="community"
          label={t('pages.proposals.form.community')}
          rules={[{ required: true, message: t('pages.proposals.form.community.required') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={communities.options}
            loading={communities.loading}
            data-testid="proposal-community"
          />
        </Form.Item>
        <Form.Item name="kind" label={t('pages.proposals.form.kind')} rules={[{ required: true }]}>
          <Radio.Group
            options={optionsOf(ENUM_LABELS.ProposalKind)}
            optionType="button"
            data-testid="proposal-kind"
          />
        </Form.Item>
        <Form.Item
          name="origin"
          label={t('pages.proposals.form.origin')}
          rules={[{ required: true, message: t('pages.proposals.form.origin.required') }]}
        >
          <Select options={optionsOf(ENUM_LABELS.ProposalOrigin)} data-testid="proposal-origin" />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('pages.proposals.form.category')}
          rules={[
            { required: true, whitespace: true, message: t('pages.proposals.form.category.required') },
            lengthRule(LIMITS.category),
          ]}
        >
          <AutoComplete
            options={categories}
            placeholder={t('pages.proposals.form.category.placeholder')}
            filterOption={(input, option) => (option?.value ?? '').includes(input)}
            data-testid="proposal-category"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('pages.proposals.form.title')}
          rules={[
            { required: true, whitespace: true, message: t('pages.proposals.form.title.required') },
            lengthRule(LIMITS.title),
          ]}
        >
          <Input count={counter(LIMITS.title)} data-testid="proposal-title" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('pages.proposals.form.description')}
          rules={[
            { required: true, whitespace: true, message: t('pages.proposals.form.description.required') },
            lengthRule(LIMITS.description),
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            count={counter(LIMITS.description)}
            data-testid="proposal-description"
          />
        </Form.Item>
        <Form.Item
          name="sourceNote"
          label={t('pages.proposals.form.sourceNote')}
          rules={[lengthRule(LIMITS.sourceNote)]}
        >
          <Input
            count={counter(LIMITS.sourceNote)}
            placeholder={t('pages.proposals.form.sourceNote.placeholder')}
            data-testid="proposal-source-note"
          />
        </Form.Item>
        <Form.Item name="unit" label={t('pages.proposals.form.unit')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('pages.proposals.form.unit.placeholder')}
            loading={units.loading}
            options={units.nodes.map((n) => ({ value: n.id, label: n.name }))}
            data-testid="proposal-unit"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
