import { useState } from 'react';
import { Button, Card, Descriptions, Result } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import NotFound from '../../../components/NotFound';
import PageContainer from '../../../components/PageContainer';
import PageLoading from '../../../components/PageLoading';
import QueryError from '../../../components/QueryError';
import { t } from '../../../locales';
import { describeError, isNotFound } from '../../../providers/errorHandler';
import { formatMeetingTime } from '../../../utils/format';
import { AttendanceSignInMutation, SignInMeetingQuery } from './queries';

type Outcome = { ok: true } | { ok: false; message: string };

/** 会议签到: an invitee opens the QR code's link and signs themself in. */
export default function MeetingSignInPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const code = params.get('code') ?? '';
  const [{ data, fetching, error }, reexecute] = useQuery({ query: SignInMeetingQuery, variables: { id } });
  const [{ fetching: signing }, signIn] = useMutation(AttendanceSignInMutation);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const meeting = data?.node?.__typename === 'JointMeeting' ? data.node : null;

  const submit = async () => {
    const result = await signIn({ input: { meeting: id, code } });
    const payload = result.data?.attendanceSignIn;
    if (!payload) {
      setOutcome({
        ok: false,
        message: result.error ? describeError(result.error).description : t('pages.common.error.unknown'),
      });
    } else if (payload.errors.length > 0) {
      setOutcome({ ok: false, message: payload.errors.map((e) => e.message).join('；') });
    } else setOutcome({ ok: true });
  };

  let body;
  if (fetching && !data) body = <PageLoading rows={4} />;
  else if (!meeting && error && !isNotFound(error))
    body = <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  else if (!meeting) body = <NotFound backTo="/meetings" />;
  else if (outcome?.ok)
    body = (
      <Result
        status="success"
        title={t('pages.meetingSignIn.success')}
        subTitle={meeting.title}
        data-testid="meeting-sign-in-success"
      />
    );
  else
    body = (
      <>
        <Descriptions
          column={1}
          items={[
            { key: 'title', label: t('pages.meetingSignIn.meeting'), children: meeting.title },
            {
              key: 'time',
              label: t('pages.meetings.time'),
              children: formatMeetingTime(meeting.startsAt, meeting.endsAt),
            },
            { key: 'venue', label: t('pages.meetings.venue'), children: meeting.venue },
          ]}
        />
        {outcome && !outcome.ok ? (
          <Result
            status="error"
            title={t('pages.meetingSignIn.failed')}
            subTitle={<span data-testid="meeting-sign-in-error">{outcome.message}</span>}
          />
        ) : null}
        {!code ? (
          <Result status="warning" title={t('pages.meetingSignIn.noCode')} />
        ) : (
          <Button
            type="primary"
            size="large"
            block
            icon={<CheckCircleOutlined />}
            loading={signing}
            onClick={() => void submit()}
            style={{ height: 56, fontSize: 18 }}
            data-testid="meeting-sign-in-submit"
          >
            {t('pages.meetingSignIn.submit')}
          </Button>
        )}
      </>
    );

  return (
    <PageContainer
      title={t('menu.meetings.signIn')}
      breadcrumb={[{ title: t('menu.meetings') }, { title: t('menu.meetings.signIn') }]}
      extra={<Link to="/">{t('pages.common.back')}</Link>}
      testId="meeting-sign-in-page"
    >
      <Card style={{ maxWidth: 560 }}>{body}</Card>
    </PageContainer>
  );
}
