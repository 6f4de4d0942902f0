import { Card, Space, Table, Tag } from 'antd';
import { UsergroupAddOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import EmptyState from '../../../../components/EmptyState';
import RoleTags from '../../../../components/RoleTags';
import type { ResidentUnitDetailQuery } from '../../../../graphql/graphql';
import { t } from '../../../../locales';
import { formatRange, orNone } from '../../../../utils/format';

type Unit = Extract<NonNullable<ResidentUnitDetailQuery['node']>, { __typename: 'ResidentUnit' }>;
type Member = Unit['committeeMembers'][number];

export default function MembersCard({ members }: { members: Member[] }) {
  return (
    <Card
      title={
        <Space>
          <UsergroupAddOutlined />
          <span>{t('pages.units.people')}</span>
          <Tag>{members.length}</Tag>
        </Space>
      }
      data-testid="unit-members"
    >
      <Table<Member>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={members}
        locale={{ emptyText: <EmptyState description={t('pages.units.people.empty')} /> }}
        columns={[
          {
            title: t('pages.units.people.name'),
            key: 'name',
            render: (_, m) => <Link to={`/members/${encodeURIComponent(m.id)}`}>{m.person.name}</Link>,
          },
          {
            title: t('pages.common.community'),
            key: 'community',
            render: (_, m) => orNone(m.community?.name),
          },
          {
            title: t('pages.units.people.roles'),
            key: 'roles',
            render: (_, m) => <RoleTags roles={m.roles} labels={m.roleLabels} />,
          },
          {
            title: t('pages.units.people.term'),
            key: 'term',
            render: (_, m) => formatRange(m.termStart, m.termEnd),
          },
          {
            title: t('pages.units.people.active'),
            key: 'active',
            render: (_, m) =>
              m.isActive ? (
                <Tag color="green">{t('pages.members.active.yes')}</Tag>
              ) : (
                <Tag>{t('pages.members.active.no')}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
