import { useState } from 'react';
import { App, Button, Card, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { UserAddOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import EmptyState from '../../../../components/EmptyState';
import type { TeamDetailFragment } from '../../../../graphql/graphql';
import { t } from '../../../../locales';
import { formatDate } from '../../../../utils/format';
import { payloadSucceeded } from '../../../../utils/fieldErrors';
import { TeamMemberAddMutation, TeamMemberRemoveMutation, TeamPersonSearchQuery } from '../queries';
import { useTypeahead } from '../../../../hooks/useTypeahead';

type Member = TeamDetailFragment['members'][number];

/** 队员名单: who is in the team, each linked to their points ledger; a coordinator adds and removes. */
export default function TeamRoster({ team, manage }: { team: TeamDetailFragment; manage: boolean }) {
  const { message } = App.useApp();
  const typeahead = useTypeahead();
  const [person, setPerson] = useState<string | undefined>();
  const [removing, setRemoving] = useState<string | null>(null);
  const [people] = useQuery({
    query: TeamPersonSearchQuery,
    variables: { search: typeahead.search ?? '' },
    pause: !manage || typeahead.search === null,
  });
  const [{ fetching: adding }, add] = useMutation(TeamMemberAddMutation);
  const [, remove] = useMutation(TeamMemberRemoveMutation);
  const fail = (text: string) => message.error(`${t('pages.needs.saveFailed')}：${text}`);
  const members = new Set(team.members.map((m) => m.person.id));
  const options = (typeahead.shown(people.data)?.people.nodes ?? [])
    .filter((p) => !members.has(p.id))
    .map((p) => ({ value: p.id, label: p.community ? `${p.name}（${p.community.name}）` : p.name }));

  const onAdd = async () => {
    if (!person) return;
    const name = people.data?.people.nodes.find((p) => p.id === person)?.name ?? '';
    const result = await add({ input: { team: team.id, person } });
    if (payloadSucceeded(result, result.data?.volunteerTeamMemberAdd, fail)) {
      message.success(t('pages.team.member.added', { name }));
      setPerson(undefined);
      typeahead.onSearch('');
    }
  };

  const onRemove = async (member: Member) => {
    setRemoving(member.person.id);
    const result = await remove({ input: { team: team.id, person: member.person.id } });
    setRemoving(null);
    if (payloadSucceeded(result, result.data?.volunteerTeamMemberRemove, fail)) {
      message.success(t('pages.team.member.removed', { name: member.person.name }));
    }
  };

  const columns: TableProps<Member>['columns'] = [
    {
      title: t('pages.team.member.name'),
      key: 'name',
      render: (_, m) => (
        <Link to={`/volunteering/people/${encodeURIComponent(m.person.id)}`} data-testid="team-member-link">
          {m.person.name}
        </Link>
      ),
    },
    {
      title: t('pages.team.member.role'),
      key: 'role',
      render: (_, m) => (
        <Tag color={m.role === 'LEADER' ? 'red' : 'default'} data-testid="team-member-role">
          {m.roleLabel}
        </Tag>
      ),
    },
    { title: t('pages.team.member.joinedOn'), key: 'joinedOn', render: (_, m) => formatDate(m.joinedOn) },
    ...(manage
      ? [
          {
            title: t('pages.common.actions'),
            key: 'actions',
            render: (_: unknown, m: Member) => (
              <Popconfirm
                title={t('pages.team.member.remove.confirm', { name: m.person.name })}
                okText={t('pages.team.member.remove')}
                okButtonProps={{ danger: true, 'data-testid': 'team-member-remove-ok' }}
                cancelText={t('pages.common.cancel')}
                onConfirm={() => void onRemove(m)}
              >
                <Button
                  type="link"
                  size="small"
                  danger
                  icon={<UserDeleteOutlined />}
                  loading={removing === m.person.id}
                  data-testid="team-member-remove"
                >
                  {t('pages.team.member.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      title={t('pages.team.members', { count: team.members.length })}
      extra={
        manage ? (
          <Space wrap>
            <Select
              showSearch={{ filterOption: false, onSearch: typeahead.onSearch }}
              placeholder={t('pages.team.member.search')}
              aria-label={t('pages.team.member.search')}
              value={person}
              onChange={setPerson}
              loading={people.fetching}
              notFoundContent={
                typeahead.tooLongMessage ?? (typeahead.text ? undefined : t('pages.actions.filter.ownerHint'))
              }
              options={options}
              style={{ width: 240 }}
              data-testid="team-member-search"
            />
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              disabled={!person}
              loading={adding}
              onClick={() => void onAdd()}
              data-testid="team-member-add"
            >
              {t('pages.team.member.add')}
            </Button>
          </Space>
        ) : null
      }
      data-testid="team-roster"
    >
      <Table<Member>
        rowKey={(m) => m.person.id}
        size="middle"
        pagination={false}
        dataSource={team.members}
        columns={columns}
        locale={{ emptyText: <EmptyState description={t('pages.team.members.empty')} /> }}
        data-testid="team-members"
      />
    </Card>
  );
}
