import { useState } from 'react';
import { Button, Flex, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import type { AttendanceStatus, MeetingRunFragment } from '../../../../graphql/graphql';
import { ENUM_LABELS } from '../../../../graphql/enumLabels';
import { t } from '../../../../locales';
import { formatDateTime } from '../../../../utils/format';
import { ATTENDANCE_COLORS } from '../../labels';
import EmptyState from '../../../../components/EmptyState';
import { INPUT_LIMITS, counter, lengthRule } from '../../../../utils/limits';

type Attendance = MeetingRunFragment['attendances'][number];
export type RecordedStatus = Exclude<AttendanceStatus, 'INVITED'>;

const QUICK: ReadonlyArray<{ status: RecordedStatus; danger?: boolean }> = [
  { status: 'PRESENT' },
  { status: 'ON_LEAVE' },
  { status: 'ABSENT', danger: true },
  { status: 'PROXY' },
];

/** 出席登记: every invitee with quick buttons 出席 / 请假 / 缺席 / 委托 (委托 asks for the proxy). */
export default function AttendancePanel({
  attendances,
  editable,
  busy,
  onRecord,
}: {
  attendances: readonly Attendance[];
  editable: boolean;
  busy: boolean;
  onRecord: (person: string, status: RecordedStatus, proxyName?: string) => Promise<boolean>;
}) {
  const [proxyFor, setProxyFor] = useState<Attendance | null>(null);
  const [form] = Form.useForm<{ proxyName: string }>();

  if (attendances.length === 0) return <EmptyState description={t('pages.meetingDetail.invitees.empty')} />;
  return (
    <>
      <List
        dataSource={[...attendances]}
        rowKey={(a) => a.person.id}
        data-testid="attendance-list"
        renderItem={(a) => (
          <List.Item data-testid="attendance-row" data-person={a.person.name} data-status={a.status}>
            <Flex justify="space-between" align="center" wrap gap={8} style={{ width: '100%' }}>
              <Space orientation="vertical" size={0}>
                <Space wrap>
                  <Typography.Text strong style={{ fontSize: 16 }}>
                    {a.person.name}
                  </Typography.Text>
                  <Tag color={ATTENDANCE_COLORS[a.status]} data-testid="attendance-status">
                    {a.statusLabel}
                    {a.status === 'PROXY' && a.proxyName ? `（${a.proxyName}）` : ''}
                  </Tag>
                </Space>
                <Typography.Text type="secondary">
                  {a.unit?.name ?? ''}
                  {a.signedInAt
                    ? ` · ${t('pages.meetingRun.attendance.signedIn', { time: formatDateTime(a.signedInAt) })}`
                    : ''}
                </Typography.Text>
              </Space>
              {editable ? (
                <Space wrap>
                  {QUICK.map((q) => (
                    <Button
                      key={q.status}
                      size="large"
                      type={a.status === q.status ? 'primary' : 'default'}
                      danger={q.danger && a.status === q.status}
                      disabled={busy}
                      onClick={() => {
                        if (q.status === 'PROXY') {
                          form.setFieldsValue({ proxyName: a.proxyName ?? '' });
                          setProxyFor(a);
                        } else void onRecord(a.person.id, q.status);
                      }}
                      data-testid={`attendance-${q.status}`}
                    >
                      {ENUM_LABELS.AttendanceStatus[q.status]}
                    </Button>
                  ))}
                </Space>
              ) : null}
            </Flex>
          </List.Item>
        )}
      />
      <Modal
        open={proxyFor !== null}
        title={t('pages.meetingRun.attendance.proxyTitle', { name: proxyFor?.person.name ?? '' })}
        okText={t('pages.common.confirm')}
        cancelText={t('pages.common.cancel')}
        confirmLoading={busy}
        onCancel={() => setProxyFor(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={async ({ proxyName }) => {
            if (!proxyFor) return;
            const ok = await onRecord(proxyFor.person.id, 'PROXY', proxyName.trim());
            if (ok) setProxyFor(null);
          }}
        >
          <Form.Item
            name="proxyName"
            label={t('pages.meetingRun.attendance.proxyName')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('pages.meetingRun.attendance.proxyName.required'),
              },
              lengthRule(INPUT_LIMITS.AttendanceRecordInput.proxyName),
            ]}
          >
            <Input
              size="large"
              count={counter(INPUT_LIMITS.AttendanceRecordInput.proxyName)}
              data-testid="attendance-proxy-name"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
