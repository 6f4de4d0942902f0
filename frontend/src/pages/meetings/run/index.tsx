import type { ReactNode } from 'react';
import { Button, Card } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import NotFound from '../../../components/NotFound';
import PageContainer from '../../../components/PageContainer';
import PageLoading from '../../../components/PageLoading';
import QueryError from '../../../components/QueryError';
import { t } from '../../../locales';
import { isNotFound } from '../../../providers/errorHandler';
import MeetingRun from './components/MeetingRun';
import { MeetingRunQuery } from './queries';

/** 联席会议 › 会议进行: start, attendance, decisions and action items, close (tablet-friendly). */
export default function MeetingRunPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: MeetingRunQuery, variables: { id } });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const meeting = data?.node?.__typename === 'JointMeeting' ? data.node : null;

  const breadcrumb = [
    { title: t('menu.meetings') },
    { title: t('menu.meetings.list'), to: '/meetings' },
    { title: t('menu.meetings.run') },
  ];
  const back = (
    <Button
      icon={<ArrowLeftOutlined />}
      onClick={() => navigate(meeting ? `/meetings/${encodeURIComponent(meeting.id)}` : '/meetings')}
      data-testid="meeting-run-back"
    >
      {t('pages.meetingRun.back')}
    </Button>
  );
  const shell = (children: ReactNode) => (
    <PageContainer
      title={t('menu.meetings.run')}
      breadcrumb={breadcrumb}
      extra={back}
      testId="meeting-run-page"
    >
      <Card>{children}</Card>
    </PageContainer>
  );

  if (fetching && !data) return shell(<PageLoading rows={12} />);
  if (!meeting && error && !isNotFound(error)) return shell(<QueryError error={error} onRetry={reload} />);
  if (!meeting) return shell(<NotFound backTo="/meetings" />);
  return (
    <MeetingRun key={meeting.id} meeting={meeting} refreshing={fetching} onReload={reload} back={back} />
  );
}
