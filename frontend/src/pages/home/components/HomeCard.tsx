import type { ReactNode } from 'react';
import { Card, Skeleton } from 'antd';
import type { CombinedError } from 'urql';
import { Link } from 'react-router-dom';
import QueryError from '../../../components/QueryError';
import { t } from '../../../locales';

/** One card of the home page: its title, a link to the page where the work is done, and its
 * loading and error states. */
export default function HomeCard({
  title,
  more,
  testId,
  fetching,
  error,
  onRetry,
  children,
}: {
  title: string;
  more?: string;
  testId: string;
  fetching: boolean;
  error?: CombinedError;
  onRetry: () => void;
  children: ReactNode;
}) {
  let body = children;
  if (error) body = <QueryError error={error} onRetry={onRetry} compact />;
  else if (fetching) body = <Skeleton active paragraph={{ rows: 3 }} />;
  return (
    <Card
      title={title}
      extra={more ? <Link to={more}>{t('pages.home.more')}</Link> : undefined}
      data-testid={testId}
      style={{ height: '100%' }}
    >
      {body}
    </Card>
  );
}
