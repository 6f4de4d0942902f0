import { useState } from 'react';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Popconfirm,
  Rate,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { CheckOutlined, CloseOutlined, MergeCellsOutlined, SendOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import Attachments from '../../../../components/Attachments';
import { t } from '../../../../locales';
import { formatDateTime, statusColor } from '../../../../utils/format';
import { payloadSucceeded } from '../../../../utils/fieldErrors';
import { INPUT_LIMITS, counter, lengthRule, rangeRule } from '../../../../utils/limits';
import {
  NeedCloseMutation,
  NeedDispatchWithdrawMutation,
  NeedSolveMutation,
  NeedTriageMutation,
  NeedsBoardQuery,
} from '../queries';
import type { Need } from './NeedCard';
import { useTypeahead } from '../../../../hooks/useTypeahead';

type Dialog = 'reject' | 'merge' | 'close' | null;
const REJECT_LIMITS = INPUT_LIMITS.NeedTriageInput;
const CLOSE_LIMITS = INPUT_LIMITS.NeedCloseInput;

/**
 * A need's details and the next step for the staff who handle it (the need's viewerCanHandle,
 * computed by the server): triage, dispatch, solve, close.
 */
export default function NeedDrawer({
  need,
  onClose,
  onChanged,
}: {
  need: Need | null;
  onClose: () => void;
  onChanged: (need: Need) => void;
}) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const [{ fetching: triaging }, triage] = useMutation(NeedTriageMutation);
  const [{ fetching: solving }, solve] = useMutation(NeedSolveMutation);
  const [{ fetching: closing }, close] = useMutation(NeedCloseMutation);
  const [{ fetching: withdrawing }, withdraw] = useMutation(NeedDispatchWithdrawMutation);
  const mergeSearch = useTypeahead(INPUT_LIMITS.NeedFilter.search);
  const [candidates] = useQuery({
    query: NeedsBoardQuery,
    variables: {
      filter: { search: mergeSearch.search, organisation: need?.community.id ?? null },
      first: 20,
    },
    pause: dialog !== 'merge' || mergeSearch.search === null,
  });
  const fail = (text: string) => message.error(`${t('pages.needs.saveFailed')}：${text}`);

  const done = (updated: Need | null | undefined, text: string) => {
    if (!updated) return;
    message.success(text);
    setDialog(null);
    onChanged(updated);
  };

  const onTriage = async (
    action: 'ACCEPT' | 'REJECT' | 'MERGE',
    values: { reason?: string; mergeInto?: string },
  ) => {
    if (!need) return;
    const result = await triage({
      input: { need: need.id, action, reason: values.reason ?? null, mergeInto: values.mergeInto ?? null },
    });
    const payload = result.data?.needTriage;
    const fields = ['reason', 'mergeInto'];
    if (payloadSucceeded(result, payload, fail, { instance: form, fields }))
      done(
        payload.need,
        t(
          action === 'ACCEPT'
            ? 'pages.needs.accepted'
            : action === 'REJECT'
              ? 'pages.needs.rejected'
              : 'pages.needs.merged',
        ),
      );
  };

  const onWithdraw = async () => {
    const pending = need?.dispatches.find((d) => d.status === 'PENDING');
    if (!pending) return;
    const result = await withdraw({ dispatch: pending.id });
    const payload = result.data?.needDispatchWithdraw;
    if (payloadSucceeded(result, payload, fail)) done(payload.need, t('pages.needs.withdrawn'));
  };

  const onSolve = async () => {
    if (!need) return;
    const result = await solve({ need: need.id });
    const payload = result.data?.needSolve;
    if (payloadSucceeded(result, payload, fail)) done(payload.need, t('pages.needs.solved'));
  };

  const onCloseNeed = async (values: { satisfaction: number; feedback?: string }) => {
    if (!need) return;
    const result = await close({
      input: { need: need.id, satisfaction: values.satisfaction, feedback: values.feedback ?? null },
    });
    const payload = result.data?.needClose;
    const fields = ['satisfaction', 'feedback'];
    if (payloadSucceeded(result, payload, fail, { instance: form, fields }))
      done(payload.need, t('pages.needs.closed'));
  };

  const actions = need?.viewerCanHandle ? (
    <Space wrap>
      {need.status === 'SUBMITTED' ? (
        <>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            loading={triaging}
            onClick={() => void onTriage('ACCEPT', {})}
            data-testid="need-accept"
          >
            {t('pages.needs.accept')}
          </Button>
          <Button icon={<MergeCellsOutlined />} onClick={() => setDialog('merge')} data-testid="need-merge">
            {t('pages.needs.merge')}
          </Button>
          <Button
            danger
            icon={<CloseOutlined />}
            onClick={() => setDialog('reject')}
            data-testid="need-reject"
          >
            {t('pages.needs.reject')}
          </Button>
        </>
      ) : null}
      {need.status === 'ACCEPTED' ? (
        <Button
          type="primary"
          icon={<SendOutlined />}
          onClick={() => navigate(`/cobuilding/needs/${encodeURIComponent(need.id)}/dispatch`)}
          data-testid="need-dispatch"
        >
          {t('pages.needs.dispatch')}
        </Button>
      ) : null}
      {need.status === 'DISPATCHED' ? (
        <Popconfirm title={t('pages.needs.withdraw.confirm')} onConfirm={() => void onWithdraw()}>
          <Button loading={withdrawing} data-testid="need-withdraw">
            {t('pages.needs.withdraw')}
          </Button>
        </Popconfirm>
      ) : null}
      {need.status === 'IN_PROGRESS' ? (
        <Button type="primary" loading={solving} onClick={() => void onSolve()} data-testid="need-solve">
          {t('pages.needs.solve')}
        </Button>
      ) : null}
      {need.status === 'SOLVED' ? (
        <Button type="primary" onClick={() => setDialog('close')} data-testid="need-close">
          {t('pages.needs.close')}
        </Button>
      ) : null}
    </Space>
  ) : null;

  return (
    <Drawer
      open={need !== null}
      onClose={onClose}
      size="large"
      title={need?.title}
      extra={actions}
      data-testid="need-drawer"
    >
      {need ? (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('pages.common.status')}>
              <Tag color={statusColor(need.status)} data-testid="need-drawer-status">
                {need.statusLabel}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('pages.needs.field.description')}>
              {need.description}
            </Descriptions.Item>
            <Descriptions.Item label={t('pages.needs.field.category')}>{need.category}</Descriptions.Item>
            <Descriptions.Item label={t('pages.needs.field.urgency')}>{need.urgencyLabel}</Descriptions.Item>
            <Descriptions.Item label={t('pages.needs.field.source')}>{need.sourceLabel}</Descriptions.Item>
            <Descriptions.Item label={t('pages.needs.field.grid')}>
              {[need.community.name, need.grid?.name].filter(Boolean).join(' · ')}
            </Descriptions.Item>
            <Descriptions.Item label={t('pages.needs.raisedAt')}>
              {formatDateTime(need.raisedAt)}
            </Descriptions.Item>
            {need.project ? (
              <Descriptions.Item label={t('pages.needs.project')}>
                <Typography.Link
                  onClick={() => navigate(`/cobuilding/projects/${encodeURIComponent(need.project!.id)}`)}
                  data-testid="need-project"
                >
                  {need.project.title}
                </Typography.Link>
              </Descriptions.Item>
            ) : null}
            {need.mergedInto ? (
              <Descriptions.Item label={t('pages.needs.mergedInto')}>
                {need.mergedInto.title}
              </Descriptions.Item>
            ) : null}
            {need.rejectReason ? (
              <Descriptions.Item label={t('pages.needs.rejectReason')}>{need.rejectReason}</Descriptions.Item>
            ) : null}
            {need.satisfaction ? (
              <Descriptions.Item label={t('pages.needs.close.satisfaction')}>
                <Rate disabled value={need.satisfaction} />
                {need.feedback ? <div>{need.feedback}</div> : null}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Attachments files={need.photos} size={96} testId="need-photo" />
          <div>
            <Typography.Title level={5}>{t('pages.needs.dispatches')}</Typography.Title>
            {need.dispatches.length === 0 ? (
              <Typography.Text type="secondary">{t('pages.needs.dispatches.empty')}</Typography.Text>
            ) : (
              <Timeline
                items={need.dispatches.map((d) => ({
                  key: d.id,
                  color: d.status === 'ACCEPTED' ? 'green' : d.status === 'DECLINED' ? 'red' : 'blue',
                  content: (
                    <span data-testid="need-dispatch-entry">
                      {formatDateTime(d.createdAt)} → {d.unit.name}：{d.statusLabel}
                      {d.declineReason ? `（${d.declineReason}）` : ''}
                    </span>
                  ),
                }))}
              />
            )}
          </div>
        </Space>
      ) : null}
      <Modal
        open={dialog !== null}
        title={
          dialog === 'reject'
            ? t('pages.needs.reject')
            : dialog === 'merge'
              ? t('pages.needs.merge')
              : t('pages.needs.close')
        }
        okText={t('pages.common.confirm')}
        cancelText={t('pages.common.cancel')}
        confirmLoading={triaging || closing}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(values: {
            reason?: string;
            mergeInto?: string;
            satisfaction?: number;
            feedback?: string;
          }) => {
            if (dialog === 'reject') void onTriage('REJECT', values);
            if (dialog === 'merge') void onTriage('MERGE', values);
            if (dialog === 'close')
              void onCloseNeed({ satisfaction: values.satisfaction ?? 0, feedback: values.feedback });
          }}
        >
          {dialog === 'reject' ? (
            <Form.Item
              name="reason"
              label={t('pages.needs.reject.reason')}
              rules={[{ required: true, whitespace: true }, lengthRule(REJECT_LIMITS.reason)]}
            >
              <Input.TextArea
                autoSize={{ minRows: 3 }}
                count={counter(REJECT_LIMITS.reason)}
                data-testid="need-reject-reason"
              />
            </Form.Item>
          ) : null}
          {dialog === 'merge' ? (
            <Form.Item name="mergeInto" label={t('pages.needs.merge.target')} rules={[{ required: true }]}>
              <Select
                showSearch={{ filterOption: false, onSearch: mergeSearch.onSearch }}
                notFoundContent={mergeSearch.tooLongMessage}
                loading={candidates.fetching}
                options={(mergeSearch.shown(candidates.data)?.needs.edges ?? [])
                  .map((e) => e.node)
                  .filter((n) => n.id !== need?.id)
                  .map((n) => ({ value: n.id, label: `${n.title}（${n.statusLabel}）` }))}
                data-testid="need-merge-target"
              />
            </Form.Item>
          ) : null}
          {dialog === 'close' ? (
            <>
              <Form.Item
                name="satisfaction"
                label={t('pages.needs.close.satisfaction')}
                rules={[{ required: true }, rangeRule(CLOSE_LIMITS.satisfaction)]}
              >
                <Rate data-testid="need-close-satisfaction" />
              </Form.Item>
              <Form.Item
                name="feedback"
                label={t('pages.needs.close.feedback')}
                rules={[lengthRule(CLOSE_LIMITS.feedback)]}
              >
                <Input.TextArea
                  autoSize={{ minRows: 2 }}
                  count={counter(CLOSE_LIMITS.feedback)}
                  data-testid="need-close-feedback"
                />
              </Form.Item>
            </>
          ) : null}
        </Form>
      </Modal>
    </Drawer>
  );
}
