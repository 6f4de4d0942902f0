import { Button, Card } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import NotFound from '../../../components/NotFound';
import PageContainer from '../../../components/PageContainer';
import PageLoading from '../../../components/PageLoading';
import QueryError from '../../../components/QueryError';
import { isNotFound } from '../../../providers/errorHandler';
import { t } from '../../../locales';
import AgendaBuilder from './components/AgendaBuilder';
import { JointMeetingDetailQuery } from './queries';

/** 联席会议 › 会议详情: the agenda builder of one meeting. */
export default function JointMeetingDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: JointMeetingDetailQuery,
    variables: { id },
  });
  const reload = () => reexecute({ requestPolicy: 'network-only' });

  const breadcrumb = [
    { title: t('menu.meetings') },
    { title: t('menu.meetings.list'), to: '/meetings' },
    { title: t('menu.meetings.detail') },
  ];
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/meetings')}>
      {t('pages.common.backToList')}
    </Button>
  );
  const meeting = data?.node?.__typename === 'JointMeeting' ? data.node : null;

  if (fetching && !data) {
    return (
      <PageContainer title={t('menu.meetings.detail')} breadcrumb={breadcrumb} testId="meeting-detail-page">
        <PageLoading rows={12} />
      </PageContainer>
    );
  }
  if (!meeting && error && !isNotFound(error)) {
    return (
      <PageContainer title={t('menu.meetings.detail')} breadcrumb={breadcrumb} testId="meeting-detail-page">
        <Card>
          <QueryError error={error} onRetry={reload} />
        </Card>
      </PageContainer>
    );
  }
  if (!meeting) {
    return (
      <PageContainer
        title={t('menu.meetings.detail')}
        breadcrumb={breadcrumb}
        extra={back}
        testId="meeting-detail-page"
      >
        <Card>
          <NotFound backTo="/meetings" />
        </Card>
      </PageContainer>
    );
  }
  return (
    <AgendaBuilder key={meeting.id} fetched={meeting} refreshing={fetching} onReload={reload} back={back} />
  );
}
