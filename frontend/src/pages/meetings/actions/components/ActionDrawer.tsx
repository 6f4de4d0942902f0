import { useState } from 'react';
import { Button, Descriptions, Drawer, Form, Input, Modal, Space, Tag } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { t } from '../../../../locales';
import { formatDate, orNone } from '../../../../utils/format';
import { ACTION_ITEM_STATUS_COLORS } from '../../labels';
import type { ActionItem } from './ActionCard';
import ProgressHistory from './ProgressHistory';
import { INPUT_LIMITS, counter, lengthRule } from '../../../../utils/limits';

/**
 * An action item's details and progress; whoever manages the deciding meeting verifies a completed
 * item or sends it back (the item's viewerCanVerify, computed by the server).
 */
export default function ActionDrawer({
  item,
  busy,
  onClose,
  onVerify,
}: {
  item: ActionItem | null;
  busy: boolean;
  onClose: () => void;
  /** returns the API's error for the note, if any; null when done */
  onVerify: (item: ActionItem, accept: boolean, note?: string) => Promise<string | null>;
}) {
  const [rejecting, setRejecting] = useState(false);
  const [form] = Form.useForm<{ note: string }>();
  return (
    <Drawer
      open={item !== null}
      onClose={onClose}
      size={560}
      title={item?.title}
      data-testid="action-drawer"
      extra={
        item?.viewerCanVerify ? (
          <Space>
            <Button
              type="primary"
              icon={<CheckOutlined />}
              loading={busy}
              onClick={() => void onVerify(item, true)}
              data-testid="action-verify"
            >
              {t('pages.actions.verify')}
            </Button>
            <Button
              danger
              icon={<RollbackOutlined />}
              onClick={() => {
                form.resetFields();
                setRejecting(true);
              }}
              data-testid="action-reject"
            >
              {t('pages.actions.reject')}
            </Button>
          </Space>
        ) : null
      }
    >
      {item ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions
            column={1}
            size="small"
            items={[
              {
                key: 'status',
                label: t('pages.actions.status'),
                children: (
                  <Tag color={ACTION_ITEM_STATUS_COLORS[item.status]} data-testid="action-drawer-status">
                    {item.statusLabel}
                  </Tag>
                ),
              },
              {
                key: 'unit',
                label: t('pages.meetingRun.action.ownerUnit'),
                children: orNone(item.ownerUnit?.name),
              },
              {
                key: 'person',
                label: t('pages.actions.ownerPerson'),
                children: orNone(item.ownerPerson?.name),
              },
              { key: 'due', label: t('pages.meetingRun.action.dueOn'), children: formatDate(item.dueOn) },
              {
                key: 'expected',
                label: t('pages.meetingRun.action.expectedResult'),
                children: orNone(item.expectedResult),
              },
              {
                key: 'meeting',
                label: t('pages.actions.meeting'),
                children: (
                  <Link to={`/meetings/${encodeURIComponent(item.meeting.id)}`}>{item.meeting.title}</Link>
                ),
              },
            ]}
          />
          <ProgressHistory progress={item.progress} />
        </Space>
      ) : null}
      <Modal
        open={rejecting}
        title={t('pages.actions.reject.title')}
        okText={t('pages.common.confirm')}
        cancelText={t('pages.common.cancel')}
        confirmLoading={busy}
        onCancel={() => setRejecting(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={async ({ note }) => {
            if (!item) return;
            const error = await onVerify(item, false, note.trim());
            if (error) form.setFields([{ name: 'note', errors: [error] }]);
            else setRejecting(false);
          }}
        >
          <Form.Item
            name="note"
            label={t('pages.actions.reject.note')}
            rules={[
              { required: true, whitespace: true, message: t('pages.actions.reject.note.required') },
              lengthRule(INPUT_LIMITS.ActionItemVerifyInput.note),
            ]}
          >
            <Input.TextArea
              autoSize={{ minRows: 3 }}
              count={counter(INPUT_LIMITS.ActionItemVerifyInput.note)}
              data-testid="action-reject-note"
            />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
