import { Button, Popconfirm, Space } from 'antd';
import { PlayCircleOutlined, StopOutlined } from '@ant-design/icons';
import type { MeetingStatus } from '../../../../graphql/graphql';
import { t } from '../../../../locales';

/** 开始会议 (once published) and 结束会议 (in session), each after a confirmation. */
export default function RunActions({
  status,
  busy,
  onStart,
  onClose,
}: {
  status: MeetingStatus;
  busy: boolean;
  onStart: () => Promise<void>;
  onClose: () => Promise<void>;
}) {
  return (
    <Space wrap>
      {status === 'PUBLISHED' ? (
        <Popconfirm
          title={t('pages.meetingRun.start.confirm')}
          okText={t('pages.common.confirm')}
          cancelText={t('pages.common.cancel')}
          onConfirm={onStart}
        >
          <Button
            type="primary"
            size="large"
            icon={<PlayCircleOutlined />}
            loading={busy}
            data-testid="meeting-start"
          >
            {t('pages.meetingRun.start')}
          </Button>
        </Popconfirm>
      ) : null}
      {status === 'IN_SESSION' ? (
        <Popconfirm
          title={t('pages.meetingRun.close.confirm')}
          okText={t('pages.common.confirm')}
          cancelText={t('pages.common.cancel')}
          onConfirm={onClose}
        >
          <Button danger size="large" icon={<StopOutlined />} loading={busy} data-testid="meeting-close">
            {t('pages.meetingRun.close')}
          </Button>
        </Popconfirm>
      ) : null}
    </Space>
  );
}
