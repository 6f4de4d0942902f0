import { Alert, Button } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { t } from '../../../../locales';

/** The API refused a change made on a stale version of the meeting: offer to load it again. */
export default function ConflictAlert({
  conflict,
  refreshing,
  onReload,
}: {
  /** the API's message (null: no conflict) */
  conflict: string | null;
  refreshing: boolean;
  onReload: () => void;
}) {
  if (!conflict) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('pages.meetingDetail.conflict.title')}
      description={conflict}
      data-testid="version-conflict"
      action={
        <Button
          icon={<ReloadOutlined />}
          loading={refreshing}
          onClick={onReload}
          data-testid="version-conflict-reload"
        >
          {t('pages.meetingDetail.conflict.reload')}
        </Button>
      }
    />
  );
}
