import { Space, Tag } from 'antd';

const ROLE_COLORS: Record<string, string> = {
  POLICY_PUBLICIST: 'red',
  COMMUNITY_ADVISOR: 'gold',
  PROJECT_FOLLOW_UP_OFFICER: 'blue',
  OPINION_COLLECTOR: 'green',
};

/** The roles of a part-time committee member (兼职委员) as coloured tags. */
export default function RoleTags({ roles, labels }: { roles: readonly string[]; labels: readonly string[] }) {
  return (
    <Space size={[0, 4]} wrap data-testid="role-tags">
      {roles.map((role, i) => (
        <Tag key={role} color={ROLE_COLORS[role] ?? 'default'}>
          {labels[i] ?? role}
        </Tag>
      ))}
    </Space>
  );
}
