import { Button, Result } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { CombinedError } from 'urql';
import { describeError, isForbidden } from '../providers/errorHandler';
import { t } from '../locales';
import Forbidden from './Forbidden';

/**
 * The error state of a page or section: the (Chinese) message and a retry button; a 403 result
 * when the user's roles may not read it (retrying would not help).
 */
export default function QueryError({
  error,
  onRetry,
  compact = false,
}: {
  error: CombinedError | Error;
  onRetry?: () => void;
  compact?: boolean;
}) {
  if (isForbidden(error)) return <Forbidden compact={compact} />;
  const { title, description, network } = describeError(error);
  return (
    <div role="alert" data-testid="query-error">
      <Result
        status={network ? 'warning' : 'error'}
        title={title}
        subTitle={description}
        style={compact ? { padding: '16px 0' } : undefined}
        extra={
          onRetry ? (
            <Button type="primary" icon={<ReloadOutlined />} onClick={onRetry} data-testid="retry-button">
              {t('pages.common.retry')}
            </Button>
          ) : null
        }
      />
    </div>
  );
}
