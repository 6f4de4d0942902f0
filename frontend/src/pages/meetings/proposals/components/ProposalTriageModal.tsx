import { useState } from 'react';
import { Alert, Form, Input, Modal, Select, Tag, Typography } from 'antd';
import { useMutation } from 'urql';
import type { ProposalRowFragment } from '../../../../graphql/graphql';
import { useAllNodes } from '../../../../hooks/useAllNodes';
import { describeError } from '../../../../providers/errorHandler';
import { t } from '../../../../locales';
import { PROPOSAL_STATUS_COLORS } from '../../labels';
import { ProposalMergeOptionsQuery, ProposalTriageMutation } from '../queries';
import { INPUT_LIMITS, counter, lengthRule } from '../../../../utils/limits';

export type TriageAction = 'MERGE' | 'DECLINE';

interface Values {
  mergeInto?: string;
  reason?: string;
}
const FIELDS: ReadonlyArray<keyof Values> = ['mergeInto', 'reason'];
const isField = (field: string | null): field is keyof Values =>
  field !== null && (FIELDS as readonly string[]).includes(field);

/** 合并 into another proposal of the community, or 不予采纳 with a reason (conveners). */
export default function ProposalTriageModal({
  target,
  onClose,
  onDone,
}: {
  target: { proposal: ProposalRowFragment; action: TriageAction } | null;
  onClose: () => void;
  onDone: (proposal: ProposalRowFragment) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const [{ fetching }, triage] = useMutation(ProposalTriageMutation);
  const proposal = target?.proposal ?? null;
  const merging = target?.action === 'MERGE';

  const options = useAllNodes(
    ProposalMergeOptionsQuery,
    (d) => d.proposals,
    { filter: { organisation: proposal?.community.id ?? null } },
    { pause: !merging || !proposal },
  );

  const close = () => {
    form.resetFields();
    setFormError(null);
    onClose();
  };

  const onFinish = async (values: Values) => {
    if (!target) return;
    setFormError(null);
    const result = await triage({
      input: {
        id: target.proposal.id,
        action: target.action,
        mergeInto: merging ? (values.mergeInto ?? null) : null,
        reason: values.reason?.trim() || null,
      },
    });
    const payload = result.data?.proposalTriage;
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
    if (payload.proposal) {
      form.resetFields();
      onDone(payload.proposal);
    }
  };

  const mergeOptions = options.nodes
    .filter((p) => p.id !== proposal?.id && p.status !== 'MERGED' && p.status !== 'DECLINED')
    .map((p) => ({ value: p.id, label: p.title, status: p.status, statusLabel: p.statusLabel }));

  return (
    <Modal
      open={target !== null}
      title={merging ? t('pages.proposals.triage.merge.title') : t('pages.proposals.triage.decline.title')}
      okText={merging ? t('pages.proposals.triage.merge') : t('pages.proposals.triage.decline')}
      okButtonProps={{ danger: !merging }}
      cancelText={t('pages.common.cancel')}
      confirmLoading={fetching}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
      data-testid="proposal-triage-modal"
    >
      {proposal ? (
        <Typography.Paragraph type="secondary">
          {t('pages.proposals.triage.subject', { title: proposal.title })}
        </Typography.Paragraph>
      ) : null}
      {formError ? (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      <Form<Values> form={form} layout="vertical" name="proposalTriage" onFinish={onFinish}>
        {merging ? (
          <Form.Item
            name="mergeInto"
            label={t('pages.proposals.triage.merge.into')}
            rules={[{ required: true, message: t('pages.proposals.triage.merge.into.required') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={options.loading}
              placeholder={t('pages.proposals.triage.merge.into.placeholder')}
              options={mergeOptions}
              optionRender={(option) => (
                <span>
                  <Tag color={option.data.status ? PROPOSAL_STATUS_COLORS[option.data.status] : undefined}>
                    {option.data.statusLabel}
                  </Tag>
                  {option.data.label}
                </span>
              )}
              data-testid="proposal-merge-into"
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="reason"
          label={t('pages.proposals.triage.reason')}
          rules={[
            ...(merging
              ? []
              : [{ required: true, whitespace: true, message: t('pages.proposals.triage.reason.required') }]),
            lengthRule(INPUT_LIMITS.ProposalTriageInput.reason),
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            count={counter(INPUT_LIMITS.ProposalTriageInput.reason)}
            placeholder={t('pages.proposals.triage.reason.placeholder')}
            data-testid="proposal-triage-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
