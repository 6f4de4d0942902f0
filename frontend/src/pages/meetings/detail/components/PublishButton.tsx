import { Button, Popconfirm } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import type { MeetingStatus } from '../../../../graphql/graphql';
import { t } from '../../../../locales';

/** 发布议程 / 重新发布: publish the agenda (a new version) to the invitees, after a confirmation. */
export default function PublishButton({
  status,
  itemCount,
  inviteeCount,
  unpublished,
  busy,
  onPublish,
}: {
  status: MeetingStatus;
  itemCount: number;
  inviteeCount: number;
  /** the agenda differs from its latest published version */
  unpublished: boolean;
  busy: boolean;
  onPublish: () => Promise<void>;
}) {
  // Publishing an unchanged agenda again would only notify everyone of nothing.
  const blocked =
    itemCount === 0
      ? t('pages.meetingDetail.publish.empty')
      : status === 'PUBLISHED' && !unpublished
        ? t('pages.meetingDetail.publish.unchanged')
        : null;
  return (
    <Popconfirm
      title={
        status === 'DRAFT'
          ? t('pages.meetingDetail.publish.confirm', { count: inviteeCount })
          : t('pages.meetingDetail.republish.confirm', { count: inviteeCount })
      }
      okText={t('pages.common.confirm')}
      cancelText={t('pages.common.cancel')}
      onConfirm={onPublish}
      disabled={blocked !== null || busy}
    >
      <Button
        type="primary"
        icon={<SendOutlined />}
        disabled={blocked !== null || busy}
        title={blocked ?? undefined}
        data-testid="agenda-publish"
      >
        {status === 'DRAFT' ? t('pages.meetingDetail.publish') : t('pages.meetingDetail.republish')}
      </Button>
    </Popconfirm>
  );
}
