import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Flex,
  Modal,
  QRCode,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import { LoginOutlined, LogoutOutlined, UserAddOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import NotFound from '../../../../components/NotFound';
import PageContainer from '../../../../components/PageContainer';
import PageLoading from '../../../../components/PageLoading';
import QueryError from '../../../../components/QueryError';
import type { ActivityDetailFragment } from '../../../../graphql/graphql';
import { t } from '../../../../locales';
import { isNotFound } from '../../../../providers/errorHandler';
import { formatDateTime, formatMeetingTime, orNone } from '../../../../utils/format';
import { payloadSucceeded } from '../../../../utils/fieldErrors';
import {
  ActivityCheckInMutation,
  ActivityCheckOutMutation,
  ActivityDetailQuery,
  ActivitySignUpMutation,
  VolunteerSearchQuery,
} from './queries';
import { useTypeahead } from '../../../../hooks/useTypeahead';

type Signup = ActivityDetailFragment['signups'][number];
type Check = { signup: Signup; out: boolean };

/** 活动签到: the QR code volunteers scan, and the roster the coordinator signs in and out. */
export default function ActivityDetailPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ActivityDetailQuery, variables: { id } });
  const activity = data?.node && 'signups' in data.node ? data.node : null;
  /** sign others up, sign them in and out: the activity's coordinators (computed by the server) */
  const canManage = activity?.viewerCanManage ?? false;
  const typeahead = useTypeahead();
  const [people] = useQuery({
    query: VolunteerSearchQuery,
    variables: { search: typeahead.search ?? '' },
    pause: typeahead.search === null,
  });
  const [person, setPerson] = useState<string | undefined>();
  const [check, setCheck] = useState<Check | null>(null);
  const [at, setAt] = useState<Dayjs>(dayjs());
  const [{ fetching: signing }, signUp] = useMutation(ActivitySignUpMutation);
  const [{ fetching: checkingIn }, checkIn] = useMutation(ActivityCheckInMutation);
  const [{ fetching: checkingOut }, checkOut] = useMutation(ActivityCheckOutMutation);
  const fail = (text: string) => message.error(`${t('pages.needs.saveFailed')}：${text}`);

  const onSignUp = async (who?: string) => {
    const result = await signUp({ input: { activity: id, person: who ?? null } });
    if (payloadSucceeded(result, result.data?.activitySignUp, fail)) {
      message.success(t('pages.activities.signedUp'));
      setPerson(undefined);
    }
  };

  const atInFuture = at.isAfter(dayjs(), 'minute');
  const onCheck = async () => {
    if (!check) return;
    const input = { activity: id, person: check.signup.person.id, at: at.toISOString() };
    if (check.out) {
      const result = await checkOut({ input });
      const payload = result.data?.activityCheckOut;
      if (payloadSucceeded(result, payload, fail)) {
        const record = payload.serviceRecord;
        message.success(
          t('pages.activities.checkedOut', { hours: record?.hours ?? 0, points: record?.points ?? 0 }),
        );
        setCheck(null);
      }
    } else {
      const result = await checkIn({ input });
      if (payloadSucceeded(result, result.data?.activityCheckIn, fail)) {
        message.success(t('pages.activities.checkedIn'));
        setCheck(null);
      }
    }
  };

  const columns: TableProps<Signup>['columns'] = [
    { title: t('pages.activities.placeNumber'), dataIndex: 'placeNumber', width: 70 },
    {
      title: t('pages.activities.volunteer'),
      key: 'person',
      render: (_, s) => (
        <Link to={`/volunteering/people/${encodeURIComponent(s.person.id)}`} data-testid="signup-person">
          {s.person.name}
        </Link>
      ),
    },
    {
      title: t('pages.activities.checkedInAt'),
      key: 'in',
      render: (_, s) => orNone(s.checkedInAt && formatDateTime(s.checkedInAt)),
    },
    {
      title: t('pages.activities.checkedOutAt'),
      key: 'out',
      render: (_, s) => orNone(s.checkedOutAt && formatDateTime(s.checkedOutAt)),
    },
    {
      title: t('pages.activities.service'),
      key: 'service',
      render: (_, s) =>
        s.serviceRecord ? (
          <Tag color="green" data-testid="signup-service">
            {t('pages.activities.serviceSummary', {
              hours: s.serviceRecord.hours,
              points: s.serviceRecord.points,
            })}
          </Tag>
        ) : (
          orNone(null)
        ),
    },
    ...(canManage
      ? [
          {
            title: t('pages.common.actions'),
            key: 'actions',
            render: (_: unknown, s: Signup) =>
              !s.checkedInAt ? (
                <Button
                  size="large"
                  icon={<LoginOutlined />}
                  onClick={() => {
                    setAt(dayjs());
                    setCheck({ signup: s, out: false });
                  }}
                  data-testid="signup-check-in"
                >
                  {t('pages.activities.checkIn')}
                </Button>
              ) : !s.checkedOutAt ? (
                <Button
                  size="large"
                  type="primary"
                  icon={<LogoutOutlined />}
                  onClick={() => {
                    setAt(dayjs());
                    setCheck({ signup: s, out: true });
                  }}
                  data-testid="signup-check-out"
                >
                  {t('pages.activities.checkOut')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  let body;
  if (fetching && !data) body = <PageLoading rows={8} />;
  else if (error && isNotFound(error)) body = <NotFound backTo="/volunteering/activities" />;
  else if (error && !data)
    body = <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  else if (!activity) body = <NotFound backTo="/volunteering/activities" />;
  else {
    const link = activity.checkinCode
      ? `${window.location.origin}/volunteering/check-in?code=${encodeURIComponent(activity.checkinCode)}`
      : null;
    body = (
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card size="small">
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('pages.activities.field.time')}>
                {formatMeetingTime(activity.startsAt, activity.endsAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('pages.activities.field.place')}>
                {activity.place}
              </Descriptions.Item>
              <Descriptions.Item label={t('pages.activities.places')}>
                <span data-testid="activity-places">{`${activity.slots - activity.placesLeft} / ${activity.slots}`}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('pages.activities.field.skills')}>
                {activity.requiredSkills.length
                  ? activity.requiredSkills.map((s) => <Tag key={s}>{s}</Tag>)
                  : orNone(null)}
              </Descriptions.Item>
              <Descriptions.Item label={t('pages.activities.field.team')}>
                {orNone(activity.team?.name)}
              </Descriptions.Item>
              <Descriptions.Item label={t('pages.activities.source')}>
                {activity.project ? (
                  <Link to={`/cobuilding/projects/${encodeURIComponent(activity.project.id)}`}>
                    {activity.project.title}
                  </Link>
                ) : (
                  orNone(activity.need?.title)
                )}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card
            size="small"
            title={t('pages.activities.roster')}
            style={{ marginTop: 16 }}
            extra={
              canManage ? (
                <Space>
                  <Select
                    showSearch={{ filterOption: false, onSearch: typeahead.onSearch }}
                    placeholder={t('pages.activities.addVolunteer')}
                    aria-label={t('pages.activities.addVolunteer')}
                    value={person}
                    onChange={setPerson}
                    loading={people.fetching}
                    notFoundContent={
                      typeahead.tooLongMessage ??
                      (typeahead.text ? undefined : t('pages.actions.filter.ownerHint'))
                    }
                    options={(typeahead.shown(people.data)?.people.nodes ?? []).map((p) => ({
                      value: p.id,
                      label: p.name,
                    }))}
                    style={{ width: 200 }}
                    data-testid="signup-person-search"
                  />
                  <Button
                    icon={<UserAddOutlined />}
                    disabled={!person}
                    loading={signing}
                    onClick={() => void onSignUp(person)}
                    data-testid="signup-add"
                  >
                    {t('pages.activities.signUp')}
                  </Button>
                </Space>
              ) : (
                <Button
                  type="primary"
                  loading={signing}
                  onClick={() => void onSignUp()}
                  data-testid="signup-self"
                >
                  {t('pages.activities.signUpSelf')}
                </Button>
              )
            }
          >
            <Table<Signup>
              rowKey="id"
              size="middle"
              pagination={false}
              dataSource={activity.signups}
              columns={columns}
              data-testid="activity-roster"
            />
          </Card>
        </Col>
        {link ? (
          <Col xs={24} lg={8}>
            <Card size="small" title={t('pages.activities.qr')}>
              <Flex vertical align="center" gap={8}>
                <QRCode value={link} size={220} data-testid="activity-qr" />
                <Typography.Text type="secondary">{t('pages.activities.qr.hint')}</Typography.Text>
                <Typography.Text copyable={{ text: link }} data-testid="activity-checkin-link">
                  {t('pages.activities.qr.copy')}
                </Typography.Text>
              </Flex>
            </Card>
          </Col>
        ) : null}
      </Row>
    );
  }

  return (
    <PageContainer
      title={activity?.title ?? t('menu.volunteering.activities')}
      breadcrumb={[
        { title: t('menu.volunteering') },
        { title: t('menu.volunteering.activities'), to: '/volunteering/activities' },
        { title: activity?.title ?? '' },
      ]}
      extra={activity ? <Tag data-testid="activity-status">{activity.statusLabel}</Tag> : null}
      testId="activity-detail-page"
    >
      {body}
      <Modal
        open={check !== null}
        title={
          check
            ? t(check.out ? 'pages.activities.checkOut.title' : 'pages.activities.checkIn.title', {
                name: check.signup.person.name,
              })
            : ''
        }
        okText={t('pages.common.confirm')}
        cancelText={t('pages.common.cancel')}
        confirmLoading={checkingIn || checkingOut}
        onCancel={() => setCheck(null)}
        onOk={() => void onCheck()}
        okButtonProps={{ 'data-testid': 'check-confirm', disabled: atInFuture }}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('pages.activities.checkTime')}</Typography.Text>
          {/* Kept as typed: a time still to come is named, and the confirmation waits for a past one. */}
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            value={at}
            onChange={(v) => v && setAt(v)}
            status={atInFuture ? 'error' : undefined}
            allowClear={false}
            style={{ width: '100%' }}
            data-testid="check-time"
          />
          {atInFuture ? (
            <Typography.Text type="danger" role="alert" data-testid="check-time-error">
              {t('pages.activities.checkTime.future')}
            </Typography.Text>
          ) : null}
        </Space>
      </Modal>
    </PageContainer>
  );
}
