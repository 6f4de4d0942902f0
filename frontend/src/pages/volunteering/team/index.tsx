import { Card, Descriptions, Space, Tag } from 'antd';
import { useParams } from 'react-router-dom';
import { useQuery } from 'urql';
import NotFound from '../../../components/NotFound';
import PageContainer from '../../../components/PageContainer';
import PageLoading from '../../../components/PageLoading';
import QueryError from '../../../components/QueryError';
import type { TeamDetailFragment } from '../../../graphql/graphql';
import { t } from '../../../locales';
import { isNotFound } from '../../../providers/errorHandler';
import { formatDate, orNone } from '../../../utils/format';
import TeamRoster from './components/TeamRoster';
import TeamServiceLog from './components/TeamServiceLog';
import { TeamDetailQuery } from './queries';

const BACK = '/volunteering';

/** `node(id)` answers with any type; an id of another kind reads as not found. */
const isTeam = (node: object): node is TeamDetailFragment => 'members' in node;

/** 服务队详情: a volunteer team's leader, sponsor and skills, its roster and its service log. */
export default function VolunteerTeamPage() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: TeamDetailQuery, variables: { id } });
  const team = data?.node && isTeam(data.node) ? data.node : null;

  let body;
  if (fetching && !data) body = <PageLoading rows={8} />;
  else if (error && isNotFound(error)) body = <NotFound backTo={BACK} />;
  else if (error && !data)
    body = <QueryError error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  else if (!team) body = <NotFound backTo={BACK} />;
  else
    body = (
      <>
        <Card size="small" title={t('pages.team.info')} data-testid="team-info">
          <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
            <Descriptions.Item label={t('pages.team.community')}>{team.community.name}</Descriptions.Item>
            <Descriptions.Item label={t('pages.volunteering.leader')}>
              <span data-testid="team-leader">{orNone(team.leader?.name)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('pages.team.sponsor')}>
              <span data-testid="team-sponsor">
                {orNone(team.sponsorUnit?.name ?? team.sponsorOrganisation?.name)}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('pages.volunteering.memberCount')}>
              <span data-testid="team-member-count">{team.memberCount}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('pages.volunteering.foundedOn')}>
              {formatDate(team.foundedOn)}
            </Descriptions.Item>
            <Descriptions.Item label={t('pages.team.totalHours')}>
              {Math.round((team.totalServiceMinutes / 60) * 10) / 10}
            </Descriptions.Item>
            <Descriptions.Item label={t('pages.volunteering.skills')} span={{ xs: 1, md: 2, xl: 3 }}>
              {team.skills.length > 0 ? (
                <Space size={[0, 4]} wrap data-testid="team-skills">
                  {team.skills.map((skill) => (
                    <Tag key={skill}>{skill}</Tag>
                  ))}
                </Space>
              ) : (
                orNone(null)
              )}
            </Descriptions.Item>
            {team.description ? (
              <Descriptions.Item label={t('pages.team.description')} span={{ xs: 1, md: 2, xl: 3 }}>
                {team.description}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
        <TeamRoster team={team} manage={team.viewerCanManage && !team.archivedAt} />
        <TeamServiceLog team={team.id} />
      </>
    );

  return (
    <PageContainer
      title={team?.name ?? t('menu.volunteering.teams')}
      breadcrumb={[
        { title: t('menu.volunteering') },
        { title: t('menu.volunteering.teams'), to: BACK },
        ...(team ? [{ title: team.name }] : []),
      ]}
      extra={team?.archivedAt ? <Tag data-testid="team-archived">{t('pages.team.archived')}</Tag> : null}
      testId="team-page"
    >
      {body}
    </PageContainer>
  );
}
