import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import NotFound from '../../../components/NotFound';
import PageContainer from '../../../components/PageContainer';
import PageLoading from '../../../components/PageLoading';
import QueryError from '../../../components/QueryError';
import RoleTags from '../../../components/RoleTags';
import { isNotFound } from '../../../providers/errorHandler';
import { t } from '../../../locales';
import { formatRange, maskMobile, orNone } from '../../../utils/format';
import { CommitteeMemberDetailQuery } from './queries';

export default function CommitteeMemberDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CommitteeMemberDetailQuery,
    variables: { id },
  });
  const breadcrumb = [{ title: t('menu.members'), to: '/members' }, { title: t('menu.members.detail') }];

  const member = data?.node?.__typename === 'CommitteeMembership' ? data.node : null;
  let body;
  if (fetching && !data) body = <PageLoading rows={8} />;
  else if (!member && error && !isNotFound(error))
    body = (
      <Card>
        <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </Card>
    );
  else if (!member)
    body = (
      <Card>
        <NotFound backTo="/members" />
      </Card>
    );
  if (body || !member) {
    return (
      <PageContainer title={t('menu.members.detail')} breadcrumb={breadcrumb} testId="member-detail-page">
        {body}
      </PageContainer>
    );
  }

  return (
    <PageContainer
      title={
        <Space>
          <span data-testid="member-detail-name">{member.person.name}</span>
          {member.isActive ? (
            <Tag color="green">{t('pages.members.active.yes')}</Tag>
          ) : (
            <Tag>{t('pages.members.active.no')}</Tag>
          )}
        </Space>
      }
      breadcrumb={[{ title: t('menu.members'), to: '/members' }, { title: member.person.name }]}
      extra={
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
          {t('pages.common.back')}
        </Button>
      }
      testId="member-detail-page"
    >
      <Card title={t('pages.members.info')} data-testid="member-info">
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: '0', label: t('pages.members.name'), children: member.person.name },
            { key: '1', label: t('pages.members.gender'), children: member.person.genderLabel },
            {
              key: '2',
              label: t('pages.members.mobile'),
              children: <span data-testid="member-mobile">{maskMobile(member.person.mobile)}</span>,
            },
            {
              key: '3',
              label: t('pages.members.partyMember'),
              children: member.person.isPartyMember ? t('pages.common.yes') : t('pages.common.no'),
            },
            {
              key: '4',
              label: t('pages.members.unit'),
              children: member.unit ? (
                <Link to={`/units/${encodeURIComponent(member.unit.id)}`}>{member.unit.name}</Link>
              ) : (
                t('pages.common.none')
              ),
            },
            { key: '5', label: t('pages.members.community'), children: orNone(member.community.name) },
            { key: '6', label: t('pages.members.position'), children: orNone(member.title) },
            {
              key: '7',
              label: t('pages.members.term'),
              children: formatRange(member.termStart, member.termEnd),
            },
            {
              key: '8',
              label: t('pages.members.roles'),
              children: <RoleTags roles={member.roles} labels={member.roleLabels} />,
              span: 2,
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
