import { Alert } from 'antd';
import type { MeetingStatus } from '../../../../graphql/graphql';
import { t } from '../../../../locales';

/** What the run screen allows now: read only, not yet published, not yet started, or ended. */
export default function RunStatusAlert({ status, mayManage }: { status: MeetingStatus; mayManage: boolean }) {
  if (!mayManage) return <Alert type="info" showIcon title={t('pages.meetingRun.readOnly')} />;
  if (status === 'DRAFT') return <Alert type="info" showIcon title={t('pages.meetingRun.draft')} />;
  if (status === 'PUBLISHED')
    return (
      <Alert
        type="info"
        showIcon
        title={t('pages.meetingRun.notStarted')}
        data-testid="meeting-run-not-started"
      />
    );
  if (status !== 'IN_SESSION')
    return (
      <Alert type="success" showIcon title={t('pages.meetingRun.ended')} data-testid="meeting-run-ended" />
    );
  return null;
}
