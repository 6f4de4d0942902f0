import { useEffect } from 'react';
import { Button, Flex, Form, Input, InputNumber, Radio } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import type { DecisionOutcome, MeetingRunFragment } from '../../../../graphql/graphql';
import { ENUM_LABELS } from '../../../../graphql/enumLabels';
import { t } from '../../../../locales';
import { optionsOf } from '../../labels';
import { showFieldErrors, type ApiErrors } from '../../../../utils/fieldErrors';
import { INPUT_LIMITS, counter, lengthRule, rangeRule } from '../../../../utils/limits';

type Item = MeetingRunFragment['agendaItems'][number];

export interface DecisionValues {
  outcome: DecisionOutcome;
  text: string;
  discussionNotes?: string;
  votesFor?: number | null;
  votesAgainst?: number | null;
  votesAbstain?: number | null;
}
const LIMITS = INPUT_LIMITS.DecisionRecordInput;
const FIELDS = ['outcome', 'text', 'discussionNotes', 'votesFor', 'votesAgainst', 'votesAbstain'];

/** 记录决议 of one agenda item: outcome, text, discussion notes and (optionally) the votes. */
export default function DecisionForm({
  item,
  busy,
  onSubmit,
}: {
  item: Item;
  busy: boolean;
  /** returns the API's errors (empty when saved) */
  onSubmit: (values: DecisionValues) => Promise<ApiErrors>;
}) {
  const [form] = Form.useForm<DecisionValues>();
  useEffect(() => {
    form.resetFields();
  }, [form, item.id]);
  const d = item.decision;
  return (
    <Form<DecisionValues>
      form={form}
      layout="vertical"
      name="decisionRecord"
      size="large"
      initialValues={{
        outcome: d?.outcome ?? 'ADOPTED',
        text: d?.text ?? '',
        discussionNotes: item.discussionNotes ?? '',
        votesFor: d?.votesFor ?? null,
        votesAgainst: d?.votesAgainst ?? null,
        votesAbstain: d?.votesAbstain ?? null,
      }}
      onFinish={async (values) => {
        const errors = await onSubmit({
          ...values,
          text: values.text.trim(),
          discussionNotes: values.discussionNotes?.trim() || undefined,
        });
        showFieldErrors(form, FIELDS, errors);
      }}
      data-testid="decision-form"
    >
      <Form.Item name="outcome" label={t('pages.meetingRun.decision.outcome')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={optionsOf(ENUM_LABELS.DecisionOutcome)}
          data-testid="decision-outcome"
        />
      </Form.Item>
      <Form.Item
        name="text"
        label={t('pages.meetingRun.decision.text')}
        rules={[
          { required: true, whitespace: true, message: t('pages.meetingRun.decision.text.required') },
          lengthRule(LIMITS.text),
        ]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          count={counter(LIMITS.text)}
          data-testid="decision-text"
        />
      </Form.Item>
      <Form.Item
        name="discussionNotes"
        label={t('pages.meetingRun.decision.notes')}
        rules={[lengthRule(LIMITS.discussionNotes)]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          count={counter(LIMITS.discussionNotes)}
          data-testid="decision-notes"
        />
      </Form.Item>
      <Flex gap={16} wrap>
        <Form.Item
          name="votesFor"
          label={t('pages.meetingRun.decision.votesFor')}
          rules={[rangeRule(LIMITS.votesFor)]}
        >
          <InputNumber data-testid="decision-votes-for" />
        </Form.Item>
        <Form.Item
          name="votesAgainst"
          label={t('pages.meetingRun.decision.votesAgainst')}
          rules={[rangeRule(LIMITS.votesAgainst)]}
        >
          <InputNumber data-testid="decision-votes-against" />
        </Form.Item>
        <Form.Item
          name="votesAbstain"
          label={t('pages.meetingRun.decision.votesAbstain')}
          rules={[rangeRule(LIMITS.votesAbstain)]}
        >
          <InputNumber data-testid="decision-votes-abstain" />
        </Form.Item>
      </Flex>
      <Button
        type="primary"
        htmlType="submit"
        icon={<CheckOutlined />}
        loading={busy}
        data-testid="decision-submit"
      >
        {d ? t('pages.meetingRun.decision.update') : t('pages.meetingRun.decision.submit')}
      </Button>
    </Form>
  );
}
