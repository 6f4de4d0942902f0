import { useState } from 'react';
import { Alert, Button, Card, Flex, Result, Space, Typography } from 'antd';
import { LoginOutlined, LogoutOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import PageContainer from '../../../components/PageContainer';
import PageLoading from '../../../components/PageLoading';
import QueryError from '../../../components/QueryError';
import { t } from '../../../locales';
import { describeError } from '../../../providers/errorHandler';
import { formatMeetingTime } from '../../../utils/format';
import { CheckInActivityQuery, SelfCheckInMutation, SelfCheckOutMutation } from './queries';

/** 扫码签到: what a volunteer's phone opens from the activity's QR code. */
export default function ActivityCheckInPage() {
  const [params] = useSearchParams();
  const code = params.get('code') ?? '';
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CheckInActivityQuery,
    variables: { code },
    pause: !code,
  });
  const [{ fetching: checkingIn }, checkIn] = useMutation(SelfCheckInMutation);
  const [{ fetching: checkingOut }, checkOut] = useMutation(SelfCheckOutMutation);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const activity = data?.volunteerActivityByCode;

  const run = async (out: boolean) => {
    const result = out ? await checkOut({ input: { code } }) : await checkIn({ input: { code } });
    const payload =
      result.data &&
      ('activityCheckOut' in result.data ? result.data.activityCheckOut : result.data.activityCheckIn);
    if (!payload) {
      setOutcome({
        ok: false,
        text: result.error ? describeError(result.error).description : t('pages.common.error.unknown'),
      });
    } else if (payload.errors.length > 0) {
      setOutcome({ ok: false, text: payload.errors.map((e) => e.message).join('；') });
    } else if ('serviceRecord' in payload && payload.serviceRecord) {
      setOutcome({
        ok: true,
        text: t('pages.activities.checkedOut', {
          hours: payload.serviceRecord.hours,
          points: payload.serviceRecord.points,
        }),
      });
    } else {
      setOutcome({ ok: true, text: t('pages.activities.checkedIn') });
    }
  };

  let body;
  if (!code || (data && !activity))
    body = (
      <Result
        status="warning"
        title={t('pages.activities.selfCheck.badCode')}
        data-testid="self-check-bad-code"
      />
    );
  else if (fetching && !data) body = <PageLoading rows={3} />;
  else if (error && !data)
    body = <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  else if (activity)
    body = (
      <Flex vertical gap={16} align="center">
        <Typography.Title level={3}>{activity.title}</Typography.Title>
        <Typography.Text type="secondary">
          {formatMeetingTime(activity.startsAt, activity.endsAt)} · {activity.place}
        </Typography.Text>
        {outcome ? (
          <Alert
            type={outcome.ok ? 'success' : 'error'}
            showIcon
            title={outcome.text}
            data-testid={outcome.ok ? 'self-check-success' : 'self-check-error'}
          />
        ) : null}
        <Space size="large">
          <Button
            type="primary"
            size="large"
            icon={<LoginOutlined />}
            loading={checkingIn}
            onClick={() => void run(false)}
            data-testid="self-check-in"
          >
            {t('pages.activities.checkIn')}
          </Button>
          <Button
            size="large"
            icon={<LogoutOutlined />}
            loading={checkingOut}
            onClick={() => void run(true)}
            data-testid="self-check-out"
          >
            {t('pages.activities.checkOut')}
          </Button>
        </Space>
      </Flex>
    );

  return (
    <PageContainer title={t('pages.activities.selfCheck.title')} testId="self-check-page">
      <Card>{body}</Card>
    </PageContainer>
  );
}
